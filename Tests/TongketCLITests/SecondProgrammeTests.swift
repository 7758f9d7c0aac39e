import Foundation
import Testing
import TongketKit
import TongketTestSupport

/// The second bundled programme, the mid-term review 2021–2025 of the 2021–2030 reform programme
/// (`outline/cchc-2021-2030-so-ket`), is only a new folder of data: every command runs on it with
/// `--outline`, and neither programme's words leak into the other's draft.
@Suite("Chương trình thứ hai: sơ kết 2021 - 2025")
struct SecondProgrammeTests {
    static let outline = "outline/cchc-2021-2030-so-ket"
    static let example = "examples/thanh-hoa-2025-so-ket"
    static let schema = "outline/cchc-2021-2030-so-ket.schema.json"

    /// Words only the first programme (2011–2020, Kế hoạch 34/KH-UBND) has.
    static let firstProgrammeWords = ["2011", "2020", "34/KH-UBND", "Nga Sơn", "2011 - 2020"]

    @Test("đề cương tải được: hai cấp chính quyền, giai đoạn 2021 - 2025, mục tiêu năm 2025")
    func outlineLoads() throws {
        let r = try CLI.run(["outline", "--outline", Self.outline])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(r.stdout.contains("(mã đề cương: cchc-2021-2030-so-ket)"))
        let lists = try CLI.run(["outline", "--outline", Self.outline, "--units", "--appendices"])
        #expect(lists.status == 0, "\(lists.stderr)")
        // Eight communes of today and the three illustrative ones x-yen-dinh was formed from.
        #expect(lists.stdout.contains("UBND xã, phường (xa-phuong) — cấp xã: 11 đơn vị"))
        #expect(lists.stdout.contains("UBND xã Yên Định  — thành lập 01/07/2025 từ x-dinh-lien, x-dinh-long, x-dinh-tang\n"))
        #expect(lists.stdout.contains("UBND xã Định Liên  — kết thúc 30/06/2025\n"))

        let outline = try OutlineLoader.load(from: Fixtures.root.appendingPathComponent(Self.outline))
        let programme = outline.programme
        #expect(programme.years == 2021...2025)
        #expect(programme.unitKinds.map(\.id) == ["so-nganh", "trung-uong", "xa-phuong"])
        #expect(programme.basis.number == "…/KH-UBND")
        #expect(outline.thematics.count == 5)
        #expect(
            outline.appendices.map(\.id) == [
                "phu-luc-01", "phu-luc-02", "phu-luc-03", "phu-luc-04", "phu-luc-05", "phu-luc-06", "phu-luc-ks",
            ])
        #expect(!outline.targets.isEmpty)
        #expect(outline.targets.allSatisfy { $0.year == 2025 })
    }

    @Test(
        "mọi ví dụ hợp lệ với đề cương của nó, mã thoát 0",
        arguments: [
            (outline: "outline/cchc-2011-2020", folder: "examples/thanh-hoa-2020"),
            (outline: SecondProgrammeTests.outline, folder: SecondProgrammeTests.example),
        ])
    func examplesValidate(outline: String, folder: String) throws {
        let r = try CLI.run(["validate", "--outline", outline, folder])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(" 0 lỗi, "))
    }

    @Test("ví dụ sơ kết: xã thành lập ngày 01/7/2025 ghi số liệu 2021 - 2024 của các xã cũ, không lỗi, không cảnh báo")
    func mergedCommuneValidatesClean() throws {
        let one = try CLI.run(["validate", "\(Self.example)/x-yen-dinh.yaml", "--outline", Self.outline])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stderr.isEmpty, "\(one.stderr)")
        #expect(one.stdout.hasSuffix("Đã kiểm tra 1 tệp: 0 lỗi, 0 cảnh báo.\n"))
        let r = try CLI.run(["validate", "--outline", Self.outline, Self.example, "--strict"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("Đã kiểm tra 5 tệp: 0 lỗi, 0 cảnh báo.\n"))
    }

    @Test("consolidate ghi dự thảo sơ kết: đủ ba định dạng, số đơn vị đã gửi, bảng đối chiếu mục tiêu")
    func consolidateWritesTheDraft() throws {
        let draft = try Self.consolidate(Self.example, outline: Self.outline)
        #expect(draft.result.status == 0, "\(draft.result.stderr)")
        #expect(
            draft.result.stderr.contains(
                "Tính đến 30/09/2025: đã gửi 5/24 đơn vị (hợp lệ 5, có lỗi 0, gửi muộn 1); chưa gửi 19, trong đó quá hạn 19."))
        #expect(FileManager.default.fileExists(atPath: draft.directory.appendingPathComponent("bao-cao-tong-hop.docx").path))
        #expect(
            draft.markdown.contains("**Sơ kết 05 năm thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030"))
        #expect(draft.markdown.contains("Thực hiện Kế hoạch số …/KH-UBND ngày 21/07/2025 của UBND tỉnh Thanh Hóa"))
        #expect(draft.markdown.contains("| Năm 2025 | Giai đoạn 2021 - 2025 |"))
        // Results against the 2025 targets: online services met (465/575), online payment not (123/170).
        #expect(draft.markdown.contains("| 80,87 | ≥ 80 (năm 2025) | Đạt | cao hơn 0,87 |"))
        #expect(draft.markdown.contains("| 72,35 | ≥ 80 (năm 2025) | Không đạt | thấp hơn 7,65 |"))
        #expect(draft.markdown.contains("(mức 90% chưa xác nhận với văn bản gốc, cần đối chiếu)"))
        // The old communes count once each for 2021–2024, and the tables say why the rows change.
        #expect(
            draft.markdown.contains(
                "*Ghi chú: Từ ngày 01/7/2025, xã Yên Định được thành lập trên cơ sở xã Định Liên, xã Định Long, xã Định Tăng"))
        #expect(!draft.markdown.contains("UBND xã Định Liên |"))
    }

    @Test("dự thảo sơ kết không có từ nào của chương trình 2011 - 2020")
    func draftHasNoFirstProgrammeWords() throws {
        let draft = try Self.consolidate(Self.example, outline: Self.outline)
        #expect(draft.result.status == 0, "\(draft.result.stderr)")
        for word in Self.firstProgrammeWords {
            #expect(!draft.markdown.contains(word), "Markdown có «\(word)»")
            #expect(!Self.withoutStyle(draft.html).contains(word), "HTML có «\(word)»")
        }
        // The decree on the form of state documents (Nghị định 30/2020/NĐ-CP), cited by the
        // page's style sheet, governs every programme: it is the only "2020" allowed.
        let html = draft.html.replacingOccurrences(of: "30/2020/NĐ-CP", with: "")
        #expect(!html.contains("2020"))
        // The kind of review comes from the outline: nothing is "tổng kết" in a mid-term review.
        for text in [draft.markdown, draft.html] {
            #expect(!text.lowercased().contains("tổng kết"))
        }
        #expect(draft.html.contains("<title>Dự thảo báo cáo sơ kết – UBND tỉnh Thanh Hóa</title>"))
    }

    @Test("dự thảo tổng kết 2011 - 2020 không có từ nào của chương trình sơ kết")
    func firstDraftHasNoSecondProgrammeWords() throws {
        let draft = try Self.consolidate("examples/thanh-hoa-2020", outline: "outline/cchc-2011-2020")
        #expect(draft.result.status == 0, "\(draft.result.stderr)")
        for text in [draft.markdown, draft.html] {
            #expect(!text.contains("76/NQ-CP"))
            #expect(!text.contains("2026 - 2030"))
            #expect(!text.lowercased().contains("sơ kết"))
        }
        // "2021 - 2025" is in the 2011–2020 example's own data: units propose tasks "thời gian:
        // 2021 - 2025". It may appear only there, in a proposal attributed to its units, and in
        // the annex row that names all of them; never in anything the outline or tongket writes.
        let annexRow = "Phần II, mục III: Nhiệm vụ, giải pháp"
        for line in draft.markdown.split(separator: "\n") where line.contains("2021 - 2025") {
            #expect(line.hasPrefix("  - ") && line.hasSuffix(")*") || line.hasPrefix("| ") && line.contains(annexRow), "\(line)")
        }
        for line in draft.html.split(separator: "\n") where line.contains("2021 - 2025") {
            #expect(line.hasPrefix("<li>") && line.hasSuffix(")</em></li>") || line.hasPrefix("<tr>") && line.contains(annexRow), "\(line)")
        }
    }

    @Test("render, status, skeleton, comments chạy được với --outline, mã thoát 0")
    func otherCommands() throws {
        let dir = try Fixtures.temporaryDirectory()
        let render = try CLI.run(["render", "--outline", Self.outline, Self.example, "-o", dir.path, "--format", "md"])
        #expect(render.status == 0, "\(render.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("so-noi-vu.chuyen-de.md").path))
        let status = try CLI.run(["status", "--outline", Self.outline, Self.example, "--as-of", "30/09/2025"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("UBND phường Bỉm Sơn"))
        #expect(status.stdout.contains("03/09/2025 (muộn 5 ngày)"))
        for unit in ["so-tai-chinh", "x-tho-xuan"] {
            let skeleton = try CLI.run(["skeleton", "--outline", Self.outline, "--unit", unit, "-o", dir.path, "--format", "md"])
            #expect(skeleton.status == 0, "\(skeleton.stderr)")
            let written = try String(contentsOf: dir.appendingPathComponent("\(unit).yaml"), encoding: .utf8)
            #expect(written.hasPrefix("# yaml-language-server: $schema=cchc-2021-2030-so-ket.schema.json\n"))
        }
        let comments = try CLI.run(["comments", "--outline", Self.outline, "\(Self.example)/gop-y", "-o", dir.path, "--format", "md"])
        #expect(comments.status == 0, "\(comments.stderr)")
        #expect(comments.stderr.contains("3 ý kiến của 1 cơ quan, đơn vị"))
    }

    @Test("JSON Schema trong kho khớp với đề cương sơ kết (sinh lại bằng 'tongket schema --outline')")
    func committedSchemaIsCurrent() throws {
        let r = try CLI.run(["schema", "--outline", Self.outline])
        #expect(r.status == 0, "\(r.stderr)")
        let url = Fixtures.root.appendingPathComponent(Self.schema)
        if Golden.isRecording { try Data(r.stdout.utf8).write(to: url) }
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == r.stdout, "chạy: tongket schema --outline \(Self.outline) -o \(Self.schema) --force")
    }

    /// Runs `consolidate` on `folder` into a fresh folder and reads the draft back.
    static func consolidate(_ folder: String, outline: String) throws -> (
        result: CLI.Result, directory: URL, markdown: String, html: String
    ) {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["consolidate", "--outline", outline, folder, "-o", dir.path])
        let markdown = (try? String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.md"), encoding: .utf8)) ?? ""
        let html = (try? String(contentsOf: dir.appendingPathComponent("bao-cao-tong-hop.html"), encoding: .utf8)) ?? ""
        return (r, dir, markdown, html)
    }

    /// The HTML page without its embedded style sheet.
    static func withoutStyle(_ html: String) -> String {
        guard let start = html.range(of: "<style>"), let end = html.range(of: "</style>", range: start.upperBound..<html.endIndex)
        else { return html }
        return String(html[..<start.lowerBound]) + String(html[end.upperBound...])
    }
}
