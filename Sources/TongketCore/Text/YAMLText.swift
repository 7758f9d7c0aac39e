/// Small pieces for writing YAML that people will edit by hand.
package enum YAMLText {
    /// A double-quoted scalar; always quoting keeps YAML 1.1 from reading "no" or "08" as something else.
    package static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + (scalar.value < 0x10 ? "0" : "") + String(scalar.value, radix: 16, uppercase: true)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `text` as comment lines of at most `width` characters, each starting with `indent# `.
    package static func comment(_ text: String, indent: String, width: Int = 96) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in paragraph.split(separator: " ") {
                if !line.isEmpty && indent.count + 2 + line.count + 1 + word.count > width {
                    lines.append(indent + "# " + line)
                    line = ""
                }
                line += (line.isEmpty ? "" : " ") + word
            }
            lines.append(indent + (line.isEmpty ? "#" : "# " + line))
        }
        return lines
    }
}

extension YAMLText {
    /// `text` as a plain scalar when it plainly reads back as the same text in YAML 1.1 and 1.2
    /// (letters first, then letters, digits, spaces and ordinary punctuation), so that a line
    /// tongket adds to a hand-written file looks like its neighbours; quoted otherwise.
    package static func plainOrQuoted(_ text: String) -> String {
        let allowed: Set<Character> = [" ", ".", ",", "-", "/", "(", ")"]
        let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]
        guard let first = text.first, first.isLetter, text.last != " ", !reserved.contains(text.lowercased()),
            text.allSatisfy({ $0.isLetter || $0.isNumber || allowed.contains($0) })
        else { return quoted(text) }
        return text
    }
}
