import Foundation
import Testing
import TongketTestSupport

@Suite("Dòng lệnh: comments")
struct CommentsCLITests {
    let examples = Fixtures.examples.appendingPathComponent("gop-y").path
    let extra = Fixtures.root.appendingPathComponent("Tests/Fixtures/gop-y").path

    @Test("bảng tiếp thu, giải trình của bốn cơ quan: .md, .html, .docx giống tệp mẫu; mục không còn được báo (tệp:dòng:cột)")
    func table() throws {
        let dir = try Fixtures.temporaryDirectory()
        let r = try CLI.run(["comments", "--outline", Fixtures.outlinePath, examples, extra, "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stderr == """
                \(examples)/ubnd-huyen-nga-son.yaml:8:5: cảnh báo: ý kiến chưa được xử lý (chưa có 'xu_ly')
                \(extra)/thanh-tra-tinh.yaml:5:10: cảnh báo: mục 'thanh-tra-cong-vu' không có trong đề cương (ý kiến được xếp vào nhóm 'Ý kiến về mục không còn trong đề cương')
                đã ghi \(dir.path)/bang-tiep-thu-y-kien.md
                đã ghi \(dir.path)/bang-tiep-thu-y-kien.html
                đã ghi \(dir.path)/bang-tiep-thu-y-kien.docx
                8 ý kiến của 4 cơ quan, đơn vị

                """)
        let markdown = try String(contentsOf: dir.appendingPathComponent("bang-tiep-thu-y-kien.md"), encoding: .utf8)
        #expect(Golden.mismatch(markdown, "gop-y/bang-tiep-thu-y-kien.md") == nil)
        let html = try String(contentsOf: dir.appendingPathComponent("bang-tiep-thu-y-kien.html"), encoding: .utf8)
        #expect(Golden.mismatch(html, "gop-y/bang-tiep-thu-y-kien.html") == nil)
        let docx = try Data(contentsOf: dir.appendingPathComponent("bang-tiep-thu-y-kien.docx"))
        #expect(try DOCXFile.goldenMismatch(docx, "gop-y/bang-tiep-thu-y-kien", skipping: ["word/styles.xml"]) == nil)
        // Counted by hand from the four files: 8 comments; accepted 4, partly 1, explained 2, not handled 1.
        #expect(
            markdown.contains(
                "Tổng hợp 8 ý kiến của 4 cơ quan, đơn vị góp ý dự thảo báo cáo; tiếp thu 4, tiếp thu một phần 1, giải trình 2, chưa xử lý 1."
            ))
        #expect(
            markdown.contains(
                "| 8 | Thanh tra tỉnh | (Mục “thanh-tra-cong-vu”) Đề nghị bổ sung kết quả thanh tra công vụ hằng năm. | Giải trình |"))
        // Markup in a comment stays text.
        #expect(html.contains("&amp; số hiệu &lt;văn bản&gt;."))
    }

    @Test("tệp góp ý có lỗi: báo vị trí, bỏ khỏi bảng (mã 1); --strict: không ghi bảng")
    func brokenFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        let broken = dir.appendingPathComponent("hong.yaml")
        try Data("co_quan: Sở Y tế\ny_kien:\n  - muc: chung\n    noi_dung: Được.\n    xu_ly: ok\n".utf8).write(to: broken)
        let out = dir.appendingPathComponent("ket-qua")
        let r = try CLI.run(["comments", "--outline", Fixtures.outlinePath, examples, broken.path, "-o", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(broken.path):5:12: lỗi: 'xu_ly' phải là một trong:"))
        #expect(r.stderr.contains("\(broken.path): không đưa vào bảng vì tệp có lỗi"))
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("bang-tiep-thu-y-kien.md").path))
        let strictOut = dir.appendingPathComponent("nghiem")
        let strict = try CLI.run(["comments", "--outline", Fixtures.outlinePath, examples, broken.path, "-o", strictOut.path, "--strict"])
        #expect(strict.status == 1)
        #expect(!FileManager.default.fileExists(atPath: strictOut.path))
    }

    @Test("--final: còn ý kiến chưa xử lý thì báo từng ý kiến ở vị trí của nó, mã 1, không ghi bảng; đủ thì bảng không có DỰ THẢO")
    func finalTable() throws {
        let dir = try Fixtures.temporaryDirectory()
        let out = dir.appendingPathComponent("chinh-thuc")
        let refused = try CLI.run(["comments", "--outline", Fixtures.outlinePath, examples, "-o", out.path, "--final"])
        #expect(refused.status == 1)
        #expect(
            refused.stderr == """
                \(examples)/ubnd-huyen-nga-son.yaml:8:10: lỗi: ý kiến về mục “kien-nghi” chưa được xử lý (chưa có 'xu_ly')
                tongket: lỗi: còn 1 ý kiến chưa xử lý; bảng chính thức (--final) chỉ lập khi mọi ý kiến đã được xử lý, không ghi bảng

                """)
        #expect(!FileManager.default.fileExists(atPath: out.path))

        // Handled: the district's comment explained, the table is final.
        let folder = dir.appendingPathComponent("gop-y")
        try FileManager.default.copyItem(atPath: examples, toPath: folder.path)
        let district = folder.appendingPathComponent("ubnd-huyen-nga-son.yaml")
        let text = try String(contentsOf: district, encoding: .utf8)
        let handled = text.replacingOccurrences(
            of: "bộ phận một cửa cấp huyện, cấp xã.\n",
            with: "bộ phận một cửa cấp huyện, cấp xã.\n    xu_ly: giai-trinh\n    giai_trinh: Thuộc dự toán ngân sách hằng năm của huyện.\n"
        )
        #expect(handled != text)
        try Data(handled.utf8).write(to: district)
        let final = try CLI.run(["comments", "--outline", Fixtures.outlinePath, folder.path, "-o", out.path, "--final", "--format", "md"])
        #expect(final.status == 0, "\(final.stderr)")
        let markdown = try String(contentsOf: out.appendingPathComponent("bang-tiep-thu-y-kien.md"), encoding: .utf8)
        #expect(!markdown.contains("DỰ THẢO"))
        #expect(!markdown.contains("chưa xử lý"))
        // Counted by hand from the three example files: 6 comments; accepted 3, partly 1, explained
        // 1 and the district's, now explained.
        #expect(
            markdown.contains(
                "Tổng hợp 6 ý kiến của 3 cơ quan, đơn vị góp ý dự thảo báo cáo; tiếp thu 3, tiếp thu một phần 1, giải trình 2. Số mục ghi theo đề cương."
            ))
        // Signed by the drafting body as the outline says (nguoi_ky_don_vi_soan).
        #expect(markdown.hasSuffix("**GIÁM ĐỐC**\n"), "\(markdown.suffix(200))")
    }
}
