import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// The shipped second outline has x-yen-dinh formed on 01/07/2025 from x-dinh-lien, x-dinh-long
/// and x-dinh-tang, each ended on 30/06/2025; the example's x-yen-dinh.yaml reports their
/// 2021–2024 figures under `so_lieu_don_vi_cu`. Each test changes one line of those files.
@Suite("Đơn vị thay đổi trong giai đoạn: kiểm tra đề cương và báo cáo")
struct RearrangedUnitsValidationTests {
    static let outlineFolder = Fixtures.root.appendingPathComponent("outline/cchc-2021-2030-so-ket")
    static let example = Fixtures.root.appendingPathComponent("examples/thanh-hoa-2025-so-ket/x-yen-dinh.yaml")
    let outline: Outline
    let text: String

    init() throws {
        outline = try OutlineLoader.load(from: Self.outlineFolder)
        text = try String(contentsOf: Self.example, encoding: .utf8)
    }

    /// The 1-based line and column where `needle` starts in `text`.
    static func place(of needle: String, in text: String, after anchor: String? = nil) throws -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var start = 0
        if let anchor { start = try #require(lines.firstIndex { $0.contains(anchor) }) }
        let index = try #require(lines[start...].firstIndex { $0.contains(needle) })
        let column = lines[index].distance(from: lines[index].startIndex, to: try #require(lines[index].range(of: needle)).lowerBound)
        return (index + 1, column + 1)
    }

    func check(_ yaml: String) -> LoadedSubmission {
        Fixtures.load(yaml, name: "x-yen-dinh.yaml", outline: outline)
    }

    // MARK: Submissions

    @Test("xã thành lập năm 2025 ghi số liệu các xã cũ: không lỗi, không cảnh báo; số liệu mỗi xã cũ riêng")
    func mergedCommuneValidatesClean() throws {
        let loaded = check(text)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let submission = try #require(loaded.submission)
        #expect(submission.predecessorFigures.keys.sorted() == ["x-dinh-lien", "x-dinh-long", "x-dinh-tang"])
        #expect(
            submission.predecessorFigures["x-dinh-lien"]?["phu-luc-02"]?["ho-so-tiep-nhan"] == [
                2021: 1850, 2022: 1960, 2023: 2040, 2024: 2150,
            ])
        #expect(submission.figures["phu-luc-02"]?["ho-so-tiep-nhan"] == [2025: 6840])
    }

    @Test("số liệu năm trước ngày thành lập trong 'phu_luc' của xã mới: cảnh báo có vị trí, không tổng hợp")
    func ownFiguresBeforeFormation() throws {
        let yaml = text.replacingOccurrences(of: "    vb-qppl-ban-hanh: {2025: 1}", with: "    vb-qppl-ban-hanh: {2024: 3, 2025: 1}")
        let loaded = check(yaml)
        #expect(loaded.diagnostics.count == 1)
        let warning = try #require(loaded.diagnostics.first)
        let at = try Self.place(of: "2024: 3", in: yaml, after: "vb-qppl-ban-hanh: {2024: 3")
        #expect(warning.severity == .warning)
        #expect(warning.kind == .yearOutOfPeriod)
        #expect(warning.location == SourceLocation(file: "x-yen-dinh.yaml", line: at.line, column: at.column))
        #expect(warning.message.contains("năm 2024: UBND xã Yên Định được thành lập ngày 01/07/2025 nên chỉ báo cáo số liệu từ năm 2025"))
        #expect(warning.message.contains("(x-dinh-lien, x-dinh-long, x-dinh-tang) ghi ở khóa 'so_lieu_don_vi_cu'"))
        #expect(loaded.submission?.figures["phu-luc-01"]?["vb-qppl-ban-hanh"] == [2025: 1])
    }

    @Test("số liệu xã cũ năm xã đó đã kết thúc: lỗi có vị trí")
    func predecessorYearAfterEnd() throws {
        // Only x-dinh-lien's row, the first of its kind in the file.
        var yaml = text
        let row = try #require(yaml.range(of: "      vb-qppl-ban-hanh: {2021: 1, 2022: 0, 2023: 1, 2024: 1}"))
        yaml.replaceSubrange(row, with: "      vb-qppl-ban-hanh: {2021: 1, 2022: 0, 2023: 1, 2024: 1, 2025: 1}")
        let loaded = check(yaml)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        let at = try Self.place(of: "2025: 1}", in: yaml, after: "  x-dinh-lien:")
        #expect(error.kind == .yearOutOfPeriod)
        #expect(error.location == SourceLocation(file: "x-yen-dinh.yaml", line: at.line, column: at.column))
        #expect(error.message.contains("UBND xã Định Liên kết thúc ngày 30/06/2025 nên chỉ báo cáo số liệu đến năm 2024"))
    }

    @Test("mã không phải đơn vị tiền thân: lỗi kèm gợi ý mã gần nhất")
    func unknownPredecessorInSubmission() throws {
        let yaml = text.replacingOccurrences(of: "\n  x-dinh-lien:\n", with: "\n  x-dinh-lienn:\n")
        let loaded = check(yaml)
        let error = try #require(loaded.diagnostics.first { $0.kind == .unknownUnit })
        let at = try Self.place(of: "x-dinh-lienn:", in: yaml)
        #expect(error.location == SourceLocation(file: "x-yen-dinh.yaml", line: at.line, column: at.column))
        #expect(error.message.contains("'x-dinh-lienn' không phải đơn vị tiền thân của UBND xã Yên Định"))
        #expect(error.message.hasSuffix("có phải là 'x-dinh-lien'?"))
        // The commune left out is then asked for, as a warning.
        #expect(
            loaded.diagnostics.contains {
                $0.severity == .warning && $0.message.contains("chưa có số liệu của x-dinh-lien (UBND xã Định Liên, 2021–2024)")
            })
    }

    @Test("không có 'so_lieu_don_vi_cu': một cảnh báo nêu các xã cũ và các năm")
    func predecessorsAskedFor() throws {
        let start = try #require(text.range(of: "\n# Số liệu 2021 - 2024 của ba xã cũ"))
        let end = try #require(text.range(of: "\nkhen_thuong: []"))
        let yaml = String(text[..<start.lowerBound]) + String(text[end.lowerBound...])
        let loaded = check(yaml)
        #expect(loaded.diagnostics.count == 1)
        #expect(loaded.diagnostics.first?.severity == .warning)
        #expect(
            loaded.diagnostics.first?.message
                == "chưa có số liệu của các đơn vị tiền thân ('so_lieu_don_vi_cu'): x-dinh-lien (UBND xã Định Liên, 2021–2024), x-dinh-long (UBND xã Định Long, 2021–2024), x-dinh-tang (UBND xã Định Tăng, 2021–2024); không cần ghi nếu báo cáo lưu trữ của các đơn vị đó được tổng hợp cùng"
        )
    }

    @Test("đơn vị không có tiền thân dùng 'so_lieu_don_vi_cu': lỗi")
    func keyWithoutPredecessors() throws {
        let url = Fixtures.root.appendingPathComponent("examples/thanh-hoa-2025-so-ket/p-hac-thanh.yaml")
        let yaml = try String(contentsOf: url, encoding: .utf8) + "\nso_lieu_don_vi_cu:\n  x-dinh-lien: {}\n"
        let loaded = Fixtures.load(yaml, name: "p-hac-thanh.yaml", outline: outline)
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        let at = try Self.place(of: "so_lieu_don_vi_cu:", in: yaml)
        #expect(error.kind == .notApplicable)
        #expect(error.location == SourceLocation(file: "p-hac-thanh.yaml", line: at.line, column: at.column))
        #expect(error.message.contains("UBND phường Hạc Thành không có đơn vị tiền thân"))
    }

    // MARK: The outline

    /// The shipped outline with `don-vi.yaml` changed by `edit`, checked.
    func checkOutline(_ edit: (String) -> String) throws -> (diagnostics: [Diagnostic], units: String, file: String) {
        let copy = try Fixtures.temporaryDirectory().appendingPathComponent("de-cuong")
        try FileManager.default.copyItem(at: Self.outlineFolder, to: copy)
        let file = copy.appendingPathComponent("don-vi.yaml")
        let units = edit(try String(contentsOf: file, encoding: .utf8))
        try Data(units.utf8).write(to: file)
        return (OutlineLoader.check(copy).diagnostics, units, file.path)
    }

    @Test("ngày không đọc được")
    func unreadableDate() throws {
        let r = try checkOutline { $0.replacingOccurrences(of: "thanh_lap: \"01/07/2025\"", with: "thanh_lap: \"31/02/2025\"") }
        let at = try Self.place(of: "\"31/02/2025\"", in: r.units)
        let error = try #require(r.diagnostics.first)
        #expect(r.diagnostics.count == 1)
        #expect(error.kind == .badDate)
        #expect(error.location == SourceLocation(file: r.file, line: at.line, column: at.column))
        #expect(error.message.contains("'thanh_lap' phải là một ngày có thật"))
    }

    @Test("đơn vị tiền thân không có trong danh mục: lỗi kèm gợi ý")
    func unknownPredecessor() throws {
        let r = try checkOutline {
            $0.replacingOccurrences(of: "[x-dinh-lien, x-dinh-long, x-dinh-tang]", with: "[x-dinh-lien, x-dinh-longg, x-dinh-tang]")
        }
        let at = try Self.place(of: "x-dinh-longg", in: r.units)
        let error = try #require(r.diagnostics.first)
        #expect(error.kind == .unknownUnit)
        #expect(error.location == SourceLocation(file: r.file, line: at.line, column: at.column))
        #expect(error.message == "đơn vị tiền thân 'x-dinh-longg' không có trong don-vi.yaml; có phải là 'x-dinh-long'?")
    }

    @Test("đơn vị tiền thân không có 'ket_thuc'")
    func predecessorWithoutEnd() throws {
        let r = try checkOutline {
            $0.replacingOccurrences(
                of: "\"XÃ ĐỊNH TĂNG\"]\n    ket_thuc: \"30/06/2025\"\n", with: "\"XÃ ĐỊNH TĂNG\"]\n")
        }
        let at = try Self.place(of: "x-dinh-tang]", in: r.units)
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.kind == .missingField)
        #expect(r.diagnostics.first?.location == SourceLocation(file: r.file, line: at.line, column: at.column))
        #expect(r.diagnostics.first?.message.hasPrefix("đơn vị tiền thân 'x-dinh-tang' phải có 'ket_thuc'") == true)
    }

    @Test("đơn vị tiền thân kết thúc không trước ngày thành lập của đơn vị mới")
    func predecessorEndsTooLate() throws {
        let r = try checkOutline {
            $0.replacingOccurrences(
                of: "\"XÃ ĐỊNH LONG\"]\n    ket_thuc: \"30/06/2025\"", with: "\"XÃ ĐỊNH LONG\"]\n    ket_thuc: \"01/07/2025\"")
        }
        let at = try Self.place(of: "x-dinh-long,", in: r.units)
        #expect(r.diagnostics.count == 1)
        #expect(r.diagnostics.first?.location == SourceLocation(file: r.file, line: at.line, column: at.column))
        #expect(
            r.diagnostics.first?.message
                == "đơn vị tiền thân 'x-dinh-long' kết thúc ngày 01/07/2025, không trước ngày thành lập 01/07/2025 của 'x-yen-dinh'")
    }

    @Test("ngày kết thúc trước ngày thành lập")
    func endBeforeFormation() throws {
        let r = try checkOutline {
            $0.replacingOccurrences(
                of: "\"XÃ ĐỊNH LIÊN\"]\n    ket_thuc: \"30/06/2025\"",
                with: "\"XÃ ĐỊNH LIÊN\"]\n    thanh_lap: \"01/01/2026\"\n    ket_thuc: \"30/06/2025\"")
        }
        let at = try Self.place(of: "\"30/06/2025\"", in: r.units, after: "\"XÃ ĐỊNH LIÊN\"")
        let error = try #require(r.diagnostics.first { $0.message.contains("trước 'thanh_lap'") })
        #expect(error.kind == .badDate)
        #expect(error.location == SourceLocation(file: r.file, line: at.line, column: at.column))
        #expect(error.message == "'ket_thuc' (30/06/2025) trước 'thanh_lap' (01/01/2026) của đơn vị 'x-dinh-lien'")
    }

    @Test("các đơn vị tiền thân tạo thành vòng")
    func cycle() throws {
        let r = try checkOutline {
            $0.replacingOccurrences(
                of: "\"XÃ ĐỊNH LIÊN\"]\n", with: "\"XÃ ĐỊNH LIÊN\"]\n    thanh_lap: \"01/01/2021\"\n    tien_than: [x-yen-dinh]\n")
        }
        let cycle = try #require(r.diagnostics.first { $0.message.hasPrefix("các đơn vị tiền thân tạo thành vòng") })
        let at = try Self.place(of: "x-dinh-lien,", in: r.units)
        #expect(cycle.message == "các đơn vị tiền thân tạo thành vòng: x-yen-dinh → x-dinh-lien → x-yen-dinh")
        #expect(cycle.location == SourceLocation(file: r.file, line: at.line, column: at.column))
        #expect(r.diagnostics.filter { $0.message.hasPrefix("các đơn vị tiền thân tạo thành vòng") }.count == 1)
    }
}

@Suite("Tệp mẫu của đơn vị thành lập trong giai đoạn")
struct RearrangedUnitSkeletonTests {
    @Test("xã thành lập ngày 01/7/2025: phụ lục chỉ năm 2025, số liệu mỗi xã cũ các năm 2021 - 2024")
    func skeleton() throws {
        let outline = try OutlineLoader.load(from: RearrangedUnitsValidationTests.outlineFolder)
        let yaml = SkeletonWriter.yaml(for: try #require(outline.unit("x-yen-dinh")), outline: outline)
        #expect(yaml.contains("\nphu_luc:\n"))
        #expect(yaml.contains("\n    ho-so-tiep-nhan: {2025: }\n"))
        #expect(yaml.contains("\nso_lieu_don_vi_cu:\n  x-dinh-lien:  # UBND xã Định Liên, kết thúc ngày 30/06/2025\n"))
        #expect(yaml.contains("\n      ho-so-tiep-nhan: {2021: , 2022: , 2023: , 2024: }\n"))
        #expect(yaml.components(separatedBy: "kết thúc ngày 30/06/2025\n").count - 1 == 3)
        // The skeleton reads back without a complaint about its years or its units.
        let loaded = Fixtures.load(yaml, name: "x-yen-dinh.yaml", outline: outline)
        #expect(!loaded.diagnostics.contains { [.yearOutOfPeriod, .unknownUnit, .unknownKey, .notApplicable].contains($0.kind) })
        // A commune that did not change has no such block.
        let other = SkeletonWriter.yaml(for: try #require(outline.unit("x-tho-xuan")), outline: outline)
        #expect(!other.contains("so_lieu_don_vi_cu"))
        #expect(other.contains("{2021: , 2022: , 2023: , 2024: , 2025: }"))
    }
}

/// The example folder read twice: as shipped (x-yen-dinh reports its three old communes) and with
/// each old commune's figures moved into an archived report of its own.
@Suite("Ví dụ sơ kết: báo cáo lưu trữ của các xã cũ hay số liệu xã mới ghi thay cho cùng một dự thảo")
struct RearrangedExampleTests {
    static let folder = Fixtures.root.appendingPathComponent("examples/thanh-hoa-2025-so-ket")
    static let olds = ["x-dinh-lien", "x-dinh-long", "x-dinh-tang"]

    /// `text` from the line starting `from` up to (not including) the line starting `to`.
    static func cut(_ text: String, from: String, to: String) throws -> Range<String.Index> {
        let start = try #require(text.range(of: "\n" + from))
        let end = try #require(text.range(of: "\n" + to, range: start.upperBound..<text.endIndex))
        return start.lowerBound..<end.lowerBound
    }

    /// A folder with the example's other files, x-yen-dinh without its block, and an archived
    /// report for each old commune made of p-hac-thanh's text and the commune's figures.
    static func archivedFolder() throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        for name in ["p-bim-son.yaml", "p-hac-thanh.yaml", "so-noi-vu.yaml", "so-tu-phap.yaml"] {
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: dir.appendingPathComponent(name))
        }
        var successor = try String(contentsOf: folder.appendingPathComponent("x-yen-dinh.yaml"), encoding: .utf8)
        let block = try cut(successor, from: "# Số liệu 2021 - 2024 của ba xã cũ", to: "khen_thuong:")
        let figures = String(successor[block])
        successor.removeSubrange(block)
        try Data(successor.utf8).write(to: dir.appendingPathComponent("x-yen-dinh.yaml"))
        let template = try String(contentsOf: folder.appendingPathComponent("p-hac-thanh.yaml"), encoding: .utf8)
        for (index, id) in olds.enumerated() {
            let start = try #require(figures.range(of: "\n  \(id):\n"))
            var end = figures.endIndex
            if index + 1 < olds.count {
                end = try #require(figures.range(of: "\n  \(olds[index + 1]):\n", range: start.upperBound..<figures.endIndex)).lowerBound
            }
            // The commune's tables, four spaces less indented: its own `phu_luc`.
            let tables = figures[start.upperBound..<end].split(separator: "\n").map { String($0.dropFirst(2)) }
            var text = template.replacingOccurrences(of: "don_vi: p-hac-thanh", with: "don_vi: \(id)")
            text.replaceSubrange(try cut(text, from: "phu_luc:", to: "khen_thuong:"), with: "\nphu_luc:\n" + tables.joined(separator: "\n"))
            // Sent while the commune still existed.
            text = text.replacingOccurrences(of: try #require(text.firstMatch(of: /ngay: "[0-9\/]+"/)).0, with: "ngay: \"20/01/2025\"")
            try Data(text.utf8).write(to: dir.appendingPathComponent("\(id).yaml"))
        }
        return dir
    }

    @Test("mọi bảng phụ lục của dự thảo như nhau; các xã cũ ghi là báo cáo lưu trữ, không thuộc diện phải gửi")
    func sameDraftTables() throws {
        let outline = try OutlineLoader.load(from: RearrangedUnitsValidationTests.outlineFolder)
        let asOf = outline.programme.consolidatedDeadline
        let shipped = SubmissionFolder.consolidator(paths: [Self.folder.path], outline: outline, strict: false)
        let archived = SubmissionFolder.consolidator(paths: [try Self.archivedFolder().path], outline: outline, strict: false)
        #expect(archived.problems.isEmpty, "\(archived.problems.map(\.diagnostics))")
        let a = shipped.consolidate(asOf: asOf)
        let b = archived.consolidate(asOf: asOf)
        #expect(a.notices.isEmpty && b.notices.isEmpty)
        for (left, right) in zip(a.appendices, b.appendices) {
            #expect(left.figures == right.figures, "\(left.table.id)")
            #expect(left.reporters == right.reporters, "\(left.table.id)")
            #expect(left.contributors == right.contributors, "\(left.table.id)")
        }
        // Archived reports are shown, not expected, not late, and not counted among the 24.
        #expect(a.expectedCount == 24 && b.expectedCount == 24)
        #expect(a.includedCount == 5 && b.includedCount == 5)
        let old = b.annex.filter { Self.olds.contains($0.unit.id) }
        #expect(old.count == 3 && old.allSatisfy { !$0.isExpected && $0.isIncluded })
        // An archived report dated before the plan is not taken for a typing slip.
        let loaded = SubmissionLoader.load(
            contentsOf: try Self.archivedFolder().appendingPathComponent("x-dinh-lien.yaml"), outline: outline)
        #expect(!loaded.diagnostics.contains { $0.kind == .badDate }, "\(loaded.diagnostics)")
    }
}
