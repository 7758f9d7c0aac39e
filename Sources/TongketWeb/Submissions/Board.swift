import TongketKit

/// Sở Nội vụ's board: one row per unit and the reporting-rate totals, filtered by kind and sorted.
public struct Board: Sendable {
    /// One unit's line.
    public struct Row: Sendable {
        public var unit: ReportingUnit
        public var kindName: String
        public var state: UnitState
        public var latest: UploadRecord?
    }

    /// The ways the board sorts, by the `sap-xep` word.
    public static let orders: [(id: String, name: String)] = [
        ("don-vi", "Tên đơn vị"), ("loai", "Loại đơn vị"), ("trang-thai", "Trạng thái"), ("lan-nop", "Lần nộp gần nhất"),
        ("muon", "Số ngày muộn"), ("loi", "Số lỗi"), ("canh-bao", "Số cảnh báo"),
    ]

    /// The board's columns, each with the order its heading link sorts by.
    public static let columns: [(name: String, order: String)] = [
        ("Đơn vị", "don-vi"), ("Loại", "loai"), ("Trạng thái", "trang-thai"), ("Lần nộp gần nhất", "lan-nop"),
        ("Thời hạn", "muon"), ("Lỗi", "loi"), ("Cảnh báo", "canh-bao"),
    ]

    public var rows: [Row]
    /// Units expected (on the board after filtering), received (sent officially at least once),
    /// on time among those, with a valid latest upload, accepted.
    public var expected: Int
    public var received: Int
    public var onTime: Int
    public var valid: Int
    public var accepted: Int

    /// The board of `outline`'s units with these states and latest uploads; `unitsByName` are
    /// the outline's units in dictionary order of their names (sorted once when the server starts:
    /// the collation keys of 10,000 names cost more than the rest of the board).
    public init(
        outline: Outline, unitsByName: [ReportingUnit], states: [String: UnitState], latest: [String: UploadRecord], kind: String?,
        order: String?
    ) {
        let kinds = Dictionary(outline.programme.unitKinds.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        var rows = unitsByName.filter { kind == nil || kind == "" || $0.kind == kind }.map { unit in
            Row(
                unit: unit, kindName: kinds[unit.kind] ?? unit.kind,
                state: states[unit.id]
                    ?? UnitState(events: [], deadline: outline.programme.unitDeadline, today: outline.programme.unitDeadline),
                latest: latest[unit.id])
        }
        // Each order is a key per row, computed once; rows are moved once, after the sort.
        switch order {
        case "loai":
            // A rank per kind name (a handful), not a collation key per comparison.
            let rank = Dictionary(
                uniqueKeysWithValues: VietnameseOrder.sorted(Array(Set(rows.map(\.kindName)))) { $0 }.enumerated().map { ($1, $0) })
            rows = Self.stable(rows) { rank[$0.kindName, default: 0] }
        case "trang-thai":
            let labels = [UnitState.Phase.notSent, .sent, .returned, .accepted].map(\.label).sorted()
            rows = Self.stable(rows) { labels.firstIndex(of: $0.state.phase.label) ?? 0 }
        case "muon": rows = Self.stable(rows) { -$0.state.daysLate }
        case "lan-nop": rows = Self.stable(rows) { -Int($0.latest?.id ?? 0) }
        case "loi": rows = Self.stable(rows) { -($0.latest?.errors ?? 0) }
        case "canh-bao": rows = Self.stable(rows) { -($0.latest?.warnings ?? 0) }
        default: break
        }
        self.rows = rows
        expected = rows.count
        let sent = rows.filter { $0.state.lastSent != nil }
        received = sent.count
        onTime = sent.filter { row in row.state.lastSent.map { row.state.deadline.days(until: $0.day) <= 0 } ?? false }.count
        valid = rows.filter { $0.latest?.isValid ?? false }.count
        accepted = rows.filter { $0.state.phase == .accepted }.count
    }

    /// Sorted by ascending `key`, ties kept in the current (alphabetical) order.
    static func stable(_ rows: [Row], key: (Row) -> Int) -> [Row] {
        let keys = rows.map(key)
        return rows.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 }.map { rows[$0] }
    }

    /// "45,5%" of units received.
    public var receivedRate: String {
        expected == 0 ? "0%" : VietnameseFormat.percent(Double(received) * 100 / Double(expected))
    }

    /// The CSV export: a header and one line per row, fields quoted when needed.
    public func csv() -> String {
        var lines = ["ma_don_vi,ten_don_vi,loai,trang_thai,lan_nop_gan_nhat,thoi_han,so_ngay_muon,so_loi,so_canh_bao"]
        for row in rows {
            let fields = [
                row.unit.id, row.unit.name, row.kindName, row.state.phase.label, row.latest.map { Clock.shown($0.time) } ?? "",
                row.state.timeliness, String(row.state.daysLate), row.latest.map { String($0.errors) } ?? "",
                row.latest.map { String($0.warnings) } ?? "",
            ]
            lines.append(fields.map(Self.quoted).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field, quoted when it holds a comma, quote or line break; a leading =, +, - or @
    /// is prefixed with a quote mark so that a spreadsheet never reads it as a formula.
    static func quoted(_ field: String) -> String {
        var text = field
        // Bytes, not Characters: every field of a 10,000-unit board goes through here.
        if let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@")].contains(first) {
            text = "'" + text
        }
        guard text.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
            return text
        }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
