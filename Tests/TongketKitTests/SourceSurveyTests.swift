import Testing

@testable import TongketCore

/// `SourceSurvey`'s one pass must answer what the three scans it replaced answer: random text of
/// an alphabet holding each kind of byte it treats apart (controls, CR, C1 and NEL, Vietnamese's
/// letters of U+1EA0–U+1EFF and other E1 letters, combining marks, Hangul jamo, NBSP, emoji).
@Suite("Một lượt đọc byte của tệp trả lời đúng như ba lượt riêng")
struct SourceSurveyTests {
    static let alphabet: [String] = [
        "a", "b", " ", "\n", "\t", ".", "1", "ă", "đ", "Ư", "ơ", "ạ", "ể", "ỹ", "Ỵ", "ḁ", "ẁ", "\u{1E9E}",
        "\u{0301}", "\u{0323}", "\u{1100}", "\u{00A0}", "©", "\u{0085}", "\u{0090}", "\u{009F}", "\u{0080}",
        "\r", "\r\n", "\u{1}", "\u{0}", "\u{1F}", "\u{7F}", "\u{0B}", "—", "中", "😀", "ÿ", "ʼ", "Ω",
    ]

    /// The first control character YAML does not allow (C0 but tab, line feed and carriage
    /// return; DEL; C1 but NEL), with its byte offset; libyaml would only say that there
    /// is one. The byte-by-byte scan `SourceText.decode` used before the survey, kept as the reference.
    static func firstControlCharacter(_ bytes: ArraySlice<UInt8>) -> (offset: Int, scalar: UInt32)? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D || byte == 0x7F {
                return (index - bytes.startIndex, UInt32(byte))
            }
            if byte == 0xC2, index + 1 < bytes.endIndex, (0x80...0x9F).contains(bytes[index + 1]), bytes[index + 1] != 0x85 {
                return (index - bytes.startIndex, UInt32(bytes[index + 1]))
            }
            index += 1
        }
        return nil
    }

    func expected(_ text: String) -> SourceSurvey {
        var survey = SourceSurvey(UnsafeBufferPointer(start: nil, count: 0))
        survey.control = Self.firstControlCharacter(Array(text.utf8)[...])
        survey.hasCarriageReturn = SourceText.hasCarriageReturn(text)
        survey.mayHoldMarks = SourceText.mayHoldMarks(text)
        return survey
    }

    /// The same first control character; without one, the same two other answers (after one the
    /// file is refused and the survey stops).
    func agree(_ made: SourceSurvey, _ expected: SourceSurvey) -> Bool {
        guard made.control?.offset == expected.control?.offset, made.control?.scalar == expected.control?.scalar else {
            return false
        }
        return made.control != nil
            || (made.hasCarriageReturn, made.mayHoldMarks) == (expected.hasCarriageReturn, expected.mayHoldMarks)
    }

    func surveyed(_ text: String) -> SourceSurvey {
        Array(text.utf8).withUnsafeBufferPointer { SourceSurvey($0) }
    }

    @Test("2.000 đoạn ngẫu nhiên: cùng ký tự điều khiển đầu tiên và vị trí, cùng CR, cùng dấu kết hợp")
    func randomTexts() {
        var generator = SystemRandomNumberGenerator()
        var wrong: [String] = []
        for round in 0..<2_000 {
            // Mostly plain text, so that a rare kind comes late in a text as well as early.
            let length = Int.random(in: 0...60, using: &generator)
            let rare = round % 4 == 0 ? 1.0 : 0.05
            let text = (0..<length).map { _ in
                Double.random(in: 0..<1, using: &generator) < rare
                    ? Self.alphabet.randomElement(using: &generator)! : ["a", " ", "ạ", "ể", "ô", "\n"].randomElement(using: &generator)!
            }.joined()
            if !agree(surveyed(text), expected(text)) { wrong.append(text) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5).map { Array($0.unicodeScalars.map(\.value)) })")
    }

    @Test("từng ký tự của bảng chữ, ở đầu, giữa và cuối")
    func eachCharacter() {
        for character in Self.alphabet {
            for text in [character, "ab" + character, "ab" + character + "cd", "ạ" + character + "ể"] {
                #expect(agree(surveyed(text), expected(text)), "\(Array(text.unicodeScalars.map(\.value)))")
            }
        }
        #expect(surveyed("Một cửa\u{1} hoạt").control?.offset == Array("Một cửa".utf8).count)
        #expect(surveyed("ạ\u{0090}").control?.scalar == 0x90)
        #expect(surveyed("ạ\u{0085}").control == nil)
        #expect(surveyed("\r\u{0301}").hasCarriageReturn && surveyed("\r\u{0301}").mayHoldMarks)
        #expect(surveyed("Tiếng Việt\r\n").mayHoldMarks == false)
        #expect(surveyed("Tie\u{0302}\u{0301}ng").mayHoldMarks)
    }
}
