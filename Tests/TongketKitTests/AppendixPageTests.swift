import Testing

@testable import TongketCore
@testable import TongketDocument

@Suite("Chỗ đứng của biểu đồ trong phụ lục")
struct AppendixPageTests {
    /// An appendix table of `rows` rows, ten years and three phases, short names.
    func table(rows: Int, name: String = "Số hồ sơ tiếp nhận") -> Table {
        let years = (2011...2020).map { Table.Column(String($0), group: "Năm", alignment: .right) }
        let phases = ["2011 - 2015", "2016 - 2020", "2011 - 2020"].map { Table.Column($0, group: "Giai đoạn", alignment: .right) }
        return Table(
            kind: "bang-so-lieu",
            columns: [.init("TT", alignment: .center), .init("Chỉ tiêu", alignment: .left), .init("Đơn vị tính", alignment: .center)]
                + years + phases,
            rows: (1...max(1, rows)).map { ["\($0)", name, "hồ sơ"] + Array(repeating: "1.234", count: 13) })
    }

    @Test("dòng chữ xuống dòng giữa các từ; từ dài hơn dòng thì bị cắt")
    func wrapping() {
        // 10 pt: half an em is 100 twips a letter, so 1,000 twips hold ten letters.
        #expect(DOCXTableWriter.wrappedLines("một hai ba", room: 1000, fontHalfPoints: 20) == 1)
        #expect(DOCXTableWriter.wrappedLines("một hai ba bốn", room: 1000, fontHalfPoints: 20) == 2)
        #expect(DOCXTableWriter.wrappedLines(String(repeating: "x", count: 25), room: 1000, fontHalfPoints: 20) == 3)
        #expect(DOCXTableWriter.wrappedLines("", room: 1000, fontHalfPoints: 20) == 1)
        // Spaces before, after and between words count as one, as between two words.
        #expect(DOCXTableWriter.wrappedLines("  một   hai  ba ", room: 1000, fontHalfPoints: 20) == 1)
        #expect(DOCXTableWriter.wrappedLines("   ", room: 1000, fontHalfPoints: 20) == 1)
    }

    /// The count as it was first written: the words split out, then their letters counted.
    static func wrappedBySplitting(_ text: String, room: Int, fontHalfPoints: Int) -> Int {
        let perLine = max(1, room / max(1, fontHalfPoints * 10 / 2))
        var lines = 1
        var filled = 0
        for word in text.utf8.split(separator: 0x20) {
            let length = word.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
            if filled == 0 {
                filled = length
            } else if filled + 1 + length <= perLine {
                filled += 1 + length
            } else {
                lines += 1
                filled = length
            }
            while filled > perLine {
                lines += 1
                filled -= perLine
            }
        }
        return lines
    }

    @Test("đếm dòng trong một lượt qua các byte: như tách từ rồi đếm, trên 5.000 chuỗi ngẫu nhiên")
    func wrappingInOnePass() {
        let pieces = ["a", "xã", "Nghệ", "ượ", " ", "  ", "\u{301}", "1.234", "hồ sơ", "🇻🇳", "\t", "-"]
        // Seeded, so that a failure can be replayed.
        var random = SplitMix64(seed: 3_134)
        var differing: [String] = []
        for _ in 0..<5_000 {
            let text = (0..<Int(random.next() % 31)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            let room = Int(random.next() % 3_001)
            if DOCXTableWriter.wrappedLines(text, room: room, fontHalfPoints: 20)
                != Self.wrappedBySplitting(text, room: room, fontHalfPoints: 20)
            {
                differing.append(text)
            }
        }
        #expect(differing.isEmpty, "khác ở \(differing.prefix(3).map { $0.debugDescription })")
    }

    @Test("bảng ngắn: biểu đồ đứng ngay dưới bảng; bảng dài: biểu đồ sang trang riêng và lấp đầy trang")
    func oneChart() {
        // Two one-line rows: a title of three 14 pt lines, a header and two rows of 10 pt lines,
        // far less than the 9,071 twips the page keeps beside the chart's 4,585.
        #expect(AppendixPage.placements(table: table(rows: 2), title: "KẾT QUẢ", charts: 1) == [.flowing])
        // Twelve rows of names that wrap to several lines leave no room for it.
        let long = String(repeating: "tên chỉ tiêu rất dài ", count: 5)
        #expect(AppendixPage.placements(table: table(rows: 12, name: long), title: "KẾT QUẢ", charts: 1) == [.wholePage])
    }

    @Test("hai biểu đồ không còn chỗ: cùng sang một trang mới, mỗi biểu đồ nửa trang; ba: cặp đầu rồi biểu đồ cuối cả trang")
    func severalCharts() {
        let long = String(repeating: "tên chỉ tiêu rất dài ", count: 5)
        let big = table(rows: 12, name: long)
        #expect(AppendixPage.placements(table: big, title: "KẾT QUẢ", charts: 2) == [.newPage, .flowing])
        #expect(AppendixPage.placements(table: big, title: "KẾT QUẢ", charts: 3) == [.newPage, .flowing, .wholePage])
        #expect(AppendixPage.placements(table: big, title: "KẾT QUẢ", charts: 0).isEmpty)
        // A short table: the first chart under it, the second on a page of its own, filling it.
        #expect(AppendixPage.placements(table: table(rows: 2), title: "KẾT QUẢ", charts: 2) == [.flowing, .wholePage])
    }

    @Test("biểu đồ cả trang: Word cao 8.180 twip, rộng hết chỗ; HTML vẽ 640 × 470 và bắt đầu trang mới")
    func wholePageSize() {
        var chart = Chart(
            title: "Số hồ sơ", measure: "hồ sơ", bars: [.init(label: "2011", value: 5, text: "5")], bands: [], number: 1, decimals: 0
        ) { String($0) }
        #expect(Chart.Layout(chart).height == 260)
        #expect(!DOCXChartWriter.drawing(chart, part: 1, available: 11139, relationship: "r").contains("cy=\"\(8180 * 635)\""))
        chart.placement = .wholePage
        #expect(Chart.Layout(chart).height == 470)
        // 11,139 twips wide at 640 × 470 is 8,180 high, under the 8,220 a page leaves.
        let drawing = DOCXChartWriter.drawing(chart, part: 1, available: 11139, relationship: "r")
        #expect(drawing.contains("<wp:extent cx=\"\(11139 * 635)\" cy=\"\(8180 * 635)\"/>"))
        #expect(SVGChartWriter.svg(chart).hasPrefix("<figure class=\"bieu-do trang-moi ca-trang\">"))
        chart.placement = .newPage
        #expect(SVGChartWriter.svg(chart).hasPrefix("<figure class=\"bieu-do trang-moi\">"))
    }
}

@Suite("Trục và nhãn của biểu đồ")
struct ChartAxisTests {
    func chart(_ values: [Double], decimals: Int) -> Chart {
        Chart(
            title: "Chỉ tiêu", measure: "đơn vị",
            bars: values.enumerated().map { .init(label: String(2021 + $0.offset), value: $0.element, text: String($0.element)) },
            bands: [.init(label: "2021 - 2025", name: "Giai đoạn 2021 - 2025", first: 0, last: values.count - 1, figure: "x")],
            number: 1, decimals: decimals
        ) { value in value == value.rounded() ? String(Int(value)) : String(value) }
    }

    @Test("chỉ tiêu đếm (không chữ số thập phân): mỗi nấc trục là số nguyên, không bao giờ '1,25'")
    func wholeSteps() {
        // Highest 3: a top of 5 would step by 1,25; by ones to 4 instead.
        #expect(chart([1, 2, 3], decimals: 0).axisLabels == ["0", "1", "2", "3", "4"])
        // Highest 5: steps of 2 to 8.
        #expect(chart([5, 4], decimals: 0).axisLabels == ["0", "2", "4", "6", "8"])
        // Highest 63: a top of 100 already steps by 25.
        #expect(chart([42, 63], decimals: 0).axisLabels == ["0", "25", "50", "75", "100"])
        // A percentage keeps its quarter steps, decimals allowed.
        #expect(chart([1, 2, 3], decimals: 2).axisLabels == ["0", "1.25", "2.5", "3.75", "5"])
    }

    @Test("cột chạm đỉnh trục (100%): số trên cột không chạm tên giai đoạn phía trên")
    func labelsClearOfPhaseNames() throws {
        let svg = SVGChartWriter.svg(chart([100, 100], decimals: 2))
        func baselines(fontSize: Int) -> [Double] {
            svg.components(separatedBy: "<text ").dropFirst().filter { $0.contains("font-size=\"\(fontSize)\"") }.compactMap { text in
                guard let start = text.range(of: " y=\"") else { return nil }
                return Double(text[start.upperBound...].prefix { $0 != "\"" })
            }
        }
        // The phase's name (12 units high) sits on its baseline; a bar's figure (10 high) reaches
        // up 10 from its own: 2 units clear at the least.
        let phase = try #require(baselines(fontSize: 12).first)
        let figures = baselines(fontSize: 10)
        #expect(figures.count == 2)
        for figure in figures { #expect(figure - 10 >= phase + 2, "tên giai đoạn ở \(phase), số trên cột ở \(figure)") }
    }
}
