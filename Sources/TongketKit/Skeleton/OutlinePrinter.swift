import TongketCore
import TongketDocument

/// The outline as a numbered tree for the terminal, with who writes each section, so a user can
/// read the đề cương without opening a file.
public enum OutlinePrinter {
    public static func tree(_ outline: Outline) -> String {
        let programme = outline.programme
        var out: [String] = []
        out.append("ĐỀ CƯƠNG BÁO CÁO: \(programme.summary)")
        out.append(
            "Theo \(programme.basis.kind) số \(programme.basis.number) ngày \(programme.basis.date) của \(programme.basis.issuer) (mã đề cương: \(programme.id))"
        )
        out.append("Loại đơn vị: " + programme.unitKinds.map { "\($0.id) = \($0.name)" }.joined(separator: "; "))
        out.append("")
        for numbered in outline.flattened {
            let indent = String(repeating: "  ", count: numbered.depth - 1)
            out.append("\(indent)\(numbered.inlineHeading)  [\(numbered.section.key)]")
            if numbered.section.isGroup { continue }
            var who: [String] = []
            let kinds = programme.unitKinds.map(\.id)
            let required = kinds.filter { numbered.section.requiredFor.contains($0) }
            let optional = kinds.filter { numbered.section.optionalFor.contains($0) }
            if !required.isEmpty { who.append("bắt buộc: " + required.joined(separator: ", ")) }
            if !optional.isEmpty { who.append("không bắt buộc: " + optional.joined(separator: ", ")) }
            for assignment in outline.thematics where assignment.sectionKeys.contains(numbered.section.key) {
                let name = outline.unit(assignment.unitID)?.name ?? assignment.unitID
                let tables = assignment.appendixIDs.compactMap { outline.appendix($0) }.map { "Phụ lục \($0.number)" }
                who.append("chuyên đề \(assignment.number): \(name)" + (tables.isEmpty ? "" : " (\(tables.joined(separator: ", ")))"))
            }
            if numbered.section.kind == .list { who.append("viết dạng danh sách") }
            if numbered.section.kind == .commendations { who.append("ghi ở khóa khen_thuong") }
            if numbered.section.kind == .targets { who.append("tongket tự lập khi tổng hợp") }
            out.append("\(indent)    \(who.isEmpty ? "không đơn vị nào viết" : who.joined(separator: "; "))")
        }
        out.append("")
        out.append(
            "Hạn: báo cáo của đơn vị \(programme.unitDeadline); báo cáo chuyên đề \(programme.thematicDeadline); báo cáo tổng hợp \(programme.consolidatedDeadline)."
        )
        return out.joined(separator: "\n") + "\n"
    }

    /// What a checked outline folder holds, in one line: "…: hợp lệ — 38 mục, 52 đơn vị, 7 phụ lục, 5 mục tiêu".
    public static func summary(_ outline: Outline, folder: String) -> String {
        let programme = outline.programme
        return
            "\(folder): hợp lệ — \(programme.reportTitle.lowercased()) \(programme.title) (\(programme.firstYear)–\(programme.lastYear)): "
            + "\(outline.flattened.count) mục, \(outline.units.count) đơn vị, \(outline.appendices.count) phụ lục, "
            + "\(outline.targets.count) mục tiêu\n"
    }

    /// `id` padded to `width` for a column; a longer id is printed whole (an outline writer must
    /// see the code to use), never cut.
    static func column(_ id: String, _ width: Int) -> String {
        id.count < width ? id.padding(toLength: width, withPad: " ", startingAt: 0) : id
    }

    /// The unit registry, grouped by kind, each group in Vietnamese alphabetical order.
    public static func units(_ outline: Outline) -> String {
        var out: [String] = []
        // A unit that reports to another is printed under it, indented, so the tree shows who
        // consolidates whom (`cap_tren`); the kinds list the units that report to the top.
        func subtree(_ unit: ReportingUnit, depth: Int) {
            let indent = String(repeating: "  ", count: depth)
            let thematic = outline.thematic(for: unit.id).map { "  — chuyên đề \($0.number)" } ?? ""
            let children = VietnameseOrder.sorted(outline.children(of: unit.id), by: \.name)
            let below = children.isEmpty ? "" : "  — \(children.count) đơn vị cấp dưới"
            out.append("\(indent)\(column(unit.id, max(12, 30 - indent.count))) \(unit.name)\(thematic)\(life(unit))\(below)")
            for child in children { subtree(child, depth: depth + 1) }
        }
        for (kind, name) in outline.programme.unitKinds {
            let all = outline.units.filter { $0.kind == kind }
            let members = VietnameseOrder.sorted(all.filter { $0.parentID == nil }, by: \.name)
            let level = outline.programme.levelIndex(ofKind: kind).map { " — \(outline.programme.levels[$0].name.lowercased())" } ?? ""
            if members.isEmpty && !all.isEmpty {
                out.append("\(name) (\(kind))\(level): \(all.count) đơn vị, báo cáo đơn vị cấp trên của mình (in dưới đơn vị đó)")
                out.append("")
                continue
            }
            out.append("\(name) (\(kind))\(level): \(members.count) đơn vị")
            for unit in members { subtree(unit, depth: 1) }
            out.append("")
        }
        out.append("Tổng số: \(outline.units.count) đơn vị")
        return out.joined(separator: "\n") + "\n"
    }

    /// "  — thành lập 01/07/2025 từ x-a, x-b", "  — kết thúc 30/06/2025": a unit rearranged
    /// during the programme, so that whoever checks the registry sees the chain.
    static func life(_ unit: ReportingUnit) -> String {
        var parts: [String] = []
        if let formed = unit.formed {
            parts.append("thành lập \(formed)" + (unit.predecessorIDs.isEmpty ? "" : " từ \(unit.predecessorIDs.joined(separator: ", "))"))
        }
        if let ended = unit.ended { parts.append("kết thúc \(ended)") }
        return parts.isEmpty ? "" : "  — " + parts.joined(separator: "; ")
    }

    /// The appendix tables with their indicators.
    public static func appendices(_ outline: Outline) -> String {
        var out: [String] = []
        for table in outline.appendices {
            let owner = outline.unit(table.ownerID)?.name ?? table.ownerID
            out.append(
                "Phụ lục \(table.number) [\(table.id)]: \(table.title) — chủ trì: \(owner); đơn vị ghi: \(table.filledBy.joined(separator: ", "))"
            )
            for indicator in table.indicators {
                out.append(
                    "  \(column(indicator.id, 24)) \(indicator.name) (\(indicator.measure); \(indicator.aggregation.explanation))"
                )
            }
            for rule in table.rules { out.append("  ràng buộc: \(rule.indicatorID) ≤ \(rule.limitID)") }
            out.append("")
        }
        for target in outline.targets {
            out.append(
                "Mục tiêu [\(target.id)]: \(target.title) — \(target.appendixID)/\(target.indicatorID) \(target.comparison.symbol) \(CommandLineFormat.figure(target.value)) năm \(target.year)"
            )
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Plain formatting for the terminal where the Vietnamese document forms are not needed.
enum CommandLineFormat {
    static func figure(_ value: Double) -> String { SubmissionChecker.show(value) }
}
