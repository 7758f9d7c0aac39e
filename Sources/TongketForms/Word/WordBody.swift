import Foundation
import TongketCore

/// The body of a Word document read as paragraphs, in one pass over `word/document.xml`, as
/// Word and LibreOffice write it: text across runs however they are split, bookmarks, proofing
/// marks and smart tags passed over, field codes skipped and their results kept, tracked
/// insertions kept and deletions dropped (the changes read as accepted), and the inline
/// controls' values gathered by tag. Tables, pictures, text boxes and footnotes are noted on
/// the paragraph around or after them, never silently lost.
struct WordBody {
    private(set) var paragraphs: [WordParagraph] = []
    /// Inline plain-text and date controls by tag: their text, nil while showing the placeholder.
    private(set) var fields: [String: String?] = [:]
    /// Fields whose control lost its tag are kept under their title, after this prefix.
    static let aliasPrefix = "alias:"

    init(package: OfficePackage) throws(Diagnostic) {
        guard let data = try package.part("word/document.xml") else { return }
        let handler = Handler()
        try SafeXML.parse(data, part: "word/document.xml", file: package.file, handler: handler)
        paragraphs = handler.paragraphs
        fields = handler.fields
    }

    private final class Handler: XMLEventHandler {
        var paragraphs: [WordParagraph] = []
        var fields: [String: String?] = [:]

        /// Open content controls: tag, whether showing the placeholder, block or inline, date.
        private struct Control {
            var tag: String?
            var alias: String?
            var placeholder = false
            var inline: Bool
            var date: String?
            var text = ""
        }
        private var controls: [Control] = []
        private var inProperties = false
        private var paragraph: WordParagraph?
        private var bold = false
        private var italic = false
        private var inRunProperties = false
        private var inText = false
        private var tableDepth = 0
        private var textBoxDepth = 0
        private var deleted = 0
        private var pendingLeftOut: [String] = []
        private var dates = 0
        /// Inside a run: a tab or a break counts only there (`w:tab` is also a tab stop in `w:pPr`).
        private var runDepth = 0
        /// Inside `mc:Fallback`, the copy of `mc:Choice` for older programs: read once, not twice.
        private var fallbackDepth = 0

        func start(_ name: String, _ attributes: XMLAttributes) {
            if name == "Fallback" { fallbackDepth += 1 }
            guard fallbackDepth == 0 else { return }
            let value = attributes["val"]
            switch name {
            case "sdt":
                controls.append(Control(inline: paragraph != nil))
            // Properties outside any control (a hand-made or damaged file) belong to nothing.
            case "sdtPr": inProperties = !controls.isEmpty
            case "tag" where inProperties: controls[controls.count - 1].tag = value
            case "alias" where inProperties: controls[controls.count - 1].alias = value
            case "showingPlcHdr" where inProperties: controls[controls.count - 1].placeholder = value != "0" && value != "false"
            case "date" where inProperties: controls[controls.count - 1].date = attributes["fullDate"] ?? ""
            case "tbl":
                if tableDepth == 0 && textBoxDepth == 0 { pendingLeftOut.append("một bảng") }
                tableDepth += 1
            case "txbxContent":
                if textBoxDepth == 0 { note("một hộp văn bản") }
                textBoxDepth += 1
            case "p":
                guard tableDepth == 0 && textBoxDepth == 0 else { return }
                var new = WordParagraph()
                if let block = controls.last(where: { !$0.inline }) {
                    new.control = block.tag
                    new.placeholder = block.placeholder
                }
                new.controls = controls.filter { !$0.inline }.compactMap(\.tag)
                new.leftOut = pendingLeftOut
                pendingLeftOut = []
                paragraph = new
            case "pStyle": if paragraph != nil, !inRunProperties { paragraph?.style = value ?? "" }
            case "numId":
                if let value, let level = paragraph.map({ $0.list?.level ?? 0 }) { paragraph?.list = (value, level) }
            case "ilvl":
                if let value, let level = Int(value), let id = paragraph.map({ $0.list?.id ?? "" }) { paragraph?.list = (id, level) }
            case "r":
                bold = false
                italic = false
                runDepth += 1
            case "rPr": inRunProperties = true
            case "b" where inRunProperties: bold = Self.isOn(value)
            case "i" where inRunProperties: italic = Self.isOn(value)
            case "t": inText = deleted == 0
            case "tab", "ptab": if runDepth > 0 { append("\t") }
            // A page or column break is layout, not a line of the text.
            case "br": if runDepth > 0, attributes["type"] ?? "textWrapping" == "textWrapping" { append("\n") }
            case "cr": if runDepth > 0 { append("\n") }
            case "noBreakHyphen": if runDepth > 0 { append("-") }
            case "sym": if runDepth > 0 { symbol(attributes) }
            case "ins", "moveTo": paragraph?.revised = true
            case "del", "moveFrom":
                paragraph?.revised = true
                deleted += 1
            case "drawing", "pict", "object": note("một hình")
            case "footnoteReference", "endnoteReference": note("một chú thích cuối trang")
            default: break
            }
        }

        func end(_ name: String) {
            if name == "Fallback" { fallbackDepth -= 1 }
            guard fallbackDepth == 0, name != "Fallback" else { return }
            switch name {
            case "r": runDepth = max(runDepth - 1, 0)
            case "sdtPr": inProperties = false
            case "sdt":
                // A table or picture last in a block control is noted inside it, not on the next
                // heading, which no section reads.
                if let last = controls.last, !last.inline, !pendingLeftOut.isEmpty, tableDepth == 0, textBoxDepth == 0 {
                    var carrier = WordParagraph()
                    carrier.control = last.tag
                    carrier.placeholder = last.placeholder
                    carrier.controls = controls.filter { !$0.inline }.compactMap(\.tag)
                    carrier.leftOut = pendingLeftOut
                    pendingLeftOut = []
                    paragraphs.append(carrier)
                }
                guard let control = controls.popLast() else { return }
                // LibreOffice 7.4 keeps an inline control's title but not its tag: the title is
                // looked up when the tag is gone.
                // A date control keeps neither: the form's date controls are told apart by order
                // (the report's date comes before the thematic report's).
                if control.inline, control.tag == nil, control.alias == nil, control.date != nil {
                    dates += 1
                    fields[WordBody.aliasPrefix + "date\(dates)"] = control.placeholder ? String?.none : Self.value(control)
                } else if control.inline, let key = control.tag ?? control.alias.map({ WordBody.aliasPrefix + $0 }) {
                    fields[key] = control.placeholder ? String?.none : Self.value(control)
                }
            case "tbl": tableDepth -= 1
            case "txbxContent": textBoxDepth -= 1
            case "p":
                guard tableDepth == 0 && textBoxDepth == 0, let finished = paragraph else { return }
                paragraphs.append(finished)
                paragraph = nil
            case "rPr": inRunProperties = false
            case "t": inText = false
            case "del", "moveFrom": deleted -= 1
            default: break
            }
        }

        func text(_ text: String) {
            if inText && fallbackDepth == 0 { append(text) }
        }

        var wantsText: Bool { inText && fallbackDepth == 0 }

        private func append(_ text: String) {
            guard paragraph != nil, tableDepth == 0, textBoxDepth == 0, deleted == 0 else { return }
            for index in controls.indices where controls[index].inline { controls[index].text += text }
            // An inline control in the text still showing its placeholder holds nothing typed.
            if controls.contains(where: { $0.inline && $0.placeholder }) { return }
            guard var current = paragraph else { return }
            if let last = current.runs.last, last.bold == bold, last.italic == italic {
                current.runs[current.runs.count - 1].text += text
            } else {
                current.runs.append(WordParagraph.Run(text: text, bold: bold, italic: italic))
            }
            paragraph = current
        }

        /// A symbol inserted from a font (`w:sym`): a Unicode character is text; a code in the
        /// private-use area (Symbol, Wingdings) names a glyph of that font only, noted as left out.
        private func symbol(_ attributes: XMLAttributes) {
            guard let code = attributes["char"].flatMap({ UInt32($0, radix: 16) }), let scalar = Unicode.Scalar(code) else { return }
            if (0xE000...0xF8FF).contains(code) || code < 0x20 {
                note("một ký hiệu của phông \(attributes["font"] ?? "chữ") (Insert → Symbol)")
            } else {
                append(String(Character(scalar)))
            }
        }

        /// An on/off property: `<w:b/>` is on, `w:val` "0", "false" or "off" turns it off.
        private static func isOn(_ value: String?) -> Bool {
            guard let value else { return true }
            return !["0", "false", "off"].contains(value)
        }

        private func note(_ what: String) {
            if paragraph != nil { paragraph?.leftOut.append(what) } else { pendingLeftOut.append(what) }
        }

        /// A date control's value as the submission writes dates: Word stores the chosen day in
        /// `w:fullDate` ("2020-04-24T00:00:00Z") beside the shown text.
        private static func value(_ control: Control) -> String {
            if let date = control.date, date.count >= 10 {
                let parts = date.prefix(10).split(separator: "-")
                if parts.count == 3 { return "\(parts[2])/\(parts[1])/\(parts[0])" }
            }
            return control.text.trimmedWhitespace()
        }
    }
}
