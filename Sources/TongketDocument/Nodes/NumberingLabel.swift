import CmarkDoor

/// The numbers Nghị định 30 puts before a title: "I.", "IV.", "1.", "12.", "1.2.", "a)", "đ)",
/// "(3)". The word before a heading's title is its label when it has one of these forms.
public enum NumberingLabel {
    public static func isLabel(_ word: Substring) -> Bool {
        if word.hasPrefix("("), word.hasSuffix(")"), word.count > 2 { return word.dropFirst().dropLast().allSatisfy(\.isNumber) }
        if word.hasSuffix(")"), word.count == 2 { return word.first?.isLetter == true }
        guard word.hasSuffix("."), word.count > 1 else { return false }
        let body = word.dropLast()
        return body.allSatisfy { $0.isNumber || $0 == "." } || body.allSatisfy { "IVXLC".contains($0) }
    }

    /// The title without its label: "KẾT QUẢ" for "III. KẾT QUẢ".
    public static func strip(_ text: String) -> Substring {
        let trimmed = Substring(text).drop { $0 == " " }
        let word = trimmed.prefix { $0 != " " }
        return isLabel(word) ? trimmed.dropFirst(word.count).drop { $0 == " " } : trimmed
    }
}
