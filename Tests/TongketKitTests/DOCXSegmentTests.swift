import Foundation
import Testing
import TongketTestSupport

@testable import CmarkDoor
@testable import TongketCore
@testable import TongketDocument

/// The Word body written over several threads (`DOCXDocument+Segments`) must be the bytes of the
/// body written in order on one: every way a block ties itself to what came before (a label kept
/// with the next block, a signature keeping the paragraph before it, a table keeping its
/// introduction, a numbered list, a link, a chart, an appendix turning the page) at every place,
/// segment boundaries included.
@Suite("Thân DOCX viết song song")
struct DOCXSegmentTests {
    static let styleMap = DOCXStyleMap(classes: [
        "nhan": DOCXClassStyle(keepsFirstWithNext: true),
        "ky": DOCXClassStyle(paragraphStyle: "ChuKy", keepsWithPrevious: true, paragraphBefore: "TruocChuKy"),
        "phu-luc": DOCXClassStyle(layout: .landscape),
        "noi-nhan": DOCXClassStyle(listLineStyle: "NoiNhan"),
        "trich-dan": DOCXClassStyle(paragraphStyle: "TrichDan"),
    ])
    static let table = Table(
        kind: "k", columns: [Table.Column("Tên", alignment: .left), Table.Column("Số", alignment: .right)],
        rows: [["Sở Nội vụ", "12"], ["Sở Tư pháp", "7"]])
    static let chart = Chart(
        title: "Biểu đồ", measure: "hồ sơ", bars: [Chart.Bar(label: "2020", value: 3, text: "3")], bands: [], number: 1,
        decimals: 0
    ) { String($0) }

    static func paragraph(_ text: String) -> DocumentBlock { .paragraph([.text(text)]) }

    /// One block of a kind picked at random: mostly what a merged section holds (paragraphs,
    /// units' labelled material, long bulleted lists); with `dependent`, now and then one that
    /// depends on what came before it (a numbered list, a chart, a link, an appendix).
    static func block(_ number: Int, dependent: Bool, _ random: inout SplitMix64) -> DocumentBlock {
        let text = "Đoạn \(number) của dự thảo"
        let kind = Int.random(in: 0..<100, using: &random)
        switch dependent || !(82..<87).contains(kind) ? kind : 0 {
        case 0..<30: return paragraph(text)
        case 30..<42: return .paragraph([.strong([.text("Sở \(number):")])])
        case 42..<47: return .paragraph([.emphasis([.text("Huyện \(number):")])])
        case 47..<50: return .heading(level: 2, [.text("Mục \(number)")])
        case 50..<62:
            // One list in five holds a table, and in documents with dependent blocks an appendix,
            // which turns the page in the middle of the list: a table after it is as wide as the
            // list's start says, not as the page then is.
            let framed = number % 5 == 0
            let items = (0..<Int.random(in: 1...150, using: &random)).map { item -> [DocumentBlock] in
                switch item % 23 {
                case 4, 13:
                    return [
                        paragraph("\(text), ý \(item)"),
                        .list(DocumentList(ordered: false, start: 1, tight: true, items: [[paragraph("ý con")]])),
                    ]
                case 9 where framed && dependent:
                    return [paragraph("\(text), ý \(item)"), .container(className: "phu-luc", [paragraph("Phụ lục")])]
                case 11 where framed, 20 where framed: return [paragraph("\(text), ý \(item)"), .native(id: "bang")]
                default: return [paragraph("\(text), ý \(item)")]
                }
            }
            return .list(DocumentList(ordered: false, start: 1, tight: true, items: items))
        case 62..<74:
            let count = Int.random(in: 1...4, using: &random)
            return .container(
                className: "nhan", [.paragraph([.strong([.text("Đơn vị \(number):")])])] + (0..<count).map { paragraph("\(text) \($0)") })
        case 74..<78: return .container(className: "ky", [paragraph("Người ký \(number)")])
        case 78..<82: return .native(id: "bang")
        case 82..<84: return .list(DocumentList(ordered: true, start: 3, tight: true, items: [[paragraph(text)], [paragraph("tiếp")]]))
        case 84..<85: return .native(id: "bieu-do")
        case 85..<86:
            return .paragraph([.text("Xem "), .link(destination: "https://vi.wikipedia.org/wiki/\(number % 3)", [.text("trang")])])
        case 86..<87: return .container(className: "phu-luc", [paragraph("Phụ lục \(number)"), .native(id: "bang")])
        case 87..<90:
            let lines = DocumentList(ordered: false, start: 1, tight: true, items: [[paragraph("Như trên;")], [paragraph("Lưu: VT.")]])
            return .container(className: "noi-nhan", [.list(lines)])
        case 90..<93: return .quote([paragraph(text), .paragraph([.strong([.text("Trích:")])])])
        case 93..<95: return .code("dòng một\ndòng hai")
        case 95..<97: return .thematicBreak
        default: return .container(className: "khong-co-trong-bang", [paragraph(text)])
        }
    }

    func package(_ calls: [[DocumentBlock]], threads: Int) throws -> (Data, DOCXDocument) {
        let document = DOCXDocument(
            options: DOCXOptions(title: "thử", styles: "<w:styles/>", styleMap: Self.styleMap), tables: ["bang": Self.table],
            charts: ["bieu-do": Self.chart], spillDirectory: nil)
        document.threads = threads
        for blocks in calls { try document.add(blocks) }
        return (try document.package(), document)
    }

    @Test("viết trên nhiều luồng, nối lại: đúng từng byte như viết trên một luồng, ở mọi chỗ nối")
    func segmentsJoinToTheSameBytes() throws {
        var joined = 0
        var rewritten = 0
        for seed in UInt64(1)...40 {
            var random = SplitMix64(seed: seed)
            // A document in four has blocks that depend on what came before them: most segments
            // of those are written again, most of the others joined.
            let calls = (0..<Int.random(in: 1...3, using: &random)).map { call in
                (0..<Int.random(in: 1...400, using: &random)).map {
                    Self.block(call * 1000 + $0, dependent: seed % 4 == 0, &random)
                }
            }
            let (one, _) = try package(calls, threads: 1)
            let (several, document) = try package(calls, threads: 3)
            // Compared first: a failed #expect on two Data values would print them whole.
            let same = one == several
            #expect(same, "hạt giống \(seed): \(one.count) byte trên một luồng, \(several.count) trên ba")
            joined += document.segmentCounts.joined
            rewritten += document.segmentCounts.rewritten
        }
        // Both ways a segment is taken were met: the test compares them, not one path twice.
        #expect(joined > 300)
        #expect(rewritten > 30)
    }

    @Test("danh sách gạch đầu dòng cắt từng ý; danh sách đánh số, danh sách có khối chứa bên trong giữ nguyên")
    func bulletedListsAreCutNumberedKept() {
        let item = { (text: String) in [DocumentBlock.paragraph([.text(text)])] }
        let bullets = DocumentList(ordered: false, start: 1, tight: false, items: [item("a"), item("b"), item("c")])
        let numbered = DocumentList(ordered: true, start: 2, tight: true, items: [item("x"), item("y")])
        let pieces = DOCXDocument.pieces([.list(bullets), .thematicBreak, .list(numbered)])
        #expect(pieces.count == 5)
        #expect(pieces[0] == .list(DocumentList(ordered: false, start: 1, tight: false, items: [item("a")])))
        #expect(pieces[2] == .list(DocumentList(ordered: false, start: 1, tight: false, items: [item("c")])))
        #expect(pieces[3] == .thematicBreak)
        #expect(pieces[4] == .list(numbered))
        // A container anywhere inside (an appendix may turn the page) keeps the list whole.
        let appendix = DocumentBlock.container(className: "phu-luc", [.paragraph([.text("p")])])
        let framed = DocumentList(ordered: false, start: 1, tight: true, items: [item("a"), item("b") + [appendix]])
        let nested = DocumentList(
            ordered: false, start: 1, tight: true, items: [item("a"), [.list(framed)]])
        let quoted = DocumentList(ordered: false, start: 1, tight: true, items: [item("a"), [.quote([appendix])]])
        for whole in [framed, nested, quoted] {
            #expect(DOCXDocument.pieces([.list(whole)]) == [.list(whole)])
        }
    }
}
