import GRDB
import TongketKit

/// A step of a unit's submission: sent officially, returned with a note, accepted.
public struct SubmissionEvent: Sendable, Equatable {
    /// What happened.
    public enum Kind: String, Sendable {
        case sent = "gui"
        case returned = "tra-lai"
        case accepted = "chap-nhan"
    }

    public var id: Int64
    public var unit: String
    public var upload: Int64
    public var kind: Kind
    public var note: String
    public var time: String
    /// The day it counts as (the pinned "today" with --as-of).
    public var day: SimpleDate
    public var account: String

    /// The columns `init(row:)` reads, in its order: read by position, since GRDB's lookup of a
    /// column by name lowercases it (a tenth of the 10,000-unit board's time).
    static let columns = "id, don_vi, lan_nop_id, loai, ghi_chu, thoi_gian, ngay, tai_khoan"

    init(row: Row) {
        id = row[0]
        unit = row[1]
        upload = row[2]
        kind = Kind(rawValue: row[3] ?? "") ?? .sent
        note = row[4]
        time = row[5]
        day = SimpleDate.parseISO(row[6] ?? "") ?? SimpleDate(year: 2000, month: 1, day: 1)
        account = row[7]
    }
}

extension SimpleDate {
    /// "2020-04-30".
    var iso: String { String(format: "%04d-%02d-%02d", year, month, day) }

    /// Reads "2020-04-30".
    static func parseISO(_ text: String) -> SimpleDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return SimpleDate(year: parts[0], month: parts[1], day: parts[2])
    }
}
