import Foundation

/// Generates a JSON Schema (draft-07) for submissions from the outline, so that an editor with a
/// YAML language server completes keys, shows the guidance and flags mistakes as a unit types.
/// `tongket validate` remains the authority: the schema cannot express every rule (sub-totals).
public enum SchemaGenerator {
    public static func schema(for outline: Outline) -> [String: Any] {
        typealias Key = SubmissionLoader.Key
        let programme = outline.programme
        var properties: [String: Any] = [:]
        properties[Key.unit] = [
            "type": "string", "enum": outline.units.map(\.id),
            "description": "Mã đơn vị báo cáo. " + outline.units.map { "\($0.id): \($0.name)" }.joined(separator: "; "),
        ]
        properties[Key.report] = reportSchema("Số, ký hiệu và ngày của báo cáo", programme: programme)
        properties[Key.signer] = [
            "type": "object", "additionalProperties": false, "required": ["chuc_vu", "ho_ten"],
            "description": "Người ký báo cáo",
            "properties": [
                "quyen_han": ["type": "string", "description": "Thẩm quyền ký, ví dụ \"KT. GIÁM ĐỐC\"; để trống nếu người đứng đầu ký"],
                "chuc_vu": nonEmpty("Chức vụ người ký, ví dụ \"PHÓ GIÁM ĐỐC\""),
                "ho_ten": nonEmpty("Họ và tên người ký"),
            ] as [String: Any],
        ]
        properties[Key.recipients] = ["type": "array", "items": ["type": "string"], "description": "Nơi nhận"]
        let writable = outline.leafSections.filter(\.section.isWritten)
        properties[Key.sections] = [
            "type": "object", "additionalProperties": false, "description": "Nội dung báo cáo theo các mục của đề cương",
            "properties": Dictionary(uniqueKeysWithValues: writable.map { ($0.section.key, sectionSchema($0)) }),
        ]
        var thematicSections: [String: Any] = [:]
        for assignment in outline.thematics {
            for key in assignment.sectionKeys {
                if let numbered = writable.first(where: { $0.section.key == key }) { thematicSections[key] = sectionSchema(numbered) }
            }
        }
        var thematic = reportSchema("Báo cáo chuyên đề (phạm vi toàn tỉnh), hạn \(programme.thematicDeadline)", programme: programme)
        var thematicProperties = thematic["properties"] as? [String: Any] ?? [:]
        thematicProperties[Key.sections] = ["type": "object", "additionalProperties": false, "properties": thematicSections]
        thematic["properties"] = thematicProperties
        properties[Key.thematic] = thematic
        properties[Key.figures] = [
            "type": "object", "additionalProperties": false, "description": "Số liệu phụ lục theo năm",
            "properties": Dictionary(uniqueKeysWithValues: outline.appendices.map { ($0.id, tableSchema($0, programme: programme)) }),
        ]
        // Only an outline where units were rearranged has the key: elsewhere it would be an error.
        let predecessors = outline.units.filter { unit in outline.units.contains { $0.predecessorIDs.contains(unit.id) } }
        if !predecessors.isEmpty {
            properties[Key.predecessorFigures] = [
                "type": "object", "additionalProperties": false,
                "description":
                    "Số liệu của các đơn vị tiền thân (đơn vị cũ trước khi sắp xếp), mỗi đơn vị một mục, chỉ các năm đơn vị đó còn tồn tại vào ngày 31/12; cùng dạng với '\(Key.figures)'",
                "properties": Dictionary(
                    uniqueKeysWithValues: predecessors.map { unit in
                        (unit.id, predecessorSchema(unit, outline: outline))
                    }),
            ]
        }
        // Only an outline where some units report to others has roll-ups.
        if outline.units.contains(where: { $0.parentID != nil }) { properties[Key.rollUp] = rollUpSchema() }
        properties[Key.commendations] = [
            "type": "array", "description": "Đề xuất khen thưởng",
            "items": [
                "type": "object", "additionalProperties": false, "required": ["doi_tuong", "ten", "hinh_thuc", "thanh_tich"],
                "properties": [
                    "doi_tuong": [
                        "type": "string", "enum": Commendation.Recipient.allCases.map(\.rawValue),
                        "description": "tap-the (tập thể) hoặc ca-nhan (cá nhân)",
                    ],
                    "ten": nonEmpty("Tên tập thể hoặc họ tên, chức vụ cá nhân"),
                    "hinh_thuc": [
                        "type": "string", "minLength": 1, "description": "Hình thức khen thưởng", "examples": programme.commendationForms,
                    ],
                    "thanh_tich": nonEmpty("Thành tích tiêu biểu"),
                ] as [String: Any],
            ] as [String: Any],
        ]
        var conditions: [[String: Any]] = []
        for (kind, _) in programme.unitKinds {
            let ids = outline.units.filter { $0.kind == kind }.map(\.id)
            let required = outline.leafSections.filter { $0.section.requirement(for: kind) == .required }.map(\.section.key)
            guard !ids.isEmpty else { continue }
            conditions.append([
                "if": ["properties": [Key.unit: ["enum": ids]], "required": [Key.unit]],
                "then": ["properties": [Key.sections: ["required": required]]],
            ])
        }
        return [
            "$schema": "http://json-schema.org/draft-07/schema#",
            "$comment": "Sinh tự động bởi tongket (tongket schema) từ đề cương; sửa đề cương rồi sinh lại, không sửa tay.",
            "title": "\(programme.reportTitle): \(programme.title)",
            "description": "Bản báo cáo của một đơn vị theo đề cương '\(programme.id)' (tongket). Kiểm tra đầy đủ bằng 'tongket validate'.",
            "type": "object", "additionalProperties": false,
            "required": [Key.unit, Key.report, Key.signer, Key.sections],
            "properties": properties,
            "allOf": conditions,
        ]
    }

    /// The schema as pretty, key-sorted JSON, the same bytes on every run.
    public static func json(for outline: Outline) throws -> Data {
        var data = try JSONSerialization.data(
            withJSONObject: schema(for: outline), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    private static func nonEmpty(_ description: String) -> [String: Any] {
        ["type": "string", "minLength": 1, "description": description]
    }

    private static func reportSchema(_ description: String, programme: Programme) -> [String: Any] {
        [
            "type": "object", "additionalProperties": false, "required": ["so", "ngay"], "description": description,
            "properties": [
                "so": nonEmpty("Số, ký hiệu văn bản, ví dụ \"45/BC-STP\""),
                "ngay": [
                    "type": "string", "pattern": #"^([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}|[0-9]{4}-[0-9]{2}-[0-9]{2})$"#,
                    "description": "Ngày ký, dạng ngày/tháng/năm, ví dụ \"\(programme.exampleDate)\"",
                ],
                "trich_yeu": ["type": "string", "description": "Trích yếu riêng (nếu khác trích yếu chung)"],
            ] as [String: Any],
        ]
    }

    private static func sectionSchema(_ numbered: NumberedSection) -> [String: Any] {
        let section = numbered.section
        let description = "\(numbered.label) \(section.title)" + (section.guidance.isEmpty ? "" : "\n\n\(section.guidance)")
        if section.kind == .list {
            return [
                "type": "array", "minItems": 1, "items": ["type": "string", "minLength": 1],
                "description": description + "\n\nMỗi ý một dòng bắt đầu bằng '- '.",
            ]
        }
        return ["type": "string", "minLength": 1, "description": description]
    }

    /// One predecessor's block: its tables, each with only the years it reports.
    private static func predecessorSchema(_ unit: ReportingUnit, outline: Outline) -> [String: Any] {
        let years = unit.reportedYears(in: outline.programme.years)
        let tables = outline.appendices(for: unit)
        return [
            "type": "object", "additionalProperties": false,
            "description": "\(unit.name)" + (unit.ended.map { " (kết thúc ngày \($0))" } ?? ""),
            "properties": Dictionary(
                uniqueKeysWithValues: tables.map { ($0.id, tableSchema($0, programme: outline.programme, years: years)) }),
        ]
    }

    private static func tableSchema(_ table: AppendixTable, programme: Programme, years: [Int]? = nil) -> [String: Any] {
        var rows: [String: Any] = [:]
        let years = years ?? Array(programme.years)
        for indicator in table.indicators where indicator.isEntered {
            rows[indicator.id] = [
                "type": "object", "additionalProperties": false,
                "description": "\(indicator.name) (\(indicator.measure); \(indicator.aggregation.explanation))",
                "properties": Dictionary(uniqueKeysWithValues: years.map { (String($0), figureSchema(indicator)) }),
            ]
        }
        return [
            "type": "object", "additionalProperties": false, "description": "Phụ lục \(table.number): \(table.title)", "properties": rows,
        ]
    }

    private static func figureSchema(_ indicator: Indicator) -> [String: Any] {
        switch indicator.type {
        case .count:
            return ["type": ["integer", "string", "null"], "minimum": 0, "pattern": "^[0-9]+$"]
        case .percent:
            return ["type": ["number", "string", "null"], "minimum": 0, "maximum": 100, "pattern": "^[0-9]+([.,][0-9]+)?$"]
        case .amount:
            return ["type": ["number", "string", "null"], "minimum": 0, "pattern": "^[0-9]+([.,][0-9]+)?$"]
        case .score:
            return ["type": ["number", "string", "null"], "pattern": "^-?[0-9]+([.,][0-9]+)?$"]
        }
    }
}

extension SchemaGenerator {
    /// Whether `data` is a schema tongket wrote, and so may be replaced by a newer one.
    @Sendable public static func isGenerated(_ data: Data) -> Bool {
        String(decoding: data.prefix(512), as: UTF8.self).contains("Sinh tự động bởi tongket")
    }

    /// `tong_hop_tu`, written by `consolidate --for`: the files a roll-up was made from.
    private static func rollUpSchema() -> [String: Any] {
        let digest: [String: Any] = ["type": "string", "pattern": "^[0-9a-f]{64}$"]
        return [
            "type": "object", "additionalProperties": false, "required": ["de_cuong", "bao_cao"],
            "description": "Do 'tongket consolidate --for' ghi: các báo cáo đã tổng hợp (không sửa tay)",
            "properties": [
                "de_cuong": digest,
                "bao_cao": [
                    "type": "array",
                    "items": [
                        "type": "object", "additionalProperties": false, "required": ["don_vi", "sha256"],
                        "properties": ["don_vi": ["type": "string", "minLength": 1], "sha256": digest],
                    ],
                ],
                "so_bao_cao": [
                    "type": "object", "description": "Số báo cáo mà mỗi số liệu bình quân là trung bình của chúng",
                    "additionalProperties": [
                        "type": "object",
                        "additionalProperties": [
                            "type": "object", "additionalProperties": ["type": "integer", "minimum": 1],
                        ],
                    ],
                ],
            ],
        ]
    }
}
