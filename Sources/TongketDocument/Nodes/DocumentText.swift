import CmarkDoor

/// The text of document values: as a reader sees it, or with its emphasis marked as Markdown
/// marks it, for a terminal that shows no italics. Values have no escapes left to take off.
public enum DocumentText {
    /// "Kiểm tra 16 cuộc *(Sở Y tế)*": emphasis in stars, code in backticks, a link as its text.
    public static func marked(_ inlines: [DocumentInline]) -> String {
        var out = ""
        append(inlines, to: &out, marks: true)
        return out
    }

    /// "Kiểm tra 16 cuộc (Sở Y tế)".
    public static func plain(_ inlines: [DocumentInline]) -> String {
        var out = ""
        append(inlines, to: &out, marks: false)
        return out
    }

    /// The inlines line by line, split where the source broke the line (a soft break).
    public static func lines(_ inlines: [DocumentInline]) -> [[DocumentInline]] {
        var lines: [[DocumentInline]] = [[]]
        for inline in inlines {
            if case .softBreak = inline {
                lines.append([])
            } else {
                lines[lines.count - 1].append(inline)
            }
        }
        return lines
    }

    private static func append(_ inlines: [DocumentInline], to out: inout String, marks: Bool) {
        for inline in inlines {
            switch inline {
            case .text(let text): out += text
            case .code(let code): out += marks ? "`" + code + "`" : code
            case .softBreak, .lineBreak: out += " "
            case .emphasis(let inner):
                if marks { out += "*" }
                append(inner, to: &out, marks: marks)
                if marks { out += "*" }
            case .strong(let inner):
                if marks { out += "**" }
                append(inner, to: &out, marks: marks)
                if marks { out += "**" }
            case .link(_, let inner): append(inner, to: &out, marks: marks)
            }
        }
    }
}
