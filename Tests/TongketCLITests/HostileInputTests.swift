import Foundation
import Testing
import TongketTestSupport

/// One crafted input: what it is, and what tongket must do with it.
struct Hostile: Sendable, CustomTestStringConvertible {
    var name: String
    /// Writes the input into the folder and returns the arguments that name it.
    var make: @Sendable (URL) throws -> [String]
    var command = "render"
    /// 0: rendered; 1: refused input; 4: refused templates.
    var status: Int32
    /// Each must be in stderr; "@" stands for the folder the input was written in.
    var messages: [String]
    /// For inputs that render: what the output must (not) hold.
    var output: (@Sendable (String, String) -> Bool)? = nil

    var testDescription: String { name }
}

/// The minimal valid report of a district, and variations of it.
let minimal: String = {
    (try? String(contentsOf: Fixtures.root.appendingPathComponent("Tests/Fixtures/h-nga-son-toi-thieu.yaml"), encoding: .utf8)) ?? ""
}()

func file(_ content: String, name: String = "bai.yaml") -> @Sendable (URL) throws -> [String] {
    { dir in
        let url = dir.appendingPathComponent(name)
        try Data(content.utf8).write(to: url)
        return [url.path]
    }
}

func bytes(_ content: [UInt8], name: String = "bai.yaml") -> @Sendable (URL) throws -> [String] {
    { dir in
        let url = dir.appendingPathComponent(name)
        try Data(content).write(to: url)
        return [url.path]
    }
}

func variant(_ old: String, _ new: String) -> String { minimal.replacingOccurrences(of: old, with: new) }

/// `k0:` / `  k1:` / … seventy levels of block mappings.
let indentedDepth: String = {
    var lines: [String] = []
    for level in 0..<70 { lines.append(String(repeating: "  ", count: level) + "k\(level):") }
    return lines.joined(separator: "\n") + " x\n"
}()

/// Mixed line ends: CRLF, LF and CR in turn.
let mixedLineEnds: String = {
    var text = ""
    for (index, line) in minimal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        text += line + (index % 3 == 0 ? "\r\n" : index % 3 == 1 ? "\n" : "\r")
    }
    return text
}()

/// 100,000 keys the format does not have.
let manyKeys: String = {
    var lines: [String] = []
    for index in 0..<100_000 { lines.append("k\(index): x") }
    return minimal + lines.joined(separator: "\n") + "\n"
}()

/// Bytes that are no text at all, the same on every run.
let noise: [UInt8] = {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    var result: [UInt8] = []
    for _ in 0..<4096 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        result.append(UInt8(truncatingIfNeeded: state >> 33))
    }
    return result
}()

/// A copy of the bundled templates with one file changed (or written).
func templates(_ name: String, _ change: @escaping @Sendable (String) -> String) -> @Sendable (URL) throws -> [String] {
    { dir in
        let copy = dir.appendingPathComponent("mau")
        try FileManager.default.copyItem(at: Fixtures.root.appendingPathComponent("templates"), to: copy)
        let url = copy.appendingPathComponent(name)
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try Data(change(old).utf8).write(to: url)
        let report = dir.appendingPathComponent("h-nga-son.yaml")
        try Data(minimal.utf8).write(to: report)
        return [report.path, "--templates", copy.path]
    }
}

let hostileCases: [Hostile] = [
    // YAML that would blow up a naive reader.
    Hostile(
        name: "bom bí danh (billion laughs)",
        make: file(
            "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b]\n"),
        status: 1, messages: ["@/bai.yaml:1:4: lỗi: không dùng neo (&) và bí danh (*) của YAML"]),
    Hostile(
        name: "lồng 100.000 cấp trong ngoặc", make: file("don_vi: " + String(repeating: "[", count: 100_000)), status: 1,
        // "don_vi: " is 8 columns; the 65th bracket is at column 8 + 65 = 73… counted from the first at column 9.
        messages: ["@/bai.yaml:1:72: lỗi: các bảng, danh sách lồng nhau quá 64 cấp"]),
    Hostile(
        name: "lồng 70 cấp bằng thụt lề",
        make: file(indentedDepth), status: 1,
        messages: ["lồng nhau quá 64 cấp"]),
    Hostile(
        name: "neo không có bí danh", make: file(variant("don_vi: h-nga-son", "don_vi: &u h-nga-son")), status: 1,
        messages: ["@/bai.yaml:2:9: lỗi: không dùng neo (&) và bí danh (*) của YAML"]),
    Hostile(
        name: "khóa lặp lại", make: file(minimal + "don_vi: h-nga-son\n"), status: 1,
        // The fixture has 33 lines (wc -l): the added key is on line 34.
        messages: ["@/bai.yaml:34:1: lỗi: khóa 'don_vi' bị lặp lại (lần đầu ở dòng 2)"]),
    Hostile(
        name: "nhiều văn bản YAML trong một tệp", make: file(minimal + "---\ndon_vi: h-nga-son\n"), status: 1,
        messages: ["@/bai.yaml:34:1: lỗi: tệp có nhiều văn bản YAML"]),
    Hostile(
        name: "thẻ YAML nguy hiểm (!!python/object) chỉ là chữ",
        make: file(variant("don_vi: h-nga-son", "don_vi: !!python/object:os.system h-nga-son")),
        status: 0, messages: []),
    // Numbers.
    Hostile(
        name: "số rất lớn", make: file(variant("{2019: 1000, 2020: 1200}", "{2019: 1e400, 2020: 99999999999999999999999999}")),
        status: 1,
        messages: ["@/bai.yaml:32:29: lỗi: số liệu năm 2019 của 'ho-so-tiep-nhan' phải là một số", "gặp '1e400'", "@/bai.yaml:32:42:"]),
    Hostile(
        name: "NaN và vô cực", make: file(variant("{2019: 1000, 2020: 1200}", "{2019: .nan, 2020: .inf}")), status: 1,
        messages: ["@/bai.yaml:32:29: lỗi:", "gặp '.nan'", "@/bai.yaml:32:41: lỗi:", "gặp '.inf'"]),
    Hostile(
        name: "âm vô cực, NaN viết hoa", make: file(variant("{2019: 1000, 2020: 1200}", "{2019: -.inf, 2020: NaN}")), status: 1,
        messages: ["gặp '-.inf'", "gặp 'NaN'"]),
    Hostile(
        name: "số âm", make: file(variant("{2019: 1000, 2020: 1200}", "{2019: -5, 2020: 1200}")), status: 1,
        messages: ["@/bai.yaml:32:29: lỗi:"]),
    Hostile(
        name: "năm không phải số", make: file(variant("{2019: 1000, 2020: 1200}", "{hai-nghin: 1000, 2020: 1200}")), status: 1,
        messages: ["@/bai.yaml:32:23: lỗi:"]),
    Hostile(
        name: "ngày không có thật", make: file(variant("ngay: \"29/04/2020\"", "ngay: \"31/02/2020\"")), status: 1,
        messages: ["@/bai.yaml:5:9: lỗi: 'ngay' phải là một ngày có thật"]),
    // Strings.
    Hostile(
        name: "chuỗi 8 MB trong một mục",
        make: file(variant("boi-canh: Huyện có 27 xã, thị trấn.", "boi-canh: " + String(repeating: "chữ ", count: 2_000_000))),
        status: 0, messages: [], output: { markdown, _ in markdown.count > 8_000_000 }),
    Hostile(
        name: "một dòng 1 MB làm khóa", make: file(String(repeating: "k", count: 1 << 20) + ": x\n" + minimal), status: 1,
        // libyaml gives up on a key longer than 1,024 characters at its ':'.
        messages: ["@/bai.yaml:1:1048577: lỗi: không phải YAML hợp lệ"]),
    Hostile(
        name: "100.000 khóa lạ", make: file(manyKeys), status: 1,
        messages: ["@/bai.yaml:34:1: lỗi: khóa 'k0' không có"]),
    Hostile(
        name: "tệp quá 64 MB",
        make: { dir in
            let url = dir.appendingPathComponent("bai.yaml")
            #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: 65 << 20)
            try handle.close()
            return [url.path]
        }, status: 1, messages: ["@/bai.yaml:1:1: lỗi: tệp lớn 65 MB, quá giới hạn 64 MB"]),
    // Encodings and line ends.
    Hostile(
        name: "UTF-16 LE có BOM", make: bytes([0xFF, 0xFE, 0x64, 0x00, 0x6F, 0x00]), status: 1,
        messages: ["@/bai.yaml:1:1: lỗi: tệp được mã hóa UTF-16; hãy lưu lại tệp với mã hóa UTF-8"]),
    Hostile(
        name: "UTF-16 BE có BOM", make: bytes([0xFE, 0xFF, 0x00, 0x64, 0x00, 0x6F]), status: 1,
        messages: ["@/bai.yaml:1:1: lỗi: tệp được mã hóa UTF-16"]),
    Hostile(
        // "Huyện" in Windows-1258: H u y e 0xF2(ê+dot below composed as e + 0xF2)… the byte 0xEA is 'ê'.
        name: "byte Windows-1258", make: bytes(Array("don_vi: h-nga-son\nnoi_dung:\n  boi-canh: Huy".utf8) + [0xEA, 0xF2, 0x6E]), status: 1,
        messages: ["@/bai.yaml:3:16: lỗi: tệp không phải UTF-8 hợp lệ (byte 0xEA)"]),
    Hostile(name: "BOM UTF-8", make: bytes([0xEF, 0xBB, 0xBF] + Array(minimal.utf8)), status: 0, messages: []),
    Hostile(
        name: "xuống dòng lẫn lộn CRLF, LF, CR",
        make: file(mixedLineEnds),
        status: 0, messages: [], output: { markdown, _ in !markdown.contains("\r") }),
    Hostile(
        name: "chữ NFD (tổ hợp) thành NFC", make: file(minimal.decomposedStringWithCanonicalMapping), status: 0, messages: [],
        output: { markdown, _ in markdown.contains("Huyện có 27 xã") && markdown == markdown.precomposedStringWithCanonicalMapping }),
    Hostile(
        name: "ký tự điều khiển U+0001 trong chữ", make: file(variant("Một cửa hoạt động tốt.", "Một cửa\u{1} hoạt động tốt.")), status: 1,
        messages: ["@/bai.yaml:15:25: lỗi: ký tự điều khiển U+0001 không được phép trong tệp"]),
    Hostile(
        name: "byte NUL", make: bytes(Array("don_vi: h-nga-son".utf8) + [0] + Array("\n".utf8)), status: 1,
        messages: ["@/bai.yaml:1:18: lỗi: ký tự điều khiển U+0000"]),
    Hostile(
        name: "ký tự C1 (U+0085 là xuống dòng, U+0090 thì không)", make: file(variant("Một cửa", "Một\u{90}cửa")), status: 1,
        messages: ["@/bai.yaml:15:21: lỗi: ký tự điều khiển U+0090"]),
    Hostile(name: "byte ngẫu nhiên", make: bytes(noise), status: 1, messages: ["@/bai.yaml:1:"]),
    // Shapes.
    Hostile(name: "tệp trống", make: file(""), status: 1, messages: ["@/bai.yaml:1:1: lỗi: tệp trống"]),
    Hostile(name: "chỉ có chú thích", make: file("# chưa viết gì\n"), status: 1, messages: ["@/bai.yaml:1:1: lỗi: tệp trống"]),
    Hostile(
        name: "gốc là danh sách", make: file("- a\n- b\n"), status: 1,
        messages: ["@/bai.yaml:1:1: lỗi: bản báo cáo phải là một bảng khóa: giá trị, nhưng gặp một danh sách"]),
    Hostile(
        name: "thụt lề bằng tab", make: file("don_vi: h-nga-son\nbao_cao:\n\tso: 1\n"), status: 1,
        messages: ["@/bai.yaml:3:1: lỗi: không phải YAML hợp lệ", "tab"]),
    // Files that are not files.
    Hostile(
        name: "một thư mục",
        make: { dir in
            let folder = dir.appendingPathComponent("bai.yaml")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return [folder.path]
        }, status: 1, messages: ["@/bai.yaml:1:1: lỗi: đây là một thư mục (không có tệp .yaml nào trong đó)"]),
    Hostile(
        name: "liên kết mềm tới bản hợp lệ",
        make: { dir in
            let target = dir.appendingPathComponent("that.yaml")
            try Data(minimal.utf8).write(to: target)
            let link = dir.appendingPathComponent("bai.yaml")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            return [link.path]
        }, status: 0, messages: []),
    Hostile(
        name: "liên kết mềm hỏng",
        make: { dir in
            let link = dir.appendingPathComponent("bai.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "khong-co.yaml")
            return [link.path]
        }, status: 1, messages: ["@/bai.yaml:1:1: lỗi: không tìm thấy tệp"]),
    Hostile(
        name: "liên kết mềm vòng",
        make: { dir in
            let link = dir.appendingPathComponent("bai.yaml")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "bai.yaml")
            return [link.path]
        }, status: 1, messages: ["@/bai.yaml:1:1: lỗi:"]),
    Hostile(
        name: "thiết bị /dev/zero", make: { _ in ["/dev/zero"] }, status: 1, messages: ["/dev/zero:1:1: lỗi: không phải một tệp thường"]),
    Hostile(
        name: "ống dẫn có tên (FIFO)",
        make: { dir in
            let fifo = dir.appendingPathComponent("bai.yaml")
            #expect(mkfifo(fifo.path, 0o644) == 0)
            return [fifo.path]
        }, status: 1, messages: ["@/bai.yaml:1:1: lỗi: không phải một tệp thường"]),
    Hostile(
        name: "mã đơn vị là đường dẫn", make: file(variant("don_vi: h-nga-son", "don_vi: \"../../etc/passwd\"")), status: 1,
        messages: ["@/bai.yaml:2:9: lỗi: mã đơn vị '../../etc/passwd' không có"]),
    // Markdown a unit wrote.
    Hostile(
        name: "HTML, script, javascript: trong nội dung",
        make: file(
            variant(
                "boi-canh: Huyện có 27 xã, thị trấn.",
                "boi-canh: \"<script>alert(1)</script> [bấm](javascript:alert(1)) <img src=x onerror=alert(1)>\"")),
        status: 0, messages: [],
        output: { _, html in !html.contains("<script>alert") && !html.contains("javascript:") && !html.contains("onerror") }),
    Hostile(
        name: "khối mã chưa đóng, tiêu đề #, dấu mẫu giả trong nội dung",
        make: file(
            variant(
                "boi-canh: Huyện có 27 xã, thị trấn.",
                "boi-canh: \"# Chiếm tiêu đề\\n\\n<!-- tongket:het-khoi -->\\n\\n{{#muc}}x{{/muc}}\\n\\n```\\nkhông đóng\"")),
        status: 0, messages: [],
        output: { markdown, html in
            html.contains("<h3>Ban hành") || html.contains("Ban hành 10 kế hoạch.") && markdown.contains("Ban hành 10 kế hoạch.")
        }),
    Hostile(
        name: "10.000 dấu > lồng nhau trong nội dung",
        make: file(variant("boi-canh: Huyện có 27 xã, thị trấn.", "boi-canh: \"" + String(repeating: ">", count: 10_000) + " sâu\"")),
        status: 0, messages: [], output: { _, html in html.contains("sâu") && html.contains("Ban hành 10 kế hoạch.") }),
    // Templates.
    Hostile(
        name: "mẫu có khối Mustache không đóng", make: templates("bao-cao.mustache") { $0 + "\n{{#muc}}\n" }, status: 4,
        messages: ["@/mau/bao-cao.mustache:"]),
    Hostile(
        name: "mẫu có dấu khối không đóng", make: templates("bao-cao.mustache") { $0 + "\n<!-- tongket:khoi lo-lung -->\n" }, status: 4,
        messages: [
            "@/mau/bao-cao.mustache: lỗi: Markdown do mẫu sinh ra, dòng", "'tongket:khoi lo-lung' chưa được đóng bằng 'tongket:het-khoi'",
        ]),
    Hostile(
        name: "tệp kiểu Word hỏng", make: templates("kieu-word.xml") { $0.replacingOccurrences(of: "</w:styles>", with: "") }, status: 4,
        messages: ["@/mau/kieu-word.xml:", "tệp kiểu Word không phải XML hợp lệ"]),
    Hostile(
        name: "tệp kiểu Word theo lớp có cách trình bày lạ",
        make: templates("kieu-word-lop.yaml") { $0.replacingOccurrences(of: "[trang-ngang]", with: "[trang-doc]") }, status: 4,
        messages: ["@/mau/kieu-word-lop.yaml:", ": lỗi: không có cách trình bày 'trang-doc'"]),
    Hostile(
        name: "mẫu lưu bằng UTF-16",
        make: { dir in
            let args = try templates("bao-cao.mustache") { $0 }(dir)
            let url = dir.appendingPathComponent("mau/bao-cao.mustache")
            try Data([0xFF, 0xFE, 0x7B, 0x00]).write(to: url)
            return args
        }, status: 4, messages: ["@/mau/bao-cao.mustache:1:1: lỗi: tệp được mã hóa UTF-16"]),
    Hostile(
        name: "thiếu mẫu bắt buộc",
        make: { dir in
            let args = try templates("bao-cao.mustache") { $0 }(dir)
            try FileManager.default.removeItem(at: dir.appendingPathComponent("mau/phan/chu-ky.mustache"))
            return args
        }, status: 4, messages: ["@/mau/phan/chu-ky.mustache:1:1: lỗi: thiếu tệp mẫu bắt buộc"]),
    Hostile(
        name: "mẫu có biến lạ vẫn dựng (biến thiếu là chỗ trống)", make: templates("bao-cao.mustache") { $0 + "\n{{khong_co_bien_nay}}\n" },
        status: 0, messages: []),
]

@Suite("Đầu vào độc hại")
struct HostileInputTests {
    @Test(
        "mỗi đầu vào: lỗi tiếng Việt có vị trí hoặc kết quả đúng; thời gian và bộ nhớ có giới hạn; không có kết quả dở dang",
        arguments: hostileCases)
    func hostile(_ input: Hostile) throws {
        let dir = try Fixtures.temporaryDirectory()
        let arguments = try input.make(dir)
        let out = dir.appendingPathComponent("ket-qua")
        // The bundled 2020 outline unless the case brings its own: outside a working folder, a
        // command is always told which outline.
        let r = try CLI.runBounded(
            Fixtures.withOutline([input.command] + arguments) + ["-o", out.path], seconds: 60, megabytes: 1536)
        #expect(r.status == input.status, "\(input.name): \(r.stderr.prefix(600))")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump") && !r.stderr.contains("Swift runtime failure"))
        for message in input.messages {
            let expected = message.replacingOccurrences(of: "@", with: dir.path)
            #expect(r.stderr.contains(expected), "\(input.name): mong đợi «\(expected)» trong «\(r.stderr.prefix(600))»")
        }
        let written = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
        if input.status != 0 {
            #expect(written.isEmpty, "\(input.name): có tệp kết quả dù đầu vào bị từ chối: \(written)")
        } else {
            #expect(!written.isEmpty)
            #expect(!written.contains { $0.hasPrefix(".") }, "\(input.name): còn tệp tạm \(written)")
            if let check = input.output {
                let name = written.first { $0.hasSuffix(".md") } ?? ""
                let markdown = (try? String(contentsOf: out.appendingPathComponent(name), encoding: .utf8)) ?? ""
                let html =
                    (try? String(
                        contentsOf: out.appendingPathComponent(name.replacingOccurrences(of: ".md", with: ".html")), encoding: .utf8)) ?? ""
                #expect(check(markdown, html), "\(input.name): kết quả không như mong đợi")
            }
        }
    }

    @Test("bộ đầu vào độc hại có ít nhất 40 trường hợp")
    func enoughCases() {
        #expect(hostileCases.count >= 40)
    }
}
