import Foundation
import Testing
import TongketTestSupport

/// The three library targets keep their layers by the compiler. Inside the application target the
/// rooms (one folder each) are kept apart by this test: a room may use a room listed before it,
/// never one after, so that no two rooms depend on each other.
@Suite("Các tầng và các phòng của mã nguồn")
struct LayeringTests {
    /// Each room of Sources/TongketKit, in the order of use: later rooms may use earlier ones.
    static let order = ["Support", "Comments", "Consolidation", "PDF", "Render", "Output", "Skeleton", "Redline", "Versions"]

    /// The types a room declares at its top level, found by their declarations.
    func declaredTypes(in room: URL) throws -> Set<String> {
        var names = Set<String>()
        for file in try swiftFiles(in: room) {
            // Top-level declarations only: nested helper types ("Key") are not a room's vocabulary.
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") where line.first?.isLetter == true {
                let words = line.split(separator: " ").map(String.init)
                guard let index = words.firstIndex(where: { ["struct", "enum", "class", "protocol"].contains($0) }),
                    index + 1 < words.count, words[..<index].allSatisfy({ ["public", "package", "final"].contains($0) })
                else { continue }
                names.insert(String(words[index + 1].prefix { $0.isLetter || $0.isNumber }))
            }
        }
        return names
    }

    func swiftFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
    }

    /// Whether any file of `room` names one of `types` as a whole word.
    func uses(_ room: URL, _ types: Set<String>) throws -> [String] {
        var found = Set<String>()
        for file in try swiftFiles(in: room) {
            let text = try String(contentsOf: file, encoding: .utf8)
            var word = ""
            for character in text + " " {
                if character.isLetter || character.isNumber || character == "_" {
                    word.append(character)
                } else {
                    if types.contains(word) { found.insert(word) }
                    word = ""
                }
            }
        }
        return found.sorted()
    }

    @Test("mỗi phòng chỉ dùng các phòng đứng trước nó: không có vòng phụ thuộc")
    func roomsHaveNoCycles() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources/TongketKit")
        let rooms = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasSuffix(".swift") }.sorted()
        #expect(Set(rooms) == Set(Self.order), "thư mục mới trong Sources/TongketKit phải được xếp vào LayeringTests.order")
        var declared: [String: Set<String>] = [:]
        for room in Self.order { declared[room] = try declaredTypes(in: sources.appendingPathComponent(room)) }
        for (index, room) in Self.order.enumerated() {
            for later in Self.order[(index + 1)...] {
                let used = try uses(sources.appendingPathComponent(room), declared[later] ?? [])
                #expect(used.isEmpty, "\(room) dùng \(used.joined(separator: ", ")) của \(later), phòng đứng sau nó")
            }
        }
    }

    /// The rooms of Sources/TongketForms, in the order of use: the package reader and the XML door
    /// know nothing of forms; both readers share the YAML they build; pairing uses both readers.
    static let formsOrder = ["Package", "XML", "Shared", "Excel", "Word", "Pairing"]

    @Test("biểu mẫu: mỗi phòng chỉ dùng các phòng đứng trước nó")
    func formRoomsHaveNoCycles() throws {
        let sources = Fixtures.root.appendingPathComponent("Sources/TongketForms")
        let rooms = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { !$0.hasSuffix(".swift") }.sorted()
        #expect(Set(rooms) == Set(Self.formsOrder), "thư mục mới trong Sources/TongketForms phải được xếp vào LayeringTests.formsOrder")
        var declared: [String: Set<String>] = [:]
        for room in Self.formsOrder { declared[room] = try declaredTypes(in: sources.appendingPathComponent(room)) }
        for (index, room) in Self.formsOrder.enumerated() {
            for later in Self.formsOrder[(index + 1)...] {
                let used = try uses(sources.appendingPathComponent(room), declared[later] ?? [])
                #expect(used.isEmpty, "\(room) dùng \(used.joined(separator: ", ")) của \(later), phòng đứng sau nó")
            }
        }
    }

    @Test("bài kiểm tra tầng thật sự bắt được một phụ thuộc ngược")
    func checkerSeesAUse() throws {
        let folder = try Fixtures.temporaryDirectory()
        try Data("let x = VersionStore(directory: y)\n".utf8).write(to: folder.appendingPathComponent("A.swift"))
        #expect(try uses(folder, ["VersionStore", "Redline"]) == ["VersionStore"])
        try Data("public final class VersionStore {}\nenum Other {\n".utf8).write(to: folder.appendingPathComponent("B.swift"))
        #expect(try declaredTypes(in: folder) == ["VersionStore", "Other"])
    }
}
