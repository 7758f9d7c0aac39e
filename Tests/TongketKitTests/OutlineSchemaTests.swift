import Foundation
import Testing
import TongketTestSupport

@testable import TongketCore

/// The JSON Schemas of the outline's own files (`outline/schema/`), written by hand for editors,
/// are held to what the loader reads: the same keys in every record, every shipped file valid
/// under an independent validator (Python's jsonschema), a modeline in every shipped file.
@Suite("JSON Schema của các tệp đề cương")
struct OutlineSchemaTests {
    /// One record of an outline file: where its schema is, and the loader's keys for it.
    struct Record {
        var file: String
        var pointer: [String]
        var name: String
        var keys: [String]
    }

    static let records: [Record] = [
        Record(file: "chuong-trinh", pointer: [], name: "programme", keys: OutlineKeys.programme),
        Record(file: "chuong-trinh", pointer: ["properties", "can_cu"], name: "basis", keys: OutlineKeys.basis),
        Record(file: "chuong-trinh", pointer: ["properties", "giai_doan"], name: "period", keys: OutlineKeys.period),
        Record(file: "chuong-trinh", pointer: ["properties", "cac_giai_doan", "items"], name: "phase", keys: OutlineKeys.phase),
        Record(file: "chuong-trinh", pointer: ["properties", "thoi_han"], name: "deadlines", keys: OutlineKeys.deadlines),
        Record(file: "chuong-trinh", pointer: ["properties", "cap", "items"], name: "level", keys: OutlineKeys.level),
        Record(file: "chuong-trinh", pointer: ["properties", "bao_cao_tong_hop"], name: "issuer", keys: OutlineKeys.issuer),
        Record(
            file: "chuong-trinh", pointer: ["properties", "bao_cao_tong_hop", "properties", "nguoi_ky"], name: "signer",
            keys: OutlineKeys.signer),
        Record(
            file: "chuong-trinh", pointer: ["properties", "bao_cao_tong_hop", "properties", "nguoi_ky_don_vi_soan"], name: "signer",
            keys: OutlineKeys.signer),
        Record(file: "de-cuong", pointer: [], name: "sectionsFile", keys: OutlineKeys.sectionsFile),
        Record(file: "de-cuong", pointer: ["definitions", "muc"], name: "section", keys: OutlineKeys.section),
        Record(file: "don-vi", pointer: [], name: "unitsFile", keys: OutlineKeys.unitsFile),
        Record(file: "don-vi", pointer: ["properties", "don_vi", "items"], name: "unit", keys: OutlineKeys.unit),
        Record(file: "chuyen-de", pointer: [], name: "thematicsFile", keys: OutlineKeys.thematicsFile),
        Record(file: "chuyen-de", pointer: ["properties", "chuyen_de", "items"], name: "thematic", keys: OutlineKeys.thematic),
        Record(file: "muc-tieu", pointer: [], name: "targetsFile", keys: OutlineKeys.targetsFile),
        Record(file: "muc-tieu", pointer: ["properties", "muc_tieu", "items"], name: "target", keys: OutlineKeys.target),
        Record(file: "phu-luc", pointer: [], name: "appendix", keys: OutlineKeys.appendix),
        Record(file: "phu-luc", pointer: ["properties", "chi_tieu", "items"], name: "indicator", keys: OutlineKeys.indicator),
        Record(file: "phu-luc", pointer: ["properties", "rang_buoc", "items"], name: "rule", keys: OutlineKeys.rule),
    ]

    static let kinds = ["chuong-trinh", "de-cuong", "don-vi", "chuyen-de", "muc-tieu", "phu-luc"]

    func schema(_ kind: String) throws -> [String: Any] {
        let data = try Data(contentsOf: Fixtures.outlineSchemas.appendingPathComponent("\(kind).schema.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Every object schema with `properties` in `node`, by its path.
    func records(in node: Any, at path: [String] = []) -> [[String]: [String: Any]] {
        var found: [[String]: [String: Any]] = [:]
        if let object = node as? [String: Any] {
            if object["properties"] is [String: Any] { found[path] = object }
            for (key, value) in object where !["if", "then"].contains(key) {
                found.merge(records(in: value, at: path + [key])) { first, _ in first }
            }
        }
        return found
    }

    @Test("mỗi bản ghi: các khóa trong schema đúng bằng các khóa bộ đọc đề cương nhận")
    func keysMatchTheLoader() throws {
        for kind in Self.kinds {
            let found = records(in: try schema(kind))
            let mapped = Self.records.filter { $0.file == kind }
            #expect(Set(found.keys) == Set(mapped.map(\.pointer)), "\(kind): bản ghi trong schema khác bản ghi của bộ đọc")
            for record in mapped {
                let properties = try #require(found[record.pointer]?["properties"] as? [String: Any], "\(kind) \(record.pointer)")
                let expected = Set(record.keys)
                #expect(Set(properties.keys) == expected, "\(kind) \(record.pointer) (OutlineKeys.\(record.name))")
                #expect(found[record.pointer]?["additionalProperties"] as? Bool == false, "\(kind) \(record.pointer)")
            }
        }
    }

    /// The loader's key lists are the ones above, and it reads no key outside them: a key added
    /// to OutlineBuilder without a list (and so without a schema entry) fails here.
    @Test("bộ đọc đề cương chỉ đọc khóa có trong OutlineKeys, và mọi danh sách khóa đều được đối chiếu với schema")
    func loaderReadsOnlyListedKeys() throws {
        let source = try ["OutlineBuilder.swift", "OutlineBuilder+Levels.swift"].map {
            try String(contentsOf: Fixtures.root.appendingPathComponent("Sources/TongketCore/Loading/\($0)"), encoding: .utf8)
        }.joined(separator: "\n")
        #expect(!source.contains("allowed: ["), "danh sách khóa viết thẳng trong OutlineBuilder: chuyển vào OutlineKeys")
        let lists = Set(try matches(#"OutlineKeys\.([a-zA-Z]+)"#, in: source))
        #expect(lists == Set(Self.records.map(\.name)), "OutlineKeys dùng trong bộ đọc khác danh sách đối chiếu ở đây")
        let read =
            try matches(#"\.(?:text|optionalText|texts|node|keyNode|integer|number|date)\("([a-z_]+)""#, in: source)
            + matches(#"sub: "([a-z_]+)""#, in: source)
        #expect(read.count > 40, "không tìm thấy các khóa đọc trong OutlineBuilder.swift")
        let known = Set(Self.records.flatMap(\.keys))
        #expect(Set(read).subtracting(known).isEmpty, "khóa đọc mà không có trong OutlineKeys: \(Set(read).subtracting(known).sorted())")
    }

    func matches(_ pattern: String, in text: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: pattern)
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            Range(match.range(at: 1), in: text).map { String(text[$0]) }
        }
    }

    @Test("mọi khóa trong schema có lời mô tả tiếng Việt (trình soạn thảo hiện khi rê chuột)")
    func everyKeyIsDescribed() throws {
        for kind in Self.kinds {
            let root = try schema(kind)
            #expect((root["title"] as? String)?.isEmpty == false, "\(kind)")
            for (path, record) in records(in: root) {
                for (key, value) in try #require(record["properties"] as? [String: Any]) {
                    let description = (value as? [String: Any])?["description"] as? String
                    #expect(description?.isEmpty == false, "\(kind) \(path) \(key): thiếu description")
                }
            }
        }
    }

    @Test("mọi tệp đề cương đi kèm mở đầu bằng dòng yaml-language-server chỉ tới schema của loại tệp đó")
    func shippedFilesNameTheirSchema() throws {
        for name in ["cchc-2011-2020", "cchc-2021-2030-so-ket"] {
            let folder = Fixtures.root.appendingPathComponent("outline/\(name)")
            let files = try FileManager.default.subpathsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
            #expect(files.count == 12)
            for file in files {
                let kind = file.hasPrefix("phu-luc/") ? "phu-luc" : String(file.dropLast(".yaml".count))
                let prefix = file.hasPrefix("phu-luc/") ? "../../schema/" : "../schema/"
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                let first = String(text.prefix { $0 != "\n" })
                #expect(first == "# yaml-language-server: $schema=\(prefix)\(kind).schema.json", "\(name)/\(file)")
                let target = folder.appendingPathComponent(file).deletingLastPathComponent().appendingPathComponent(
                    prefix + kind + ".schema.json")
                #expect(FileManager.default.fileExists(atPath: target.standardizedFileURL.path), "\(name)/\(file)")
            }
        }
    }

    static let script = Fixtures.root.appendingPathComponent("Tests/schema/kiem_tra_schema.py").path

    @Test(
        "jsonschema (Python) kiểm tra mọi tệp của hai đề cương đi kèm và đề cương định dạng 1: không lỗi",
        .enabled(if: ExternalTool.pythonJSONSchema, "jsonschema, PyYAML chưa cài được (scripts/setup --test-tools cài bằng pip); bỏ qua"))
    func shippedOutlinesValidate() {
        let result = ExternalTool.run(
            [
                "python3", Self.script, Fixtures.outlineSchemas.path, Fixtures.root.appendingPathComponent("outline/cchc-2011-2020").path,
                Fixtures.root.appendingPathComponent("outline/cchc-2021-2030-so-ket").path, Fixtures.formatOneOutline.path,
            ])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.hasSuffix("đã kiểm tra 36 tệp, 0 lỗi\n"), "\(result.output)")
    }

    @Test(
        "jsonschema bắt khóa gõ sai, giá trị ngoài danh sách và khóa bắt buộc của định dạng 2",
        .enabled(if: ExternalTool.pythonJSONSchema, "jsonschema, PyYAML chưa cài được (scripts/setup --test-tools cài bằng pip); bỏ qua"))
    func schemaCatchesMistakes() throws {
        let folder = try Fixtures.outlineCopy(editing: [
            "chuong-trinh.yaml": { $0.replacingOccurrences(of: "\nloai_tong_ket: tổng kết\n", with: "\nloai_tong_kett: tổng kết\n") },
            "phu-luc/02.yaml": { $0.replacingOccurrences(of: "    kieu: so-luong\n", with: "    kieu: so-luongg\n") },
            "de-cuong.yaml": { $0.replacingOccurrences(of: "    bat_buoc:", with: "    bat_buocc:") },
        ])
        let result = ExternalTool.run(["python3", Self.script, Fixtures.outlineSchemas.path, folder.path])
        #expect(result.status == 1)
        let programme = folder.appendingPathComponent("chuong-trinh.yaml").path
        for line in [
            "\(programme): /: Additional properties are not allowed ('loai_tong_kett' was unexpected)",
            "\(programme): /: 'loai_tong_ket' is a required property",
            "\(folder.path)/phu-luc/02.yaml: /chi_tieu/0/kieu: 'so-luongg' is not one of ['so-luong', 'ty-le', 'gia-tri', 'diem']",
            "\(folder.path)/de-cuong.yaml: /muc/0: Additional properties are not allowed ('bat_buocc' was unexpected)",
        ] {
            #expect(result.output.contains(line + "\n"), "\(line)\n\(result.output)")
        }
    }
}
