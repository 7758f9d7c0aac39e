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

    init(row: Row) {
        id = row["id"]
        unit = row["don_vi"]
        upload = row["lan_nop_id"]
        kind = Kind(rawValue: row["loai"] ?? "") ?? .sent
        note = row["ghi_chu"]
        time = row["thoi_gian"]
        day = SimpleDate.parseISO(row["ngay"] ?? "") ?? SimpleDate(year: 2000, month: 1, day: 1)
        account = row["tai_khoan"]
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
