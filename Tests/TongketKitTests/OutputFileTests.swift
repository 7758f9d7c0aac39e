import Foundation
import Testing
import TongketKit
import TongketTestSupport

@testable import TongketCore
@testable import TongketDocument

@Suite("Ghi tệp an toàn")
struct OutputFileTests {
    @Test("ghi qua tệp tạm rồi đổi tên; không để lại tệp tạm")
    func atomicWrite() throws {
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("a.md")
        try OutputFile.write(Data("một".utf8), to: target, overwrite: .never)
        try OutputFile.write(Data("hai".utf8), to: target, overwrite: .always)
        #expect(try String(contentsOf: target, encoding: .utf8) == "hai")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.md"])
    }

    @Test("đồng bộ xuống đĩa rồi ghi thêm một mẩu nhỏ rồi đặt vào chỗ: không mất byte nào")
    func writeAfterSynchronize() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("tep.md")
        let file = try StreamingOutputFile(url, overwrite: .always)
        try file.write(Array("một ".utf8))
        try file.synchronize()
        // Gathered, under 64 KB: only `commit` puts it in the file.
        try file.write(Array("hai".utf8))
        try file.commit()
        #expect(try String(contentsOf: url, encoding: .utf8) == "một hai")
    }

    @Test("không thay tệp của người dùng; báo lỗi, tệp cũ nguyên vẹn")
    func refusals() throws {
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("a.md")
        try Data("của tôi".utf8).write(to: target)
        #expect(throws: FileError.self) { try OutputFile.write(Data("x".utf8), to: target, overwrite: .never) }
        #expect(throws: FileError.self) {
            try OutputFile.write(Data("x".utf8), to: target, overwrite: .ifMadeByTongket(isOurs: { _ in false }))
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "của tôi")
        try OutputFile.write(Data("x".utf8), to: target, overwrite: .ifMadeByTongket(isOurs: { _ in true }))
        #expect(try String(contentsOf: target, encoding: .utf8) == "x")
    }

    @Test("đích là thư mục, hoặc thư mục không ghi được: lỗi, không có tệp tạm")
    func failures() throws {
        let dir = try Fixtures.temporaryDirectory()
        let folder = dir.appendingPathComponent("b.md")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(throws: FileError.self) { try OutputFile.write(Data("x".utf8), to: folder, overwrite: .always) }
        let locked = dir.appendingPathComponent("khoa")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o500], ofItemAtPath: locked.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: locked.path) }
        // root ignores permission bits, so only check the refusal where it applies.
        if getuid() != 0 {
            #expect(throws: FileError.self) {
                try OutputFile.write(Data("x".utf8), to: locked.appendingPathComponent("c.md"), overwrite: .always)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: locked.path).isEmpty)
    }

    @Test("nhận ra tệp do tongket tạo")
    func recognisesOwnFiles() {
        #expect(ReportRenderer.isGenerated(Array("<!-- Tạo bởi tongket từ a.yaml -->\n".utf8)))
        #expect(ReportRenderer.isGenerated(Array("<!DOCTYPE html>\n<meta name=\"generator\" content=\"tongket\">".utf8)))
        #expect(!ReportRenderer.isGenerated(Array("Báo cáo tự soạn".utf8)))
    }
}

@Suite("Ghi tệp từng phần")
struct StreamingOutputFileTests {
    @Test("chỉ thay tệp cũ khi hoàn tất; bỏ dở thì tệp cũ nguyên vẹn, không có tệp tạm")
    func commitAndDiscard() throws {
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("a.md")
        try Data("cũ".utf8).write(to: target)
        do {
            let stream = try StreamingOutputFile(target, overwrite: .always)
            try stream.write(Array("mới một nửa".utf8))
            stream.discard()
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "cũ")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.md"])
        do {
            // Dropped without commit (an error half-way): the same.
            let stream = try StreamingOutputFile(target, overwrite: .always)
            try stream.write(Array("bỏ dở".utf8))
        }
        #expect(try String(contentsOf: target, encoding: .utf8) == "cũ")
        let stream = try StreamingOutputFile(target, overwrite: .always)
        for piece in ["một ", "hai ", "ba"] { try stream.write(Array(piece.utf8)) }
        try stream.commit()
        #expect(try String(contentsOf: target, encoding: .utf8) == "một hai ba")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.md"])
        #expect(throws: FileError.self) { try StreamingOutputFile(target, overwrite: .never) }
    }

    @Test("phần lớn (từ 1 MB) ghi thẳng, giữa các phần nhỏ đang gom: tệp đúng thứ tự từng byte")
    func largePiecesInOrder() throws {
        let target = try Fixtures.temporaryDirectory().appendingPathComponent("b.html")
        let large = [UInt8](repeating: UInt8(ascii: "x"), count: 3 << 20)
        let middle = [UInt8](repeating: UInt8(ascii: "y"), count: (1 << 20) - 1)
        let stream = try StreamingOutputFile(target, overwrite: .always)
        try stream.write(Array("đầu ".utf8))
        try stream.write(large)
        try stream.write(middle)
        try stream.write(Data("ở giữa ".utf8))
        try stream.write(Data(large))
        try stream.write(Array(" cuối".utf8))
        try stream.commit()
        let expected = Array("đầu ".utf8) + large + middle + Array("ở giữa ".utf8) + large + Array(" cuối".utf8)
        #expect(try Data(contentsOf: target) == Data(expected))
    }
}
