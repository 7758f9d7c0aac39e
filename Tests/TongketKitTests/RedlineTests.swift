import Testing

@testable import TongketCore
@testable import TongketDocument
@testable import TongketKit

@Suite("So sánh phiên bản (redline)")
struct RedlineTests {
    let base = """
        <!-- Tạo bởi tongket từ 7 báo cáo; sửa tệp nguồn rồi chạy lại tongket. -->

        **Phần I**

        # KẾT QUẢ

        ## I. BỐI CẢNH

        Sở Tư pháp có chức năng tham mưu, giúp UBND tỉnh quản lý nhà nước.

        Giai đoạn 2011 - 2020 còn khó khăn.

        ## II. CHỈ ĐẠO

        - Ban hành 12 kế hoạch *(Sở Tư pháp)*
        - Kiểm tra 16 cuộc *(Sở Y tế)*

        | TT | Chỉ tiêu | 2011 |
        | --- | --- | --: |
        | 1 | Văn bản ban hành | 23 |
        | 2 | Văn bản rà soát | 75 |

        """

    @Test("hai bản giống nhau: không có thay đổi")
    func identical() {
        let redline = Redline.compare(old: base, new: base)
        #expect(redline.counts.changed == 0 && redline.counts.inserted == 0 && redline.counts.removed == 0)
        // Part line, part title, two headings, two paragraphs, two list items, the table's header
        // row and its two rows (the rule under the header is not a unit).
        #expect(redline.counts.same == 11)
    }

    @Test("một từ đổi trong một đoạn: đúng một đoạn sửa, từ bỏ và từ thêm được đánh dấu")
    func oneWord() {
        let new = base.replacingOccurrences(of: "chức năng tham mưu", with: "chức năng tư vấn")
        let redline = Redline.compare(old: base, new: new)
        #expect(redline.counts.changed == 1 && redline.counts.inserted == 0 && redline.counts.removed == 0)
        let text = RedlineWriter.text(redline, title: "So sánh")
        #expect(
            text == """
                So sánh
                1 đoạn sửa, 0 đoạn thêm, 0 đoạn bỏ; 10 đoạn không đổi.

                @@ I. BỐI CẢNH @@
                ~ Sở Tư pháp có chức năng [-tham mưu,-] {+tư vấn,+} giúp UBND tỉnh quản lý nhà nước.

                """)
    }

    @Test("thêm một mục ở đầu: số mục sau dịch đi nhưng không bị coi là thay đổi")
    func shiftedNumbers() {
        let new =
            base
            .replacingOccurrences(of: "## II. CHỈ ĐẠO", with: "## III. CHỈ ĐẠO")
            .replacingOccurrences(of: "## I. BỐI CẢNH", with: "## I. MỤC MỚI\n\nĐoạn của mục mới.\n\n## II. BỐI CẢNH")
            .replacingOccurrences(of: "**Phần I**", with: "**Phần II**")
        let redline = Redline.compare(old: base, new: new)
        #expect(redline.counts.changed == 0)
        #expect(redline.counts.removed == 0)
        #expect(redline.counts.inserted == 2)
        let inserted = redline.changes.compactMap { change -> String? in
            if case .inserted(let unit) = change { return unit.text }
            return nil
        }
        #expect(inserted == ["## I. MỤC MỚI", "Đoạn của mục mới."])
    }

    @Test("đề mục cmark viết có dấu thoát (\"### 1\\. Tên\"): số vẫn được nhận ra khi dịch, tên mục in không có dấu thoát")
    func escapedNumbers() {
        let old = "### 1\\. Ban hành\n\nĐoạn nói về việc ban hành kế hoạch.\n"
        let new = "### 1\\. Mục mới\n\nĐoạn mới.\n\n### 2\\. Ban hành\n\nĐoạn nói về việc ban hành kế hoạch hằng năm.\n"
        let redline = Redline.compare(old: old, new: new)
        #expect(redline.counts.inserted == 2 && redline.counts.changed == 1 && redline.counts.removed == 0)
        #expect(
            RedlineWriter.text(redline, title: "T").contains(
                "@@ 2. Ban hành @@\n~ Đoạn nói về việc ban hành kế [-hoạch.-] {+hoạch hằng năm.+}\n"))
    }

    @Test("thêm một hàng bảng ở đầu: số thứ tự các hàng sau đổi mà không bị coi là thay đổi")
    func tableRows() {
        let new = base.replacingOccurrences(
            of: "| 1 | Văn bản ban hành | 23 |\n| 2 | Văn bản rà soát | 75 |",
            with: "| 1 | Văn bản mới | 5 |\n| 2 | Văn bản ban hành | 23 |\n| 3 | Văn bản rà soát | 75 |")
        let redline = Redline.compare(old: base, new: new)
        #expect(redline.counts.changed == 0 && redline.counts.removed == 0 && redline.counts.inserted == 1)
    }

    @Test("bỏ một ý trong danh sách; thay một đoạn bằng đoạn khác hẳn: bỏ và thêm, không phải sửa")
    func removedAndReplaced() {
        let new =
            base
            .replacingOccurrences(of: "- Kiểm tra 16 cuộc *(Sở Y tế)*\n", with: "")
            .replacingOccurrences(of: "Giai đoạn 2011 - 2020 còn khó khăn.", with: "Hoàn toàn một nội dung khác về chuyển đổi số.")
        let redline = Redline.compare(old: base, new: new)
        #expect(redline.counts.changed == 0)
        #expect(redline.counts.removed == 2)
        #expect(redline.counts.inserted == 1)
        let text = RedlineWriter.text(redline, title: "T")
        #expect(
            text.contains("@@ I. BỐI CẢNH @@\n- Giai đoạn 2011 - 2020 còn khó khăn.\n+ Hoàn toàn một nội dung khác về chuyển đổi số.\n"))
        #expect(text.contains("@@ II. CHỈ ĐẠO @@\n- - Kiểm tra 16 cuộc *(Sở Y tế)*\n"))
    }

    @Test("bản HTML: chữ thêm, chữ bỏ được đánh dấu, mục không đổi được gấp lại, chữ được thoát")
    func html() {
        let new = base.replacingOccurrences(of: "Giai đoạn 2011 - 2020 còn khó khăn.", with: "Giai đoạn 2011 - 2020 còn <nhiều> khó khăn.")
        let page = RedlineWriter.html(Redline.compare(old: base, new: new), title: "So sánh", legend: "lần 1 → lần 2")
        #expect(page.contains("<p class=\"sua\">Giai đoạn 2011 - 2020 còn <ins>&lt;nhiều&gt;</ins> khó khăn.</p>"))
        #expect(page.contains("<details class=\"khong-doi\"><summary>II. CHỈ ĐẠO — không đổi (6 đoạn)</summary>"))
        #expect(page.contains("<section class=\"co-doi\"><h2>I. BỐI CẢNH</h2>"))
        #expect(page.contains("<meta name=\"generator\" content=\"tongket\">"))
    }

    @Test("các từ đổi liền nhau thành một chỗ bỏ và một chỗ thêm, dù từ bỏ và từ thêm xen kẽ; từ không đổi ngăn cách")
    func adjacentWordsJoin() {
        let words: [Redline.WordChange] = [
            .same("cải"), .removed("cách"), .inserted("tiến"), .removed("hành"), .inserted("bộ"), .inserted("máy"),
            .same("nhà"), .inserted("nước"), .same("sâu"), .removed("rộng"),
        ]
        #expect(
            RedlineWriter.joined(words) == [
                .same("cải"), .removed("cách hành"), .inserted("tiến bộ máy"), .same("nhà"), .inserted("nước"), .same("sâu"),
                .removed("rộng"),
            ])
        let redline = Redline.compare(
            old: "# I. BỐI CẢNH\n\nCải cách hành chính nhà nước ở tỉnh được triển khai.\n",
            new: "# I. BỐI CẢNH\n\nCải cách hành chính nhà nước sâu rộng ở tỉnh được triển khai đồng bộ.\n")
        let text = RedlineWriter.text(redline, title: "T")
        #expect(text.contains("~ Cải cách hành chính nhà nước {+sâu rộng+} ở tỉnh được triển [-khai.-] {+khai đồng bộ.+}\n"))
        let page = RedlineWriter.html(redline, title: "T", legend: "L")
        #expect(page.contains("nhà nước <ins>sâu rộng</ins> ở tỉnh"))
    }
}
