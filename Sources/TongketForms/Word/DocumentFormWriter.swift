import Foundation
import TongketCore
import TongketDocument
import ZIPFoundation

/// Writes `ID.nhap.docx`, the Word form a unit writes its report in: the report's header, the
/// numbered section headings of the state format, and under each section the unit writes one
/// block content control (`w:sdt`) tagged with the section key, titled with the numbered
/// heading, showing the outline's guidance as its placeholder, which cannot be deleted. Header
/// fields are inline plain-text controls (the date a date control). Custom document properties
/// name the programme, outline version, unit and form version, which `DocumentFormReader` checks.
public enum DocumentFormWriter {
    /// The version of the form's tags and properties; a reader refuses a form of another.
    static let formVersion = "1"

    /// The file name of a unit's Word form.
    public static func fileName(for unit: ReportingUnit) -> String { "\(unit.id).nhap.docx" }

    /// The form's bytes; the same outline and unit give the same bytes. With `submission`, the
    /// form comes filled with its header fields, recipients and texts, as if the unit had typed
    /// its YAML report into Word (`tongket skeleton --from`).
    public static func data(for unit: ReportingUnit, outline: Outline, filledFrom submission: Submission? = nil) throws -> Data {
        let facts = [
            ("chuong_trinh", outline.programme.id), ("phien_ban_de_cuong", OutlineFingerprint.of(outline)), ("don_vi", unit.id),
            ("phien_ban_mau", formVersion),
        ]
        let title = "\(outline.programme.reportTitle) của \(unit.name)"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", DocumentFormParts.contentTypes),
            ("_rels/.rels", DocumentFormParts.packageRelationships),
            ("docProps/app.xml", DocumentFormParts.appProperties),
            ("docProps/core.xml", DocumentFormParts.coreProperties(title: title)),
            ("docProps/custom.xml", DocumentFormParts.customProperties(facts)),
            ("word/document.xml", body(for: unit, outline: outline, filled: submission)),
            ("word/_rels/document.xml.rels", DocumentFormParts.documentRelationships),
            ("word/styles.xml", DocumentFormParts.styles),
            ("word/numbering.xml", DocumentFormParts.numbering),
            ("word/header1.xml", DocumentFormParts.header),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts { try archive.addFixedEntry(Data(text.utf8), as: path) }
        guard let data = archive.data else { throw FileError(path: fileName(for: unit), message: "không tạo được gói DOCX") }
        return data
    }

    static func body(for unit: ReportingUnit, outline: Outline, filled: Submission? = nil) -> String {
        let programme = outline.programme
        let values = filled.map(fieldValues) ?? [:]
        func inlineControl(tag: String, alias: String, hint: String, date: Bool = false) -> String {
            Self.inlineControl(tag: tag, alias: alias, hint: hint, date: date, value: values[tag])
        }
        var xml = DocumentFormParts.declaration + "<w:document \(DocumentFormParts.namespaces)><w:body>"
        // The state header in two columns: parent and issuing body, the national name and motto;
        // then the number beside the place and date.
        let left = (unit.parentBody.map { [run($0)] } ?? []) + unit.bodyLines.map { run($0, bold: true) }
        let right = [run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true), run("Độc lập - Tự do - Hạnh phúc", bold: true)]
        let tab = "<w:r><w:tab/></w:r>"
        for line in 0..<max(left.count, right.count) {
            let leftText = line < left.count ? left[line] : ""
            let rightText = line < right.count ? right[line] : ""
            xml += paragraph(style: "TieuDeHaiCot", runs: tab + leftText + tab + rightText)
        }
        xml += paragraph(
            style: "TieuDeHaiCot",
            runs: tab + run("Số: ")
                + inlineControl(tag: "bao_cao.so", alias: "Số, ký hiệu", hint: hints(for: unit, outline: outline)["bao_cao.so"] ?? "")
                + tab + run("\(unit.place ?? programme.place), ngày ký: ", italic: true)
                + inlineControl(
                    tag: "bao_cao.ngay", alias: "Ngày ký", hint: hints(for: unit, outline: outline)["bao_cao.ngay"] ?? "", date: true))
        xml += paragraph(style: "Title", runs: run("BÁO CÁO", bold: true))
        xml += paragraph(style: "Title", runs: run(programme.summary, bold: true))
        var thematicStarted = false
        for item in FormSection.all(for: unit, outline: outline) {
            if item.thematic && !thematicStarted, let assignment = outline.thematic(for: unit.id) {
                thematicStarted = true
                // The thematic report is a document of its own: it starts a page, its title block
                // kept with its first section (it stood alone at the foot of a page).
                xml += paragraph(
                    style: "Title", runs: run("BÁO CÁO CHUYÊN ĐỀ SỐ \(assignment.number)", bold: true), keepNext: true, newPage: true)
                xml += paragraph(style: "Title", runs: run(assignment.topic, bold: true), keepNext: true)
                xml += paragraph(
                    style: "Title",
                    runs: run("Số: ")
                        + inlineControl(
                            tag: "chuyen_de.so", alias: "Số, ký hiệu của chuyên đề",
                            hint: hints(for: unit, outline: outline)["chuyen_de.so"] ?? ""), keepNext: true)
                xml += paragraph(
                    style: "Title",
                    runs: run("Ngày ký: ", italic: true)
                        + inlineControl(
                            tag: "chuyen_de.ngay", alias: "Ngày ký chuyên đề",
                            hint: hints(for: unit, outline: outline)["chuyen_de.ngay"] ?? "", date: true), keepNext: true)
            }
            xml += paragraph(style: "Heading\(min(item.depth, 4))", runs: run(item.heading + (item.optional ? " (không bắt buộc)" : "")))
            guard !item.section.isGroup else { continue }
            let key = item.section.key
            xml += sectionControl(item, content: item.thematic ? filled?.thematic?.sections[key] : filled?.sections[key])
        }
        xml += paragraph(style: "Heading2", runs: run("Người ký"))
        // Laid out as the report signs: authority and title over room for the signature, then the
        // name, in the right half; each field's alias and hint say what goes in it.
        for (tag, alias) in [("nguoi_ky.quyen_han", "Quyền hạn ký"), ("nguoi_ky.chuc_vu", "Chức vụ"), ("nguoi_ky.ho_ten", "Họ và tên")] {
            let hint = hints(for: unit, outline: outline)[tag] ?? ""
            xml += paragraph(
                style: tag == "nguoi_ky.ho_ten" ? "ChuKyTen" : "ChuKy", runs: inlineControl(tag: tag, alias: alias, hint: hint))
        }
        xml += paragraph(style: "Heading2", runs: run("Nơi nhận"))
        xml +=
            "<w:sdt><w:sdtPr><w:alias w:val=\"Nơi nhận\"/><w:tag w:val=\"noi_nhan\"/><w:lock w:val=\"sdtLocked\"/></w:sdtPr><w:sdtContent>"
        let recipients = filled.map(\.recipients).flatMap { $0.isEmpty ? nil : $0 } ?? outline.defaultRecipients(for: unit)
        for recipient in recipients { xml += paragraph(style: nil, runs: WordFilling.runs(recipient), bullet: true) }
        xml += "</w:sdtContent></w:sdt>"
        xml +=
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId3\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1701\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/><w:titlePg/></w:sectPr>"
        return xml + "</w:body></w:document>"
    }

    /// The placeholder text of each header field. A program that drops the placeholder mark
    /// (LibreOffice 7.4) leaves this text as if typed: the reader takes it as empty. Dates are
    /// hinted as a pattern, never as a date that could pass for one typed.
    static func hints(for unit: ReportingUnit, outline: Outline) -> [String: String] {
        [
            "bao_cao.so": "…/BC-\(unit.code)", "bao_cao.ngay": "ngày/tháng/năm",
            "chuyen_de.so": "…/BC-\(unit.code)", "chuyen_de.ngay": "ngày/tháng/năm",
            // Both shapes of authority: a department's deputy signs "KT. GIÁM ĐỐC", a People's
            // Committee signs "TM. ỦY BAN NHÂN DÂN" (the YAML skeleton gives the same examples).
            "nguoi_ky.quyen_han": "Như KT. GIÁM ĐỐC hoặc TM. ỦY BAN NHÂN DÂN; để trống nếu người đứng đầu ký",
            "nguoi_ky.chuc_vu": "Chức vụ, như PHÓ GIÁM ĐỐC hoặc CHỦ TỊCH",
            "nguoi_ky.ho_ten": "Họ và tên người ký",
        ]
    }

    /// Placeholder texts of forms made by earlier versions, read as empty too when a program
    /// kept them as typed text.
    static let earlierHints = [
        "nguoi_ky.quyen_han": "KT. GIÁM ĐỐC (để trống nếu người đứng đầu ký)", "nguoi_ky.chuc_vu": "Chức vụ, như PHÓ GIÁM ĐỐC",
    ]

    /// The block control of one section: its placeholder is the guidance, a bulleted point for a
    /// list section.
    static func sectionControl(_ item: FormSection, content: SectionContent? = nil) -> String {
        let guidance = item.section.guidance.isEmpty ? "Viết nội dung của mục này." : item.section.guidance
        let isList = item.section.kind == .list
        var xml = "<w:sdt><w:sdtPr><w:alias w:val=\"\(XMLBuffer.escaped(item.heading))\"/><w:tag w:val=\"\(XMLBuffer.escaped(item.tag))\"/>"
        if let content {
            let paragraphs = WordFilling.paragraphs(content)
            if !paragraphs.isEmpty {
                return xml + "<w:lock w:val=\"sdtLocked\"/></w:sdtPr><w:sdtContent>\(paragraphs)</w:sdtContent></w:sdt>"
            }
        }
        xml += "<w:lock w:val=\"sdtLocked\"/><w:showingPlcHdr/></w:sdtPr><w:sdtContent>"
        xml += paragraph(
            style: nil, runs: "<w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr>\(text(guidance))</w:r>", bullet: isList)
        return xml + "</w:sdtContent></w:sdt>"
    }

    /// An inline control showing `hint` as its placeholder, or holding `value` as typed.
    static func inlineControl(tag: String, alias: String, hint: String, date: Bool = false, value: String? = nil) -> String {
        var xml = "<w:sdt><w:sdtPr><w:alias w:val=\"\(XMLBuffer.escaped(alias))\"/><w:tag w:val=\"\(tag)\"/>"
        if let value, !value.isEmpty {
            // Word stores the chosen day of a date control in w:fullDate beside the shown text.
            let parts = value.split(separator: "/")
            let full = parts.count == 3 ? " w:fullDate=\"\(parts[2])-\(parts[1])-\(parts[0])T00:00:00Z\"" : ""
            xml +=
                date
                ? "<w:date\(full)><w:dateFormat w:val=\"dd/MM/yyyy\"/><w:lid w:val=\"vi-VN\"/><w:storeMappedDataAs w:val=\"dateTime\"/><w:calendar w:val=\"gregorian\"/></w:date>"
                : "<w:text/>"
            return xml + "</w:sdtPr><w:sdtContent><w:r>\(text(value))</w:r></w:sdtContent></w:sdt>"
        }
        xml += "<w:showingPlcHdr/>"
        xml +=
            date
            ? "<w:date><w:dateFormat w:val=\"dd/MM/yyyy\"/><w:lid w:val=\"vi-VN\"/><w:storeMappedDataAs w:val=\"dateTime\"/><w:calendar w:val=\"gregorian\"/></w:date>"
            : "<w:text/>"
        xml += "</w:sdtPr><w:sdtContent><w:r><w:rPr><w:rStyle w:val=\"PlaceholderText\"/></w:rPr>\(text(hint))</w:r></w:sdtContent></w:sdt>"
        return xml
    }

    /// A submission's header fields by the tag of their control, dates as "dd/MM/yyyy".
    static func fieldValues(_ submission: Submission) -> [String: String] {
        func date(_ value: SimpleDate?) -> String? {
            value.map { String(format: "%02d/%02d/%04d", $0.day, $0.month, $0.year) }
        }
        let pairs: [(String, String?)] = [
            ("bao_cao.so", submission.report.number), ("bao_cao.ngay", date(submission.report.date)),
            ("chuyen_de.so", submission.thematic?.report.number), ("chuyen_de.ngay", date(submission.thematic?.report.date)),
            ("nguoi_ky.quyen_han", submission.signer.authority), ("nguoi_ky.chuc_vu", submission.signer.title),
            ("nguoi_ky.ho_ten", submission.signer.name),
        ]
        return Dictionary(pairs.compactMap { pair in pair.1.map { (pair.0, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    static func paragraph(style: String?, runs: String, bullet: Bool = false, keepNext: Bool = false, newPage: Bool = false) -> String {
        var properties = ""
        if let style { properties += "<w:pStyle w:val=\"\(style)\"/>" }
        if keepNext { properties += "<w:keepNext/>" }
        if newPage { properties += "<w:pageBreakBefore/>" }
        if bullet { properties += "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + runs + "</w:p>"
    }

    static func run(_ value: String, bold: Bool = false, italic: Bool = false) -> String {
        let properties = (bold ? "<w:b/>" : "") + (italic ? "<w:i/>" : "")
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + text(value) + "</w:r>"
    }

    static func text(_ value: String) -> String {
        var buffer = XMLBuffer()
        buffer.appendText(value)
        return String(decoding: buffer.bytes, as: UTF8.self)
    }
}
