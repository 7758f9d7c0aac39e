import CmarkDoor
import Foundation
import Testing
import TongketTestSupport

@testable import TongketDocument
@testable import TongketKit

/// One way to break the bundled class map, and where and how the error must say so.
struct BrokenStyleMap: Sendable, CustomTestStringConvertible {
    var name: String
    var old: String
    var new: String
    /// The error is at the first `at` in the changed file (after `after`, when given).
    var at: String
    var after: String? = nil
    var message: String

    var testDescription: String { name }
}

@Suite("Kiểu Word theo lớp (kieu-word-lop.yaml)")
struct WordStyleMapTests {
    static let bundledURL = Reports.templatesDirectory.appendingPathComponent(WordStyleMapLoader.fileName)

    static func styleIDs() throws -> Set<String> {
        try TemplateSet.loadWordStyles(Reports.templatesDirectory.appendingPathComponent("kieu-word.xml")).styleIDs
    }

    /// The bundled templates' map, as a render loads it.
    static func bundledMap() throws -> DOCXStyleMap { try WordStyleMapLoader.load(bundledURL, styleIDs: try styleIDs()) }

    /// 1-based line and column (in Unicode scalars, as libyaml counts) of the first `needle` in
    /// `text` after `after`.
    func position(of needle: String, in text: String, after: String?) throws -> (line: Int, column: Int) {
        let start = try after.map { try #require(text.range(of: $0)).upperBound } ?? text.startIndex
        let found = try #require(text.range(of: needle, range: start..<text.endIndex)).lowerBound
        let before = text[..<found]
        let line = before.split(separator: "\n", omittingEmptySubsequences: false).count
        let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
        return (line, text[lineStart..<found].unicodeScalars.count + 1)
    }

    @Test("tệp đi kèm đọc được: mọi lớp bắt buộc có mặt; kiểu và cách trình bày đúng như tệp ghi")
    func bundledMapLoads() throws {
        let map = try Self.bundledMap()
        for name in WordStyleMapLoader.requiredClasses { #expect(map[name] != nil, "\(name)") }
        #expect(map["phan"] == DOCXClassStyle(paragraphStyle: "Phan", headingStyle: "Heading1"))
        #expect(map["du-thao"] == DOCXClassStyle(paragraphStyle: "DuThao", boxed: true))
        #expect(map["noi-nhan"] == DOCXClassStyle(paragraphStyle: "NoiNhan", listLineStyle: "NoiNhanDong"))
        #expect(
            map["chu-ky"]
                == DOCXClassStyle(
                    keepsWithPrevious: true, paragraphBefore: "TruocChuKy",
                    layout: .columns([.init(className: "noi-nhan", percent: 45), .init(className: "nguoi-ky", percent: 55)])))
        #expect(map["co-quan"]?.layout == .ruleBelowText(style: "DuongKeTieuDe", percent: 40))
        #expect(map["loai-van-ban"]?.layout == .ruleBelow(style: "DuongKe", percent: 25))
        #expect(map["quoc-hieu"]?.layout == .nationalMotto(first: "QuocHieu", following: "TieuNgu"))
        #expect(map["khoang-ky"]?.layout == .emptyParagraph(style: "KhoangKy"))
        #expect(map["phu-luc"]?.layout == .landscape)
        #expect(map["dong-gop"] == DOCXClassStyle(keepsFirstWithNext: true))
    }

    static let broken: [BrokenStyleMap] = [
        BrokenStyleMap(
            name: "cách trình bày không có", old: "  cach: [dong-khung]", new: "  cach: [dong-khug]", at: "dong-khug",
            message: "không có cách trình bày 'dong-khug'; có phải là 'dong-khung'?"),
        BrokenStyleMap(
            name: "thiếu lớp bắt buộc", old: "khoang-ky:\n  doan: KhoangKy\n  cach: [doan-trong]\n", new: "", at: "trich-dan:",
            message: "thiếu lớp bắt buộc 'khoang-ky'"),
        BrokenStyleMap(
            name: "sai cú pháp YAML", old: "    cot-trai: 40", new: "    cot-trai: 40: 1", at: ": 1",
            message: "không phải YAML hợp lệ: dấu ':' không được phép ở đây"),
        BrokenStyleMap(
            name: "kiểu Word không có trong kieu-word.xml", old: "  doan: HuongDan\n", new: "  doan: HuongDam\n", at: "HuongDam",
            message: "kiểu Word 'HuongDam' không có trong kieu-word.xml; có phải là 'HuongDan'?"),
        BrokenStyleMap(
            name: "khóa lạ", old: "  ti-le: 25", new: "  ti-lee: 25", at: "ti-lee",
            message: "khóa 'ti-lee' không có trong lớp 'loai-van-ban'; có phải là 'ti-le'?"),
        BrokenStyleMap(
            name: "các cột không cộng lại bằng 100", old: "    nguoi-ky: 55", new: "    nguoi-ky: 65", at: "cot:", after: "chu-ky:",
            message: "'cot' cần các cột (lớp: phần trăm bề rộng) cộng lại bằng 100, nhưng tổng là 110"),
        BrokenStyleMap(
            name: "hai cách bố cục", old: "  cach: [trang-ngang]", new: "  cach: [trang-ngang, ke-duoi]", at: "ke-duoi]",
            after: "phu-luc:",
            message: "lớp 'phu-luc' chỉ có một cách bố cục, đã có 'trang-ngang'"),
        BrokenStyleMap(
            name: "cách trình bày thiếu khóa nó cần", old: "  ke: DuongKe\n", new: "", at: "ke-duoi]",
            message: "cách 'ke-duoi' cần khóa 'ke' trong lớp 'loai-van-ban'"),
        BrokenStyleMap(
            name: "khóa không có cách trình bày dùng nó", old: "phan:\n  doan: Phan", new: "phan:\n  ti-le: 10\n  doan: Phan",
            at: "ti-le: 10", message: "khóa 'ti-le' chỉ dùng với cách 'ke-duoi' hoặc 'ke-duoi-theo-chu'"),
    ]

    @Test("tệp hỏng hay thiếu bị từ chối khi nạp mẫu: lỗi nêu tệp, dòng, cột", arguments: broken)
    func brokenMapIsLocated(_ broken: BrokenStyleMap) throws {
        let original = try String(contentsOf: Self.bundledURL, encoding: .utf8)
        #expect(original.contains(broken.old), "\(broken.name): tệp đi kèm đã đổi")
        let text = original.replacingOccurrences(of: broken.old, with: broken.new)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent(WordStyleMapLoader.fileName)
        try Data(text.utf8).write(to: url)
        let expected = try position(of: broken.at, in: text, after: broken.after)
        do {
            _ = try WordStyleMapLoader.load(url, styleIDs: try Self.styleIDs())
            Issue.record("\(broken.name): tệp hỏng mà không báo lỗi")
        } catch let error as Diagnostic {
            #expect(error.location.file == url.path)
            #expect(error.location.line == expected.line && error.location.column == expected.column, "\(broken.name): \(error)")
            #expect(error.message.hasPrefix(broken.message), "\(broken.name): \(error)")
            #expect(error.description.hasPrefix("\(url.path):\(expected.line):\(expected.column): lỗi: "))
        }
    }

    @Test("thư mục mẫu có tệp kiểu theo lớp hỏng không nạp được; thiếu tệp cũng vậy")
    func templateSetRefusesBrokenMap() throws {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Reports.templatesDirectory, to: directory)
        let url = directory.appendingPathComponent(WordStyleMapLoader.fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "[trang-ngang]", with: "[trang-doc]").utf8).write(to: url)
        #expect {
            try TemplateSet.load(from: directory)
        } throws: { error in
            (error as? Diagnostic)?.location.file == url.path && (error as? Diagnostic)?.message.contains("'trang-doc'") == true
        }
        try FileManager.default.removeItem(at: url)
        #expect {
            try TemplateSet.load(from: directory)
        } throws: { error in
            (error as? Diagnostic)?.description == "\(url.path):1:1: lỗi: không tìm thấy tệp"
        }
    }

    @Test("đổi kiểu của một lớp trong bản sao thư mục mẫu: document.xml đổi đúng kiểu đó, ngoài ra giữ nguyên")
    func changedStyleReachesDocument() throws {
        let directory = try Fixtures.temporaryDirectory().appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Reports.templatesDirectory, to: directory)
        let url = directory.appendingPathComponent(WordStyleMapLoader.fileName)
        let text = try String(contentsOf: url, encoding: .utf8)
        let old = "tieu-de-phu-luc:\n  doan: PhuLucTieuDe\n"
        #expect(text.contains(old))
        try Data(text.replacingOccurrences(of: old, with: "tieu-de-phu-luc:\n  doan: TieuDe\n").utf8).write(to: url)

        func documentXML(_ templates: URL) throws -> String {
            let renderer = ReportRenderer(outline: try Fixtures.outline(), templates: try TemplateSet.load(from: templates))
            let submission = try #require(Reports.examples(renderer.outline).first { $0.unitID == "so-tu-phap" })
            let data = try #require(try renderer.unitReport(submission, formats: [.docx]).docx)
            return try DOCXFile.part("word/document.xml", of: data)
        }
        let bundled = try documentXML(Reports.templatesDirectory)
        let changed = try documentXML(directory)
        let before = bundled.components(separatedBy: "<w:pStyle w:val=\"PhuLucTieuDe\"/>").count - 1
        #expect(before == 15)
        #expect(!changed.contains("\"PhuLucTieuDe\""))
        #expect(changed.components(separatedBy: "<w:pStyle w:val=\"TieuDe\"/>").count - 1 == before)
        #expect(changed.replacingOccurrences(of: "w:val=\"TieuDe\"", with: "w:val=\"PhuLucTieuDe\"") == bundled)
    }

    @Test("cách trình bày theo tên trong bản đồ, không theo tên lớp: lớp mới dựng bảng ba cột, lớp quen bỏ khỏi bản đồ thành khối thường")
    func behavioursFollowTheMap() throws {
        let map = DOCXStyleMap(classes: [
            "ba-cot": DOCXClassStyle(
                layout: .columns([
                    .init(className: "a", percent: 20), .init(className: "b", percent: 30), .init(className: "c", percent: 50),
                ])),
            "a": DOCXClassStyle(paragraphStyle: "ChuKy"),
        ])
        let markdown = """
            <!-- tongket:khoi ba-cot -->

            <!-- tongket:khoi a -->

            Một.

            <!-- tongket:het-khoi -->

            <!-- tongket:het-khoi -->

            <!-- tongket:khoi chu-ky -->

            Ký.

            <!-- tongket:het-khoi -->

            """
        let tree = try MarkdownTree(markers: TemplateMarkers.syntax, markdown: markdown)
        try tree.resolve([:])
        let writer = DOCXBodyWriter(options: DOCXOptions(title: "thử", styles: "", styleMap: map), tables: [:], charts: [:])
        writer.write(tree.blocks)
        writer.finish()
        let xml = String(decoding: writer.drainAll(), as: UTF8.self)
        #expect(xml.contains("<w:tblGrid><w:gridCol w:w=\"1870\"/><w:gridCol w:w=\"2806\"/><w:gridCol w:w=\"4677\"/></w:tblGrid>"))
        #expect(xml.contains("<w:p><w:pPr><w:pStyle w:val=\"ChuKy\"/></w:pPr><w:r><w:t>Một.</w:t></w:r></w:p>"))
        // "chu-ky" is not in this map: no signature table, nothing kept with what precedes it.
        #expect(!xml.contains("keepNext") && !xml.contains("TruocChuKy"))
        #expect(xml.contains("<w:p><w:r><w:t>Ký.</w:t></w:r></w:p>"))
    }
}
