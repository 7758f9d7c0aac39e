import Foundation
import Testing
import TongketTestSupport

@testable import CmarkDoor
@testable import TongketCore
@testable import TongketKit

/// The byte-level comparison form (`ComparisonForm`) against the word-by-word normalisation it
/// replaced (`WordNormaliser` below, kept here as the reference): the same key for every paragraph
/// and point of the example and for random text with every kind of scalar the reader can meet.
@Suite("Dạng so sánh của một đoạn, một ý")
struct ComparisonFormTests {
    @Test("như cách chuẩn hóa theo từng từ trước đây, trên mọi đoạn, mọi ý của ví dụ")
    func example() throws {
        let outline = try Fixtures.outline()
        let consolidation = SubmissionFolder.consolidator(
            paths: [Fixtures.root.appendingPathComponent("examples/thanh-hoa-2020").path], outline: outline, strict: false
        ).consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
        var compared = 0
        for contributions in consolidation.contributions.values {
            for contribution in contributions {
                let blocks: [String]
                switch contribution.content {
                case .text(let text): blocks = MarkdownBlocks.split(text)
                case .list(let items): blocks = items
                }
                for block in blocks {
                    #expect(
                        PointMerger.normalised(block, unitName: contribution.unitName)
                            == WordNormaliser.normalised(block, unitName: contribution.unitName))
                    compared += 1
                }
            }
        }
        #expect(compared > 300)
    }

    @Test("những trường hợp viết tay: tên đơn vị ở đầu, giữa, cuối, lặp lại; số; chữ hoa có dấu")
    func cases() {
        let cases: [(String, String)] = [
            ("Sở Tư pháp đã ban hành kế hoạch.", "Sở Tư pháp"),
            ("Kinh phí của Sở Tư pháp được bố trí đủ, Sở Tư pháp", "Sở Tư pháp"),
            ("Sở Tư pháp", "Sở Tư pháp"),
            ("SỞ TƯ PHÁP Sở tư pháp sở", "Sở Tư pháp"),
            ("Thẩm định 1.126 dự thảo, đạt 85,50%; 1.5 và 007, 0,0 và 1.234.567,890", ""),
            ("mức độ 3, 4 và 3,4; .5 và 5. và 1..2 và 1,,2", "Sở"),
            ("ĐẨY MẠNH ỨNG DỤNG CÔNG NGHỆ THÔNG TIN", "UBND huyện Nga Sơn"),
            ("", "Sở Y tế"),
            ("!!!", ""),
        ]
        for (text, name) in cases {
            #expect(PointMerger.normalised(text, unitName: name) == WordNormaliser.normalised(text, unitName: name), "\(text) / \(name)")
        }
        #expect(PointMerger.normalised("Sở Tư pháp đã ban hành kế hoạch.", unitName: "Sở Tư pháp") == "đã ban hành kế hoạch")
        #expect(PointMerger.normalised("Đạt 1.234,50 %", unitName: "") == "đạt 1234.5")
    }

    @Test("văn bản ngẫu nhiên: chữ Việt dựng sẵn và tổ hợp, chữ hoa, dấu rời, số các hệ, ký hiệu")
    func random() {
        let pieces = [
            "a", "Z", "đ", "Đ", "ệ", "Ệ", "e\u{302}\u{323}", "E\u{323}\u{302}", "\u{301}", "ư", "Ư", "İ", "ẞ", "ǅ", "Σ", "ς",
            "Ж", "ж", "ﬁ", "0", "1", "9", "٣", "٤", "１", "२", ".", ",", " ", "  ", "\n", "-", "%", "(", ")", "*", "…", "🙂",
            "\u{00A0}", "\u{200B}", "\u{1100}", "\u{1161}", "\u{212B}", "\u{0345}", "Sở", "Tư", "pháp", "sở", "tư", "PHÁP", "1.126", "85,5",
            "007", "`", "{", "@", "[", "z", "A", "trực", "nghiệp",
        ]
        let names = ["", "Sở Tư pháp", "UBND huyện Nga Sơn", "Ư", "1", "a a", "İ"]
        var generator = SplitMix(seed: 2026)
        for _ in 0..<20_000 {
            let count = Int(generator.next() % 24)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let name = names[Int(generator.next() % UInt64(names.count))]
            #expect(
                PointMerger.normalised(text, unitName: name) == WordNormaliser.normalised(text, unitName: name),
                "\(text.debugDescription) / \(name)")
        }
    }
}

/// A small deterministic generator, so that a failure names a text that comes back on the next run.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The normalisation as it was written first, word by word over `String`s (PointMerger's
/// documentation states the rules): the reference the byte-level form must equal.
private enum WordNormaliser {
    static func normalised(_ text: String, unitName: String) -> String {
        let words = words(SourceText.nfc(text))
        guard !unitName.isEmpty else { return words.joined(separator: " ") }
        return removing(self.words(SourceText.nfc(unitName)), from: words).joined(separator: " ")
    }

    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            let kind = Kind(scalar)
            if kind == .digit {
                if !current.isEmpty { words.append(current) }
                current = ""
                var number = ""
                while let next = scalars.first,
                    Kind(next) == .digit
                        || ((next == "." || next == ",") && scalars.dropFirst().first.map { Kind($0) == .digit } == true)
                {
                    number.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                }
                words.append(PointMerger.canonicalNumber(number))
                continue
            }
            switch kind {
            case .lower: current.unicodeScalars.append(scalar)
            case .upper:
                if scalar.isASCII {
                    current.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value | 0x20)))
                } else {
                    current += scalar.properties.lowercaseMapping
                }
            case .digit, .separator:
                if !current.isEmpty { words.append(current) }
                current = ""
            }
            scalars = scalars.dropFirst()
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func removing(_ name: [String], from words: [String]) -> [String] {
        guard !name.isEmpty, words.count >= name.count else { return words }
        var kept: [String] = []
        var index = 0
        while index < words.count {
            if words[index] == name[0], index + name.count <= words.count, words[index..<(index + name.count)].elementsEqual(name) {
                index += name.count
            } else {
                kept.append(words[index])
                index += 1
            }
        }
        return kept
    }

    enum Kind {
        case lower, upper, digit, separator

        init(_ scalar: Unicode.Scalar) {
            if scalar.isASCII {
                switch scalar.value {
                case 0x30...0x39: self = .digit
                case 0x61...0x7A: self = .lower
                case 0x41...0x5A: self = .upper
                default: self = .separator
                }
                return
            }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .titlecaseLetter: self = .upper
            case .lowercaseLetter, .modifierLetter, .otherLetter, .nonspacingMark, .spacingMark, .enclosingMark: self = .lower
            case .decimalNumber: self = .digit
            default: self = .separator
            }
        }
    }
}
