import TongketCore
import TongketDocument

/// The note under an appendix table of the draft whose totals span a rearrangement of units:
/// without it a reader would take the jump in a commune's row, or in the province's count of
/// communes, for a result rather than a merger.
enum RearrangementNote {
    /// One sentence per date and act of rearrangement that touches the table's figures: a unit
    /// formed inside the period whose figures, or whose predecessors' figures, went into it; then
    /// one per unit that ended inside the period without a successor in the outline.
    static func notes(for totals: AppendixTotals, outline: Outline) -> [String] {
        let contributors = totals.contributors
        guard !contributors.isEmpty else { return [] }
        var groups: [(date: SimpleDate, act: String?, formed: [ReportingUnit])] = []
        for unit in outline.rearrangedUnits {
            guard let formed = unit.formed else { continue }
            let chain = [unit.id] + outline.predecessors(of: unit.id).map(\.id)
            guard chain.contains(where: contributors.contains) else { continue }
            if let index = groups.firstIndex(where: { $0.date == formed && $0.act == unit.rearrangement }) {
                groups[index].formed.append(unit)
            } else {
                groups.append((formed, unit.rearrangement, [unit]))
            }
        }
        var notes = groups.map { group -> String in
            let clauses = group.formed.map { unit -> String in
                let old = unit.predecessorIDs.compactMap(outline.unit).map { territory($0.name) }
                return "\(territory(unit.name)) được thành lập trên cơ sở \(old.joined(separator: ", "))"
            }
            let act = group.act.map { " (\($0))" } ?? ""
            return "Ghi chú: Từ ngày \(VietnameseFormat.shortDate(group.date)), \(clauses.joined(separator: "; "))\(act); "
                + "số liệu các năm trước năm \(group.date.year) là của các đơn vị cũ."
        }
        let succeeded = Set(outline.units.flatMap(\.predecessorIDs))
        let period = outline.programme.years
        for unit in outline.units where contributors.contains(unit.id) && !succeeded.contains(unit.id) {
            guard let ended = unit.ended, period.contains(ended.year), let last = unit.reportedYears(in: period).last else { continue }
            notes.append(
                "Ghi chú: \(territory(unit.name)) kết thúc hoạt động ngày \(VietnameseFormat.shortDate(ended)); số liệu của đơn vị này chỉ có đến năm \(last)."
            )
        }
        return notes
    }

    /// "xã Yên Định" for "UBND xã Yên Định": it is the commune that is formed, and its People's
    /// Committee with it; a department's name stays as it is.
    static func territory(_ name: String) -> String {
        name.hasPrefix("UBND ") ? String(name.dropFirst(5)) : name
    }
}
