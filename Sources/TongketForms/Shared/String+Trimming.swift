extension StringProtocol {
    /// Without leading and trailing white space and line breaks: Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` (the Unicode White_Space property), in
    /// Swift, since on Linux Foundation's copies every string through NSString and UTF-16, which
    /// took a third of the time of reading a Word form.
    func trimmedWhitespace() -> String { trimmed { $0.isWhitespace } }

    /// Without leading and trailing spaces and tabs (`.whitespaces`), line breaks kept.
    func trimmedSpaces() -> String { trimmed { $0.isWhitespace && !$0.isNewline } }

    private func trimmed(_ isSpace: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
