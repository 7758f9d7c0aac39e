import TongketCore
import TongketDocument

/// Writes the submission file a unit starts from: every section it must fill with the guidance as
/// comments, its thematic sections and its appendix tables with empty years.
public enum SkeletonWriter {

    /// The name of the JSON Schema file the skeleton points editors at.
    public static func schemaFileName(for outline: Outline) -> String { "\(outline.programme.id).schema.json" }

    public static func yaml(for unit: ReportingUnit, outline: Outline) -> String {
        let programme = outline.programme
        let thematic = outline.thematic(for: unit.id)
        var out: [String] = []
        out.append("# yaml-language-server: $schema=\(schemaFileName(for: outline))")
        out.append("# \(programme.reportTitleCapitals) CỦA \(unit.name.uppercased())")
        out += YAMLText.comment(
            "\(programme.summary) (theo \(programme.basis.kind) số \(programme.basis.number) ngày \(programme.basis.date) của \(programme.basis.issuer)).",
            indent: "")
        out.append(
            "# Hạn gửi báo cáo của đơn vị: \(programme.unitDeadline)."
                + (thematic != nil ? " Hạn gửi báo cáo chuyên đề: \(programme.thematicDeadline)." : ""))
        out.append("# Cách điền: viết nội dung sau mỗi khóa; các dòng bắt đầu bằng '#' là hướng dẫn, giữ hay xóa đều được.")
        out.append("# Đoạn văn viết sau 'ký hiệu |', thụt lề 4 dấu cách; danh sách viết mỗi ý một dòng bắt đầu bằng '- '.")
        out.append(
            "# Văn bản có thể dùng Markdown: **đậm**, *nghiêng*, danh sách '- '. Kiểm tra tệp: tongket validate \(unit.submissionFileName)")
        out.append("")
        out.append("don_vi: \(unit.id)  # \(unit.name)")
        out.append("")
        out += reportBlock(indent: "", key: SubmissionLoader.Key.report, example: "…/BC-\(unit.code)", date: programme.unitDeadline)
        out.append("")
        out.append("\(SubmissionLoader.Key.signer):")
        out.append("  quyen_han: \"\"  # Ví dụ \"KT. GIÁM ĐỐC\" hoặc \"TM. ỦY BAN NHÂN DÂN\"; để trống nếu người đứng đầu ký")
        out.append("  chuc_vu: \"\"  # Ví dụ \"PHÓ GIÁM ĐỐC\", \"CHỦ TỊCH\"")
        out.append("  ho_ten: \"\"")
        out.append("")
        out.append("\(SubmissionLoader.Key.recipients):")
        for recipient in outline.defaultRecipients(for: unit) { out.append("  - \(YAMLText.quoted(recipient))") }
        out.append("")
        out.append("\(SubmissionLoader.Key.sections):")
        out += sectionBlock(outline: outline, indent: "  ") { $0.requirement(for: unit.kind) }
        if let thematic {
            out.append("")
            out += YAMLText.comment("BÁO CÁO CHUYÊN ĐỀ SỐ \(thematic.number) (phạm vi toàn tỉnh): \(thematic.topic).", indent: "")
            out.append("\(SubmissionLoader.Key.thematic):")
            out += reportBlock(indent: "  ", key: nil, example: "…/BC-\(unit.code)", date: programme.thematicDeadline)
            out.append("  \(SubmissionLoader.Key.sections):")
            out += sectionBlock(outline: outline, indent: "    ") { thematic.sectionKeys.contains($0.key) ? .required : .notApplicable }
        }
        // A unit formed during the period is asked only for the years it exists at year-end.
        let ownYears = unit.reportedYears(in: programme.years)
        let tables = ownYears.isEmpty ? [] : outline.appendices(for: unit)
        if !tables.isEmpty {
            out.append("")
            out += YAMLText.comment(
                "SỐ LIỆU PHỤ LỤC: ghi số liệu trong phạm vi của đơn vị cho từng năm (để trống năm không có số liệu); số viết liền, không dấu chấm hàng nghìn; số thập phân viết bằng dấu chấm (85.48) hoặc đặt trong ngoặc kép nếu dùng dấu phẩy (\"85,48\"). tongket tự cộng số liệu toàn tỉnh.",
                indent: "")
            out.append("\(SubmissionLoader.Key.figures):")
            out += tableBlock(tables, unit: unit, years: ownYears, indent: "  ")
        }
        let predecessors = outline.predecessors(of: unit.id).filter {
            !$0.reportedYears(in: programme.years).isEmpty && !outline.appendices(for: $0).isEmpty
        }
        if !predecessors.isEmpty {
            out.append("")
            out += YAMLText.comment(
                "SỐ LIỆU CỦA CÁC ĐƠN VỊ CŨ: \(unit.name) thành lập ngày \(unit.formed?.description ?? "…"); số liệu các năm trước là của từng đơn vị cũ, ghi riêng mỗi đơn vị (không cộng gộp), chỉ các năm đơn vị đó còn tồn tại vào ngày 31/12. Bỏ mục của đơn vị cũ nếu báo cáo lưu trữ của chính đơn vị đó được gửi Sở Nội vụ để tổng hợp.",
                indent: "")
            out.append("\(SubmissionLoader.Key.predecessorFigures):")
            for predecessor in predecessors {
                out.append("  \(predecessor.id):  # \(predecessor.name)" + (predecessor.ended.map { ", kết thúc ngày \($0)" } ?? ""))
                out += tableBlock(
                    outline.appendices(for: predecessor), unit: predecessor, years: predecessor.reportedYears(in: programme.years),
                    indent: "    ")
            }
        }
        out.append("")
        out += YAMLText.comment(
            "ĐỀ XUẤT KHEN THƯỞNG (nếu có): mỗi tập thể, cá nhân một mục như mẫu dưới đây; bỏ dấu '#' ở đầu dòng và thay '[]' bằng các mục.",
            indent: "")
        out.append("\(SubmissionLoader.Key.commendations): []")
        out.append("#  - doi_tuong: tap-the  # tap-the hoặc ca-nhan")
        out.append("#    ten: \"\"")
        out.append(
            "#    hinh_thuc: \(YAMLText.quoted(programme.commendationForms.first ?? ""))  # \(programme.commendationForms.joined(separator: "; "))"
        )
        out.append("#    thanh_tich: \"\"")
        return out.joined(separator: "\n") + "\n"
    }

    /// The tables `unit` fills, a row per indicator with the given years left empty.
    private static func tableBlock(_ tables: [AppendixTable], unit: ReportingUnit, years: [Int], indent: String) -> [String] {
        var out: [String] = []
        let empty = years.map { "\($0): " }.joined(separator: ", ")
        for table in tables {
            out += YAMLText.comment("Phụ lục \(table.number): \(table.title)", indent: indent)
            out.append("\(indent)\(table.id):")
            for indicator in table.enteredIndicators(for: unit) {
                out += YAMLText.comment(
                    "\(indicator.name) (\(indicator.measure); \(indicator.aggregation.explanation))", indent: indent + "  ")
                out.append("\(indent)  \(indicator.id): {\(empty)}")
            }
        }
        return out
    }

    private static func reportBlock(indent: String, key: String?, example: String, date: SimpleDate) -> [String] {
        var out: [String] = []
        var inner = indent
        if let key {
            out.append("\(indent)\(key):")
            inner += "  "
        }
        out.append("\(inner)so: \"\"  # Số, ký hiệu văn bản, ví dụ \"\(example)\"")
        out.append("\(inner)ngay: \"\"  # Ngày ký, dạng ngày/tháng/năm, ví dụ \"\(date)\"")
        return out
    }

    /// The sections `requirement` lets a unit write, with group titles and guidance as comments.
    private static func sectionBlock(outline: Outline, indent: String, requirement: (Section) -> Requirement) -> [String] {
        var out: [String] = []
        let leaves = Set(
            outline.leafSections.filter { $0.section.isWritten && requirement($0.section) != .notApplicable }.map(\.section.key))
        for numbered in outline.numbered(including: leaves) {
            if numbered.section.isGroup {
                out.append("")
                out.append("\(indent)# \(numbered.inlineHeading)")
                if !numbered.section.guidance.isEmpty { out += YAMLText.comment(numbered.section.guidance, indent: indent) }
                continue
            }
            let section = numbered.section
            let optional = requirement(section) == .optional ? " (không bắt buộc)" : ""
            out.append("")
            out.append("\(indent)# \(numbered.inlineHeading)\(optional)")
            if !section.guidance.isEmpty { out += YAMLText.comment("Hướng dẫn: " + section.guidance, indent: indent) }
            switch section.kind {
            case .list:
                out.append("\(indent)\(section.key):")
                out.append("\(indent)  - ")
            default:
                out.append("\(indent)\(section.key): |")
                out.append("\(indent)    ")
            }
        }
        return out
    }
}
