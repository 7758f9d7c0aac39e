/// A unit that reports: a provincial department, a central agency in the province, a district or
/// a commune.
///
/// The record also says when the unit came into being or ended and which units it was formed
/// from, because communes and departments are rearranged during a programme, and which unit its
/// report goes to (`cap_tren`): a commune's district, or nil for the consolidating body itself.
public struct ReportingUnit: Sendable, Equatable {
    public var id: String
    /// The name used in running text, "Sở Tư pháp", "UBND huyện Nga Sơn".
    public var name: String
    /// A unit-kind id from the programme ("so-nganh", "huyen", …).
    public var kind: String
    /// The short code used in document numbers ("STP" in "45/BC-STP").
    public var code: String
    /// The parent body printed above the unit in the header, in capitals.
    public var parentBody: String?
    /// The unit's own lines of the header, in capitals.
    public var bodyLines: [String]
    /// The place its documents are dated at (`dia_danh`: "Nga Sơn" for a district, Nghị định
    /// 30/2020 Phụ lục I); nil for a provincial body, whose place is the programme's.
    public var place: String?
    /// The day the unit came into being (`thanh_lap`); nil when it existed before the programme.
    public var formed: SimpleDate?
    /// The last day the unit existed (`ket_thuc`); nil while it still exists.
    public var ended: SimpleDate?
    /// The units of the same outline it was formed from (`tien_than`), as written.
    public var predecessorIDs: [String]
    /// The act that rearranged it (`sap_xep`), "Nghị quyết số …/NQ-UBTVQH15 ngày …".
    public var rearrangement: String?
    /// The unit that consolidates this one's report (`cap_tren`): a commune's district in a
    /// three-tier outline; nil when the report goes straight to the consolidating body at the top.
    public var parentID: String?

    public init(
        id: String, name: String, kind: String, code: String, parentBody: String?, bodyLines: [String],
        place: String? = nil, formed: SimpleDate? = nil, ended: SimpleDate? = nil, predecessorIDs: [String] = [],
        rearrangement: String? = nil, parentID: String? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.code = code
        self.parentBody = parentBody
        self.bodyLines = bodyLines
        self.place = place
        self.formed = formed
        self.ended = ended
        self.predecessorIDs = predecessorIDs
        self.rearrangement = rearrangement
        self.parentID = parentID
    }
}

extension ReportingUnit {
    /// The file a unit's submission is kept in, "so-tu-phap.yaml": what a skeleton writes and
    /// what a rendered report says it was made from.
    public var submissionFileName: String { "\(id).yaml" }

    /// The place in "Nga Sơn, ngày … tháng … năm …": the unit's own, else the programme's.
    public func place(in programme: Programme) -> String { place ?? programme.place }

    /// Whether the unit existed on `date`: formed on or before it and not ended before it.
    public func exists(on date: SimpleDate) -> Bool {
        if let formed, date < formed { return false }
        if let ended, ended < date { return false }
        return true
    }

    /// Whether the unit reports figures for `year`: it does when it exists on 31 December of
    /// that year. Year-end is when the yearly figures are counted, so a commune ended on
    /// 30/06/2025 reports up to 2024 and the one formed from it on 01/07/2025 from 2025 on, and
    /// no year is reported by both.
    public func reportsYear(_ year: Int) -> Bool {
        exists(on: SimpleDate(year: year, month: 12, day: 31))
    }

    /// The years of `range` the unit reports, in order.
    public func reportedYears(in range: ClosedRange<Int>) -> [Int] { range.filter(reportsYear) }
}
