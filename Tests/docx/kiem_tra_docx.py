"""Đọc lại tệp .docx do tongket tạo bằng python-docx (một thư viện độc lập với tongket) và kiểm
tra kiểu, đề mục, bảng và giá trị ô. Số liệu mong đợi được tính tay từ các tệp YAML ví dụ.

Dùng: python3 kiem_tra_docx.py don-vi so-tu-phap.docx
      python3 kiem_tra_docx.py tong-hop bao-cao-tong-hop.docx
In mọi chỗ sai rồi thoát mã 1; đúng hết thì in "đúng" và thoát mã 0.
"""
import io
import re
import sys
import zipfile

import docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def body_paragraphs(document):
    return [p for p in document.paragraphs]


def check_page_setup(document):
    sections = document.sections
    first = sections[0]
    expect(abs(first.page_width - Mm(210)) < Mm(1) and abs(first.page_height - Mm(297)) < Mm(1), "trang đầu không phải A4 đứng")
    expect(Mm(20) <= first.top_margin <= Mm(25), f"lề trên {first.top_margin.mm:.1f} mm ngoài 20–25 mm")
    expect(Mm(20) <= first.bottom_margin <= Mm(25), f"lề dưới {first.bottom_margin.mm:.1f} mm ngoài 20–25 mm")
    expect(Mm(30) <= first.left_margin <= Mm(35), f"lề trái {first.left_margin.mm:.1f} mm ngoài 30–35 mm")
    expect(Mm(15) <= first.right_margin <= Mm(20), f"lề phải {first.right_margin.mm:.1f} mm ngoài 15–20 mm")
    expect(first.different_first_page_header_footer, "trang đầu phải không có số trang (titlePg)")
    header_xml = first.header._element.xml
    expect("PAGE" in header_xml, "đầu trang không có trường số trang PAGE")
    expect("PAGE" not in first.first_page_header._element.xml, "trang 1 không được có số trang")
    return sections


def restarts_at_one(section):
    numbering = section._sectPr.find(qn("w:pgNumType"))
    return numbering is not None and numbering.get(qn("w:start")) == "1"


def check_styles(document):
    styles = document.styles
    normal = styles["Normal"]
    expect(normal.font.size is None or normal.font.size in (Pt(13), Pt(14)), "cỡ chữ thân văn bản phải 13–14")
    fmt = normal.paragraph_format
    expect(fmt.first_line_indent is not None and Mm(10) <= fmt.first_line_indent <= Mm(12.7), "thụt đầu dòng phải 1–1,27 cm")
    expect(fmt.space_before is not None and fmt.space_before >= Pt(6), "cách đoạn phải từ 6 pt")
    expect(str(fmt.alignment) in ("JUSTIFY (3)", "JUSTIFY"), f"thân văn bản phải canh đều, gặp {fmt.alignment}")
    rpr = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts")[0]
    expect(rpr.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}ascii") == "Times New Roman", "phông mặc định phải Times New Roman")
    for name in ["Heading 1", "Heading 2", "Heading 3", "Quốc hiệu", "Tiêu ngữ", "Nơi nhận", "Chữ ký", "Tiêu đề phụ lục"]:
        expect(name in [s.name for s in styles], f"thiếu kiểu '{name}'")


def direct_formatting(document):
    """Mọi định dạng đến từ kiểu: đoạn văn không mang cỡ chữ, phông hay canh lề trực tiếp."""
    xml = document.element.body.xml
    for tag in ["<w:sz ", "<w:rFonts", "<w:jc w:val=\"both\"", "<w:color "]:
        expect(tag not in xml, f"thân văn bản có định dạng trực tiếp {tag}")


def header_table(document):
    table = document.tables[0]
    left, right = table.rows[0].cells
    expect(any("SỞ TƯ PHÁP" in p.text for p in left.paragraphs) or any("TỈNH THANH HÓA" in p.text for p in left.paragraphs),
           "cột trái tiêu đề không có cơ quan ban hành")
    expect(right.paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", f"Quốc hiệu sai: {right.paragraphs[0].text!r}")
    expect(right.paragraphs[0].style.name == "Quốc hiệu", "Quốc hiệu không dùng kiểu Quốc hiệu")
    expect(right.paragraphs[1].text == "Độc lập - Tự do - Hạnh phúc", f"Tiêu ngữ sai: {right.paragraphs[1].text!r}")
    expect(right.paragraphs[1].style.name == "Tiêu ngữ", "Tiêu ngữ không dùng kiểu Tiêu ngữ")
    borders = table._tbl.xpath(".//w:tblBorders")
    expect(not borders, "bảng tiêu đề không được có viền")
    return left, right


def table_with(document, first_header):
    for table in document.tables:
        if table.rows and table.rows[0].cells[0].text == first_header and len(table.columns) > 3:
            yield table


def repeats_header(table, rows):
    for index in range(rows):
        tr = table.rows[index]._tr
        expect(tr.xpath("./w:trPr/w:tblHeader"), f"hàng tiêu đề {index + 1} của bảng không lặp lại sang trang sau")


def row_by_name(table, name):
    for row in table.rows:
        cells = [c.text for c in row.cells]
        if name in cells:
            return cells
    problems.append(f"không có hàng '{name}'")
    return None


def check_charts(path):
    """Each chart part points at an embedded workbook that opens, whose column B holds the
    figures the chart caches."""
    with zipfile.ZipFile(path) as package:
        charts = sorted(n for n in package.namelist() if re.fullmatch(r"word/charts/chart\d+\.xml", n))
        expect(len(charts) > 0, "không có phần biểu đồ word/charts/chartN.xml")
        for name in charts:
            chart = package.read(name).decode("utf-8")
            rels = package.read(name.replace("charts/", "charts/_rels/") + ".rels").decode("utf-8")
            target = re.search(r'Target="\.\./embeddings/([^"]+\.xlsx)"', rels)
            expect(target is not None, f"{name}: không có bảng tính kèm")
            if target is None:
                continue
            with zipfile.ZipFile(io.BytesIO(package.read("word/embeddings/" + target.group(1)))) as workbook:
                sheet = workbook.read("xl/worksheets/sheet1.xml").decode("utf-8")
            cached = re.findall(r"<c:val>.*?</c:val>", chart, re.S)[0]
            values = re.findall(r'<c:pt idx="(\d+)"><c:v>([^<]*)</c:v>', cached)
            for index, value in values:
                cell = re.search(rf'<c r="B{int(index) + 2}"[^>]*><v>([^<]*)</v>', sheet)
                expect(cell is not None and cell.group(1) == value, f"{name}: ô B{int(index) + 2} khác giá trị biểu đồ {value}")


def check_unit(path):
    document = docx.Document(path)
    sections = check_page_setup(document)
    check_styles(document)
    direct_formatting(document)
    left, _ = header_table(document)
    expect(any(p.text == "Số: 56/BC-STP" for p in left.paragraphs), "thiếu số, ký hiệu 'Số: 56/BC-STP'")
    paragraphs = body_paragraphs(document)
    texts = [p.text for p in paragraphs]
    expect("BÁO CÁO" in texts, "thiếu tên loại văn bản BÁO CÁO")
    headings = [(p.style.name, p.text) for p in paragraphs if p.style.name.startswith("Heading")]
    expect(("Heading 1", "KẾT QUẢ THỰC HIỆN CHƯƠNG TRÌNH TỔNG THỂ CẢI CÁCH HÀNH CHÍNH NHÀ NƯỚC GIAI ĐOẠN 2011 - 2020") in headings,
           "thiếu đề mục Phần I")
    expect(("Heading 2", "I. BỐI CẢNH VÀ TÌNH HÌNH TRIỂN KHAI") in headings, "thiếu đề mục 'I. BỐI CẢNH…' (Heading 2)")
    expect(("Heading 3", "1. Ban hành văn bản chỉ đạo, kế hoạch cải cách hành chính") in headings, "thiếu đề mục '1. Ban hành…' (Heading 3)")
    expect(texts.count("Phần I") == 1 and texts.count("Phần II") == 1, "thiếu dòng 'Phần I' / 'Phần II'")
    # Phụ lục 02, số liệu tính tay từ so-tu-phap.yaml: 23+24+22+21+22 = 112; 20+20+20+19+18 = 97; cả kỳ 209.
    tables = list(table_with(document, "TT"))
    appendix = tables[1] if len(tables) > 1 else None
    expect(appendix is not None, "thiếu bảng phụ lục")
    if appendix is not None:
        repeats_header(appendix, 2)
        row = row_by_name(appendix, "Số văn bản quy phạm pháp luật được ban hành")
        if row:
            expect(row[3:] == ["23", "24", "22", "21", "22", "20", "20", "20", "19", "18", "112", "97", "209"], f"hàng phụ lục 02 sai: {row}")
    # Phụ lục 03: 4592+4994+5454+5860+6582 = 27482; 7375+7810+8106+8744+10005 = 42040; cả kỳ 69522.
    row = None
    for table in tables:
        for r in table.rows:
            if r.cells[1].text == "Số hồ sơ thủ tục hành chính tiếp nhận":
                row = [c.text for c in r.cells]
    expect(row is not None and row[3] == "4.592" and row[-3:] == ["27.482", "42.040", "69.522"], f"hàng hồ sơ tiếp nhận sai: {row}")
    # Phụ lục 06: số thập phân viết dấu phẩy.
    kinh_phi = None
    for table in tables:
        for r in table.rows:
            if r.cells[1].text.startswith("Kinh phí"):
                kinh_phi = [c.text for c in r.cells]
    expect(kinh_phi is not None and kinh_phi[3] == "496,1", f"số thập phân phải viết dấu phẩy: {kinh_phi}")
    # Bảng khen thưởng là bảng Word thật, hai hàng dữ liệu.
    commendations = [t for t in document.tables if t.rows[0].cells[-1].text == "Thành tích"]
    expect(len(commendations) == 1 and len(commendations[0].rows) == 3, "bảng đề xuất khen thưởng sai")
    # Phụ lục trên trang ngang; chữ ký và nơi nhận cạnh nhau.
    # Mỗi phụ lục một section ngang, số trang đánh lại từ 1 (Nghị định 30/2020, phụ lục đánh số trang riêng).
    appendices = list(sections)[1:]
    expect(len(appendices) >= 2, f"mỗi phụ lục phải là một section riêng, có {len(appendices)}")
    expect(all(s.page_width > s.page_height for s in appendices), "phụ lục phải ở trang ngang")
    expect(all(restarts_at_one(s) for s in appendices), "số trang của mỗi phụ lục phải bắt đầu lại từ 1")
    expect(not restarts_at_one(sections[0]), "phần thân không đánh lại số trang")
    signature = [t for t in document.tables if t.rows[0].cells[0].paragraphs and t.rows[0].cells[0].paragraphs[0].text == "Nơi nhận:"]
    expect(len(signature) == 1, "thiếu bảng nơi nhận và chữ ký")
    if signature:
        right = [p.text for p in signature[0].rows[0].cells[1].paragraphs]
        expect("KT. GIÁM ĐỐC" in right and "Nguyễn Văn An" in right, f"khối chữ ký sai: {right}")


def check_consolidated(path):
    document = docx.Document(path)
    check_page_setup(document)
    check_styles(document)
    direct_formatting(document)
    header_table(document)
    first = document.paragraphs[0]
    expect(first.text.startswith("DỰ THẢO") and first.style.name == "Dự thảo", f"đoạn đầu phải là dấu DỰ THẢO, gặp {first.text!r}")
    # Phụ lục 02 cộng 3 đơn vị (tính tay): 2011: 62+23+43 = 128; 2011–2015: 289+112+207 = 608;
    # 2016–2020: 250+97+178 = 525; cả kỳ 1.133.
    found = None
    for table in document.tables:
        for r in table.rows:
            cells = [c.text for c in r.cells]
            if len(cells) > 2 and cells[1] == "Số văn bản quy phạm pháp luật được ban hành":
                found = cells
    expect(found is not None and found[4] == "128" and found[-3:] == ["608", "525", "1.133"], f"tổng phụ lục 02 sai: {found}")
    annex = [t for t in document.tables if any(c.text == "Đơn vị" for c in t.rows[0].cells)]
    expect(annex and len(annex[-1].rows) >= 53, "phụ lục tình hình gửi báo cáo phải có đủ 52 đơn vị")
    captions = [p.text for p in document.paragraphs if p.style.name == "Chú thích biểu đồ"]
    expect(any(re.match(r"Biểu đồ \d+: Số hồ sơ thủ tục hành chính tiếp nhận", c) for c in captions), "thiếu biểu đồ hồ sơ tiếp nhận")
    expect([c.split(":")[0] for c in captions] == [f"Biểu đồ {n}" for n in range(1, len(captions) + 1)], "biểu đồ phải đánh số 1, 2, …")
    charts = document.inline_shapes
    expect(len(charts) == len(captions) and len(charts) > 0, "mỗi biểu đồ phải có chú thích")
    check_charts(path)


def main():
    kind, path = sys.argv[1], sys.argv[2]
    if kind == "don-vi":
        check_unit(path)
    else:
        check_consolidated(path)
    if problems:
        for problem in problems:
            print(f"{path}: {problem}")
        sys.exit(1)
    print("đúng")


if __name__ == "__main__":
    main()
