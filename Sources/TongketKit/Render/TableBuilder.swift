import TongketCore
import TongketDocument

/// Builds the tables of a report from figures and proposals.
public enum TableBuilder {
    /// A unit's figures in one appendix: a row per indicator the unit reports (and each computed
    /// ratio), a column per year, then a column per phase and one for the whole period, each
    /// aggregated by the indicator's own rule.
    /// With `reporters` (the consolidated report), a column says how many units reported each row.
    public static func appendix(
        _ table: AppendixTable, figures: [String: [Int: Double]], unit: ReportingUnit?, programme: Programme,
        reporters: [String: Int]? = nil
    ) -> Table {
        var columns = [
            Table.Column("TT", alignment: .center), Table.Column("Chỉ tiêu", alignment: .left),
            Table.Column("Đơn vị tính", alignment: .center),
        ]
        if reporters != nil { columns.append(Table.Column("Số đơn vị báo cáo", alignment: .center)) }
        let years = Array(programme.years)
        columns += years.map { Table.Column(String($0), group: "Năm", alignment: .right) }
        var ranges = programme.phases.map { ($0.firstYear...$0.lastYear) }
        if !ranges.contains(programme.years) { ranges.append(programme.years) }
        columns += ranges.map { Table.Column("\($0.lowerBound) - \($0.upperBound)", group: "Giai đoạn", alignment: .right) }
        let shown = table.indicators.filter { indicator in
            if indicator.isEntered { return unit.map { indicator.isFilled(by: $0) } ?? true }
            if reporters != nil { return true }
            guard case .ratio(let top, let bottom) = indicator.aggregation else { return false }
            return figures[top] != nil || figures[bottom] != nil
        }
        var rows: [[String]] = []
        for (index, indicator) in shown.enumerated() {
            var row = [String(index + 1), indicator.name, indicator.measure]
            if let reporters { row.append(String(reporters[indicator.id] ?? 0)) }
            for year in years {
                row.append(cell(Aggregation.value(of: indicator, in: table, figures: figures, years: year...year), indicator))
            }
            for range in ranges {
                row.append(cell(Aggregation.value(of: indicator, in: table, figures: figures, years: range), indicator))
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

    /// Results against targets: the figure reached, the level required, met or not, by how much.
    public static func targets(_ results: [TargetResult]) -> Table {
        let columns = [
            Table.Column("TT", alignment: .center), Table.Column("Mục tiêu", alignment: .left), Table.Column("Căn cứ", alignment: .left),
            Table.Column("Kết quả đạt được", alignment: .right), Table.Column("Mức phải đạt", alignment: .right),
            Table.Column("Đánh giá", alignment: .center), Table.Column("Chênh lệch", alignment: .right),
        ]
        let rows = results.enumerated().map { index, result -> [String] in
            let target = result.target
            let required = "\(target.comparison.symbol) \(VietnameseFormat.number(target.value)) (năm \(target.year))"
            guard let value = result.value, let difference = result.difference, let met = result.met else {
                return [String(index + 1), target.title, target.source, "chưa có số liệu", required, "chưa đánh giá được", "-"]
            }
            let gap =
                difference >= 0 ? "cao hơn \(VietnameseFormat.number(difference))" : "thấp hơn \(VietnameseFormat.number(-difference))"
            return [
                String(index + 1), target.title, target.source, VietnameseFormat.number(value), required, met ? "Đạt" : "Không đạt", gap,
            ]
        }
        return Table(kind: "muc-tieu", columns: columns, rows: rows)
    }

    /// Who has reported: each unit's report and thematic report, on time or how late, and whether
    /// it was used.
    public static func annex(_ statuses: [SubmissionStatus], asOf: SimpleDate, reportTitle: String) -> Table {
        // No unit here owes a thematic report (a district's communes): no empty column for it.
        let thematic = statuses.contains { $0.thematicDeadline != nil }
        var columns = [
            Table.Column("TT", alignment: .center), Table.Column("Đơn vị", alignment: .left),
            Table.Column(reportTitle, alignment: .left),
        ]
        if thematic { columns.append(Table.Column("Báo cáo chuyên đề", alignment: .left)) }
        columns.append(Table.Column("Kết quả kiểm tra", alignment: .left))
        let rows = statuses.enumerated().map { index, status -> [String] in
            var row = [
                String(index + 1), status.unit.name,
                status.isExpected
                    ? timeliness(date: status.reportDate, late: status.daysLate(asOf: asOf), received: !status.files.isEmpty)
                    : archived(status),
            ]
            if thematic {
                row.append(
                    status.thematicDeadline == nil
                        ? ""
                        : timeliness(
                            date: status.thematicDate, late: status.thematicDaysLate(asOf: asOf), received: status.thematicReceived))
            }
            row.append(verdict(status.state) + (status.rollUp.map { "; " + $0.summary } ?? ""))
            return row
        }
        return Table(kind: "tinh-hinh-nop", columns: columns, rows: rows)
    }

    /// The final report's annex: the units whose reports it rests on and the date of each. The
    /// tracking (late by N days, warnings, files with errors) is Sở Nội vụ's working material and
    /// stays in the drafts.
    public static func reportedUnits(_ statuses: [SubmissionStatus], reportTitle: String) -> Table {
        let included = statuses.filter(\.isIncluded)
        let thematic = included.contains { $0.thematicReceived }
        var columns = [
            Table.Column("TT", alignment: .center), Table.Column("Cơ quan, đơn vị", alignment: .left),
            Table.Column(reportTitle, alignment: .center),
        ]
        if thematic { columns.append(Table.Column("Báo cáo chuyên đề", alignment: .center)) }
        let rows = included.enumerated().map { index, status -> [String] in
            var row = [String(index + 1), status.unit.name, status.reportDate.map { "ngày \($0)" } ?? ""]
            if thematic { row.append(status.thematicReceived ? status.thematicDate.map { "ngày \($0)" } ?? "" : "") }
            return row
        }
        return Table(kind: "tinh-hinh-nop", columns: columns, rows: rows)
    }

    /// The report of a unit that no longer exists when the draft is due: not expected, so
    /// neither on time nor late.
    static func archived(_ status: SubmissionStatus) -> String {
        let ended = status.unit.ended.map { "đơn vị kết thúc ngày \($0)" } ?? "đơn vị không còn tồn tại"
        let date = status.reportDate.map { "\($0), " } ?? ""
        return "\(date)báo cáo lưu trữ (\(ended), không thuộc diện phải gửi)"
    }

    static func timeliness(date: SimpleDate?, late: Int?, received: Bool) -> String {
        guard received, let date else {
            if received { return "đã gửi, ngày không đọc được" }
            return late.map { "chưa gửi (quá hạn \($0) ngày)" } ?? "chưa gửi"
        }
        guard let late, late > 0 else { return "\(date) (đúng hạn)" }
        return "\(date) (muộn \(late) ngày)"
    }

    static func verdict(_ state: SubmissionStatus.State) -> String {
        switch state {
        case .missing: return ""
        case .valid(let warnings): return warnings == 0 ? "hợp lệ" : "hợp lệ (\(warnings) cảnh báo)"
        case .invalid(let errors, let first): return "có \(errors) lỗi, không đưa vào tổng hợp: \(first)"
        }
    }

    static func cell(_ value: Double?, _ indicator: Indicator) -> String {
        value.map(indicator.format) ?? "-"
    }
}
