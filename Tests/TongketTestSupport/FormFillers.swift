/// Python scripts that fill tongket's forms as programs that are not tongket would, used by the
/// library's and the command line's tests.
public enum FormFillers {
    /// Fills the form's controls, found by their tags, with WordprocessingML as Word writes it;
    /// sections not filled on purpose get one sentence, so that the report is complete.
    public static let word = #"""
        import re, sys, docx
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn
        W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        d = docx.Document(sys.argv[1])
        def control(tag):
            for sdt in d.element.body.iter(qn('w:sdt')):
                t = sdt.find(qn('w:sdtPr')).find(qn('w:tag'))
                if t is not None and t.get(qn('w:val')) == tag:
                    return sdt
            raise SystemExit('no control ' + tag)
        def fill(tag, xml, date=None):
            sdt = control(tag)
            pr = sdt.find(qn('w:sdtPr'))
            for ph in pr.findall(qn('w:showingPlcHdr')):
                pr.remove(ph)
            if date:
                pr.find(qn('w:date')).set(qn('w:fullDate'), date)
            content = sdt.find(qn('w:sdtContent'))
            for child in list(content):
                content.remove(child)
            for piece in xml:
                content.append(parse_xml(re.sub(r'^<(w:\w+)', r'<\1 ' + W, piece)))
        fill('bao_cao.so', ['<w:r><w:t>56/BC-STP</w:t></w:r>'])
        fill('bao_cao.ngay', ['<w:r><w:t>24/04/2020</w:t></w:r>'], date='2020-04-24T00:00:00Z')
        fill('nguoi_ky.chuc_vu', ['<w:r><w:t>GIÁM ĐỐC</w:t></w:r>'])
        fill('nguoi_ky.ho_ten', ['<w:r><w:t>Lê Văn </w:t></w:r>', '<w:proofErr w:type="spellStart"/>', '<w:r><w:t>Bình</w:t></w:r>'])
        fill('boi-canh', [
            '<w:p><w:r><w:t xml:space="preserve">Năm 2011, </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>S</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="x"/><w:r><w:rPr><w:b/></w:rPr><w:t>ở</w:t></w:r><w:bookmarkEnd w:id="0"/><w:r><w:t xml:space="preserve"> đã ban hành </w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>kế hoạch</w:t></w:r></w:p>',
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>một</w:t></w:r></w:p>',
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>hai</w:t></w:r></w:p>',
            '<w:p><w:r><w:t xml:space="preserve">Có </w:t></w:r><w:ins w:id="1" w:author="A" w:date="2020-04-01T00:00:00Z"><w:r><w:t>thêm</w:t></w:r></w:ins><w:del w:id="2" w:author="A" w:date="2020-04-01T00:00:00Z"><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:r><w:t xml:space="preserve"> ý.</w:t></w:r></w:p>',
            '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>số trong bảng</w:t></w:r></w:p></w:tc></w:tr></w:tbl>',
            '<w:p><w:r><w:t>Sau bảng.</w:t></w:r></w:p>',
        ])
        fill('ket-qua-dat-duoc', [
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Ban hành đủ văn bản</w:t></w:r></w:p>',
            '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>Rà soát *định kỳ*</w:t></w:r></w:p>',
        ])
        fill('chuyen-de/cai-cach-the-che', ['<w:p><w:r><w:t>Chuyên đề thể chế toàn tỉnh.</w:t></w:r></w:p>'])
        fill('chuyen_de.so', ['<w:r><w:t>60/BC-STP</w:t></w:r>'])
        fill('chuyen_de.ngay', ['<w:r><w:t>15/05/2020</w:t></w:r>'], date='2020-05-15T00:00:00Z')
        # Every other section a sentence, as a unit that wrote its whole report.
        for sdt in list(d.element.body.iter(qn('w:sdt'))):
            pr = sdt.find(qn('w:sdtPr'))
            tag = pr.find(qn('w:tag'))
            if tag is not None and pr.find(qn('w:showingPlcHdr')) is not None and '.' not in tag.get(qn('w:val')):
                fill(tag.get(qn('w:val')), ['<w:p><w:r><w:t>Nội dung đã viết.</w:t></w:r></w:p>'])
        d.save(sys.argv[2])
        """#

    /// Fills so-tu-phap's workbook with openpyxl by the defined names: two figures (one typed
    /// as text with a thousands dot) and a commendation.
    public static let excel = #"""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        def cell(name):
            (sheet, ref), = list(wb.defined_names[name].destinations)
            return wb[sheet][ref.replace('$', '')]
        cell('TK_phu_luc_02__vb_qppl_ban_hanh__2011').value = 12
        cell('TK_phu_luc_02__vb_qppl_ban_hanh__2012').value = '1.234'
        c = wb['Khen thưởng']
        for column, text in enumerate(['Tập thể', 'Phòng Hành chính tư pháp', 'Bằng khen của Chủ tịch UBND tỉnh', 'Xuất sắc'], start=2):
            c.cell(row=4, column=column).value = text
        wb.save(sys.argv[2])
        """#
}

extension FormFillers {
    /// Fills a unit's two blank forms from a YAML submission, as a person copying their report
    /// into Word and Excel would: paragraphs, sub-headings in heading styles, bold and italic runs,
    /// bulleted points, figures by the
    /// defined names, commendation rows. Arguments: the YAML, the blank and filled .docx, the blank
    /// and filled .xlsx.
    public static let fromYAML = #"""
        import re, sys, yaml, docx, openpyxl
        from docx.oxml import parse_xml
        from docx.oxml.ns import qn
        from xml.sax.saxutils import escape
        W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        data = yaml.load(open(sys.argv[1], encoding='utf-8'), Loader=yaml.BaseLoader)
        d = docx.Document(sys.argv[2])
        def control(tag):
            for sdt in d.element.body.iter(qn('w:sdt')):
                t = sdt.find(qn('w:sdtPr')).find(qn('w:tag'))
                if t is not None and t.get(qn('w:val')) == tag:
                    return sdt
            return None
        def fill(tag, pieces, date=None):
            sdt = control(tag)
            if sdt is None:
                return
            pr = sdt.find(qn('w:sdtPr'))
            for ph in pr.findall(qn('w:showingPlcHdr')):
                pr.remove(ph)
            if date:
                pr.find(qn('w:date')).set(qn('w:fullDate'), date)
            content = sdt.find(qn('w:sdtContent'))
            for child in list(content):
                content.remove(child)
            for piece in pieces:
                content.append(parse_xml(re.sub(r'^<(w:\w+)', r'<\1 ' + W, piece)))
        def runs(text):
            out = ''
            for part in re.split(r'(\*\*[^*]+\*\*|\*[^*]+\*)', text):
                if not part:
                    continue
                props = ''
                if part.startswith('**'):
                    part, props = part[2:-2], '<w:rPr><w:b/></w:rPr>'
                elif part.startswith('*'):
                    part, props = part[1:-1], '<w:rPr><w:i/></w:rPr>'
                out += '<w:r>' + props + '<w:t xml:space="preserve">' + escape(part) + '</w:t></w:r>'
            return out
        def bullet(text):
            return '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' + runs(text) + '</w:p>'
        def paragraphs(value):
            if isinstance(value, list):
                return [bullet(item) for item in value]
            out = []
            for block in value.strip().split('\n\n'):
                lines = block.split('\n')
                if all(line.startswith('- ') for line in lines):
                    out += [bullet(line[2:]) for line in lines]
                elif block.startswith('#'):
                    # A sub-heading: "##" is the first level under the section's own heading.
                    level = len(block) - len(block.lstrip('#'))
                    out.append('<w:p><w:pPr><w:pStyle w:val="Heading' + str(level - 1) + '"/></w:pPr>' + runs(block.lstrip('#').strip()) + '</w:p>')
                else:
                    out.append('<w:p>' + runs(' '.join(lines)) + '</w:p>')
            return out
        def iso(day):
            dd, mm, yyyy = day.split('/')
            return yyyy + '-' + mm + '-' + dd + 'T00:00:00Z'
        def header(prefix, part):
            if part.get('so'):
                fill(prefix + '.so', [runs(part['so'])])
            if part.get('ngay'):
                fill(prefix + '.ngay', [runs(part['ngay'])], date=iso(part['ngay']))
        header('bao_cao', data.get('bao_cao', {}))
        for key, value in data.get('nguoi_ky', {}).items():
            if value:
                fill('nguoi_ky.' + key, [runs(value)])
        if data.get('noi_nhan'):
            fill('noi_nhan', [bullet(item) for item in data['noi_nhan']])
        for key, value in data.get('noi_dung', {}).items():
            fill(key, paragraphs(value))
        if 'chuyen_de' in data:
            header('chuyen_de', data['chuyen_de'])
            for key, value in data['chuyen_de'].get('noi_dung', {}).items():
                fill('chuyen-de/' + key, paragraphs(value))
        d.save(sys.argv[3])
        wb = openpyxl.load_workbook(sys.argv[4])
        def number(text):
            text = text.replace(',', '.')
            return float(text) if '.' in text else int(text)
        for table, rows in (data.get('phu_luc') or {}).items():
            for indicator, years in rows.items():
                for year, value in years.items():
                    if value == '':
                        continue
                    name = 'TK_' + table.replace('-', '_') + '__' + indicator.replace('-', '_') + '__' + str(year)
                    (sheet, ref), = list(wb.defined_names[name].destinations)
                    wb[sheet][ref.replace('$', '')].value = number(value)
        (sheet, ref), = list(wb.defined_names['TK_khen_thuong'].destinations)
        first = ref.split(':')[0].replace('$', '')
        row = int(re.sub(r'[A-Z]', '', first))
        kinds = {'tap-the': 'Tập thể', 'ca-nhan': 'Cá nhân'}
        for offset, item in enumerate(data.get('khen_thuong') or []):
            values = [kinds.get(item['doi_tuong'], item['doi_tuong']), item['ten'], item['hinh_thuc'], item['thanh_tich']]
            for column, value in enumerate(values, start=2):
                wb[sheet].cell(row=row + offset, column=column).value = value
        wb.save(sys.argv[5])
        """#
}
