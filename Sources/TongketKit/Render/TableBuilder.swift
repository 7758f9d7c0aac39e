/// Builds the tables of a report from figures and proposals.
public enum TableBuilder {
    /// A unit's figures in one appendix: a row per indicator the unit reports (and each computed
    /// ratio), a column per year, then a column per phase and one for the whole period, each
    /// aggregated by the indicator's own rule.
    public static func appendix(_ table: AppendixTable, figures: [String: [Int: Double]], unit: ReportingUnit?, programme: Programme)
        -> Table
    {
        var columns = [
            Table.Column("TT", alignment: .center), Table.Column("Chỉ tiêu", alignment: .left),
            Table.Column("Đơn vị tính", alignment: .center),
        ]
        let years = Array(programme.years)
        columns += years.map { Table.Column(String($0), group: "Năm", alignment: .right) }
        var ranges = programme.phases.map { ($0.firstYear...$0.lastYear) }
        if !ranges.contains(programme.years) { ranges.append(programme.years) }
        columns += ranges.map { Table.Column("\($0.lowerBound) - \($0.upperBound)", group: "Giai đoạn", alignment: .right) }
        let shown = table.indicators.filter { indicator in
            if indicator.isEntered { return unit.map { indicator.isFilled(by: $0) } ?? true }
            guard case .ratio(let top, let bottom) = indicator.aggregation else { return false }
            return figures[top] != nil || figures[bottom] != nil
        }
        var rows: [[String]] = []
        for (index, indicator) in shown.enumerated() {
            var row = [String(index + 1), indicator.name, indicator.measure]
            for year in years {
                row.append(cell(Aggregation.value(of: indicator, in: table, figures: figures, years: year...year)))
            }
            for range in ranges {
                row.append(cell(Aggregation.value(of: indicator, in: table, figures: figures, years: range)))
            }
            rows.append(row)
        }
        return Table(kind: "bang-so-lieu", columns: columns, rows: rows)
    }

    /// Commendation proposals as one table.
    public static func commendations(_ items: [(unit: String?, commendation: Commendation)]) -> Table {
        var columns = [Table.Column("TT", alignment: .center)]
        let showUnit = items.contains { $0.unit != nil }
        if showUnit { columns.append(Table.Column("Đơn vị đề nghị", alignment: .left)) }
        columns += [
            Table.Column("Đối tượng", alignment: .center), Table.Column("Tên tập thể, cá nhân", alignment: .left),
            Table.Column("Hình thức khen thưởng", alignment: .left), Table.Column("Thành tích", alignment: .left),
        ]
        let rows = items.enumerated().map { index, item -> [String] in
            var row = [String(index + 1)]
            if showUnit { row.append(item.unit ?? "") }
            let c = item.commendation
            return row + [c.recipient.name, c.name, c.form, c.achievement]
        }
        return Table(kind: "khen-thuong", columns: columns, rows: rows)
    }

    static func cell(_ value: Double?) -> String {
        value.map { VietnameseFormat.number($0) } ?? "-"
    }
}
