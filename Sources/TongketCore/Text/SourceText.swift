import Foundation

/// Turns the bytes of an input file into the text tongket works on: UTF-8 with or without BOM,
/// CRLF or LF line ends, always normalised to NFC so that keys and names match whatever machine
/// saved the file.
public enum SourceText {
    /// Decodes `data`; an encoding problem is reported at the line and column of the first bad byte.
    public static func decode(_ data: Data, file: String) throws(Diagnostic) -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Diagnostic(
                .error, .encoding, at: SourceLocation(file: file, line: 1, column: 1),
                "tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        // The check is fast (`UTF8Text`); the byte-by-byte walk below only runs to locate a
        // problem it found.
        if let valid = UTF8Text.string(body) {
            let survey = body.withUnsafeBufferPointer { SourceSurvey($0) }
            if let control = survey.control {
                let location = locate(byteOffset: control.offset, in: Array(body), file: file)
                let code = String(control.scalar, radix: 16, uppercase: true)
                throw Diagnostic(
                    .error, .encoding, at: location,
                    "ký tự điều khiển U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) không được phép trong tệp "
                        + "(thường lẫn vào khi sao chép từ phần mềm khác); hãy xóa ký tự này")
            }
            var text = valid
            if survey.hasCarriageReturn { text = unifiedLineEnds(text) }
            return survey.mayHoldMarks ? nfc(text) : text
        }
        if let bad = firstInvalidUTF8(body) {
            let location = locate(byteOffset: bad, in: Array(body), file: file)
            throw Diagnostic(
                .error, .encoding, at: location,
                "tệp không phải UTF-8 hợp lệ (byte 0x\(String(body[body.startIndex + bad], radix: 16, uppercase: true))); "
                    + "có thể tệp được lưu bằng bảng mã Windows-1258 hoặc TCVN3: hãy lưu lại với mã hóa UTF-8")
        }
        let text = String(decoding: body, as: UTF8.self)
        return normalise(text)
    }

    /// NFC with LF line ends; a lone CR (old Mac files) also becomes LF.
    public static func normalise(_ text: String) -> String {
        nfc(hasCarriageReturn(text) ? unifiedLineEnds(text) : text)
    }

    private static func unifiedLineEnds(_ text: String) -> String {
        text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    /// NFC, skipping Foundation's normaliser (a fifth of a run's time when called for every key)
    /// for text with no combining mark, which NFC leaves unchanged. Text that has one, including
    /// a mark after a precomposed letter, goes through the normaliser.
    public static func nfc(_ text: String) -> String {
        if !mayHoldMarks(text) { return text }
        let needsWork = text.unicodeScalars.contains { scalar in
            // Below U+0300, and the precomposed Vietnamese letters U+1EA0–U+1EFF, are never marks.
            guard scalar.value >= 0x300, !(0x1EA0...0x1EFF).contains(scalar.value) else { return false }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: return true
            default: return (0x1100...0x11FF).contains(scalar.value)  // Hangul jamo compose too
            }
        }
        return needsWork ? text.precomposedStringWithCanonicalMapping : text
    }

    /// Whether the text has a CR byte; over contiguous UTF-8, since the generic search over
    /// `utf8` cost more than reading the file.
    static func hasCarriageReturn(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in bytes.contains(0x0D) }
    }

    /// A byte scan that rules out marks for ASCII and Vietnamese text: letters up to U+02FF (lead
    /// bytes 0xC2–0xCB) and U+1EA0–U+1EFF (0xE1 0xBA, 0xE1 0xBB) are never combining marks.
    static func mayHoldMarks(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case 0x00...0xBF, 0xC2...0xCB: continue
                case 0xE1:
                    guard index < bytes.count, bytes[index] == 0xBA || bytes[index] == 0xBB else { return true }
                    index += 1
                default: return true
                }
            }
            return false
        }
    }

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index - bytes.startIndex
            }
            if index + length > bytes.endIndex { return index - bytes.startIndex }
            if length > 1 {
                for k in 1..<length where bytes[index + k] & 0xC0 != 0x80 { return index - bytes.startIndex }
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F)
                    || (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F)
                {
                    return index - bytes.startIndex
                }
            }
            index += length
        }
        return nil
    }

    private static func locate(byteOffset: Int, in bytes: [UInt8], file: String) -> SourceLocation {
        var line = 1
        var lineStart = 0
        for i in 0..<byteOffset where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Columns count scalars, as libyaml does; the bytes before the bad one on its line are valid UTF-8.
        let prefix = String(decoding: bytes[lineStart..<byteOffset], as: UTF8.self)
        return SourceLocation(file: file, line: line, column: prefix.unicodeScalars.count + 1)
    }
}
