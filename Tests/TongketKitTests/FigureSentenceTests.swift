import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore
@testable import TongketKit

/// The outline's bound sentences in the example draft: every figure the body states is read back
/// from the draft and checked against the appendix table printed in the same draft, by reading
/// that table's Markdown (row by indicator name, column by its heading), never by asking tongket.
@Suite("Câu nêu số liệu trong thân báo cáo khớp ô phụ lục")
struct FigureSentenceTests {
    let outline: Outline
    let draft: String

    init() throws {
        outline = try Fixtures.outline()
        let renderer = ReportRenderer(outline: outline, templates: try TemplateSet.load(from: Reports.templatesDirectory))
        let consolidation = SubmissionFolder.consolidator(paths: [Fixtures.examples.path], outline: outline, strict: false)
            .consolidate(asOf: SimpleDate(year: 2020, month: 6, day: 20))
        draft = try renderer.consolidatedReport(consolidation).markdown ?? ""
    }

    /// The draft's Markdown table after "**Phụ lục NUMBER**": header cells and rows of cells.
    func table(after heading: String) throws -> (header: [String], rows: [[String]]) {
        let start = try #require(draft.range(of: heading))
        let lines = draft[start.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }
        let cells = lines.map { line in
            line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
                $0.trimmingCharacters(in: .whitespaces)
            }
        }
        return (Array(cells.first ?? []), Array(cells.dropFirst(2)))
    }

    /// "1.010.221" → 1010221, "92,89" → 92.89.
    func number(_ text: Substring) -> Double? {
        Double(text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))
    }

    /// The figures each sentence states, taken from the draft with the sentence as a pattern.
    func stated(_ sentence: FigureSentence) throws -> [String] {
        var pattern = ""
        var index = sentence.text.startIndex
        for (range, _) in sentence.figures {
            pattern += NSRegularExpression.escapedPattern(for: String(sentence.text[index..<range.lowerBound])) + "(.+?)"
            index = range.upperBound
        }
        pattern += NSRegularExpression.escapedPattern(for: String(sentence.text[index...]))
        let regex = try NSRegularExpression(pattern: pattern)
        let match = try #require(
            regex.firstMatch(in: draft, range: NSRange(draft.startIndex..., in: draft)), "câu không có trong dự thảo: \(sentence.text)")
        return (1..<match.numberOfRanges).compactMap { Range(match.range(at: $0), in: draft).map { String(draft[$0]) } }
    }

    @Test("mọi số liệu nêu trong các câu bằng đúng ô của phụ lục (hoặc tính lại được từ hai ô)")
    func everyFigureIsItsCell() throws {
        var checked = 0
        for numbered in outline.leafSections {
            for sentence in numbered.section.figureSentences {
                let values = try stated(sentence)
                try #require(values.count == sentence.figures.count)
                for (text, figure) in zip(values, sentence.figures.map(\.figure)) {
                    try check(text, figure)
                    checked += 1
                }
            }
        }
        // The bundled outline binds 30 figures in 9 sentences (counted in de-cuong.yaml: 5, 6,
        // 2, 3, 3, 2, 5, 3 and 1).
        #expect(checked == 30)
    }

    func check(_ text: String, _ figure: FigureSentence.Figure) throws {
        if figure.kind == .targetsMet {
            // The targets' table is the first after the sentence that introduces it.
            let targets = try table(after: "Đối chiếu với các mục tiêu của Chương trình")
            let met = targets.rows.filter { $0.contains("Đạt") }.count
            #expect(text == "\(met)/\(targets.rows.count) mục tiêu")
            return
        }
        let appendix = try #require(outline.appendix(figure.appendixID))
        let indicator = try #require(appendix.indicator(figure.indicatorID))
        if figure.kind == .highest || figure.kind == .lowest {
            return try checkExtreme(text, appendix: appendix, indicator: indicator, highest: figure.kind == .highest)
        }
        let printed = try table(after: "**Phụ lục \(appendix.number)**")
        let row = try #require(printed.rows.first { $0.count > 1 && $0[1] == indicator.name }, "\(indicator.name)")
        func cell(_ heading: String) throws -> String {
            let column = try #require(printed.header.firstIndex(of: heading), "cột \(heading): \(printed.header)")
            return row[column]
        }
        let unit = indicator.measure == "%" ? "%" : " " + indicator.measure
        switch figure.kind {
        case .wholePeriod: #expect(text == (try cell("Giai đoạn 2011 - 2020")) + unit)
        case .phase(1): #expect(text == (try cell("Giai đoạn 2011 - 2015")) + unit)
        case .phase(2): #expect(text == (try cell("Giai đoạn 2016 - 2020")) + unit)
        case .year(let year): #expect(text == (try cell("Năm \(year)")) + unit)
        case .reporters: #expect(text == (try cell("Số đơn vị báo cáo")) + "/52 đơn vị")
        case .change, .percentChange:
            let a = try #require(number(try cell("Giai đoạn 2011 - 2015")[...]))
            let b = try #require(number(try cell("Giai đoạn 2016 - 2020")[...]))
            let words = text.split(separator: " ")
            #expect(words.first == (b > a ? "tăng" : "giảm"), "\(text)")
            let amount = try #require(number(words[1].hasSuffix("%") ? words[1].dropLast() : words[1]), "\(text)")
            if figure.kind == .change {
                #expect(abs(amount - abs(b - a)) < 0.005, "\(text): \(a) → \(b)")
            } else {
                #expect(abs(amount - abs(b - a) / a * 100) < 0.05, "\(text): \(a) → \(b)")
            }
        default: Issue.record("loại số liệu chưa kiểm: \(figure.kind)")
        }
    }

    /// The highest or lowest unit, worked out here from each example file's own yearly figures:
    /// a ratio is the unit's summed numerator over its summed denominator, rounded as printed.
    func checkExtreme(_ text: String, appendix: AppendixTable, indicator: Indicator, highest: Bool) throws {
        guard case .ratio(let top, let bottom) = indicator.aggregation else {
            Issue.record("chỉ kiểm cao nhất, thấp nhất cho chỉ tiêu tỷ lệ: \(indicator.id)")
            return
        }
        var values: [(name: String, value: Double)] = []
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.examples.path).filter { $0.hasSuffix(".yaml") }.sorted()
        for file in files {
            let loaded = SubmissionLoader.load(contentsOf: Fixtures.examples.appendingPathComponent(file), outline: outline)
            guard let submission = loaded.submission, let unit = outline.unit(submission.unitID),
                let figures = submission.figures[appendix.id], let numerator = figures[top], let denominator = figures[bottom]
            else { continue }
            let ratio = numerator.values.reduce(0, +) / denominator.values.reduce(0, +) * 100
            values.append((unit.name, (ratio * 100).rounded() / 100))
        }
        try #require(values.count >= 2)
        let target = try #require(highest ? values.map(\.value).max() : values.map(\.value).min())
        let names = values.filter { $0.value == target }.map(\.name)
        let figure = String(format: "%.2f", target).replacingOccurrences(of: ".", with: ",")
        #expect(text.hasSuffix(" (\(figure)%)"), "\(text): \(figure)%")
        let named = text.dropLast(" (\(figure)%)".count).components(separatedBy: ", ")
        #expect(Set(named) == Set(names), "\(text): \(names)")
    }

    @Test("câu số liệu sai trong đề cương: lỗi nêu rõ")
    func badSentences() {
        for (text, expected) in [
            ("Đạt {ca-ky:phu-luc-03}.", "phải có dạng {TÊN:PHỤ_LỤC/CHỈ_TIÊU}"),
            ("Đạt {trung-binh:phu-luc-03/x}.", "'trung-binh' không có"),
            ("Đạt {ca-ky:phu-luc-03/x.", "thiếu dấu '}'"),
        ] {
            guard case .failure(let error) = FigureSentence.parse(text) else {
                Issue.record("\(text) phải lỗi")
                continue
            }
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }
}
