/// General facts about the programme being summarised.
public struct Programme: Sendable {
    public var id: String
    public var title: String
    /// The summary line of reports, "Tổng kết thực hiện …".
    public var summary: String
    /// The kind of review, as titles name it: "tổng kết", "sơ kết" (`loai_tong_ket`).
    public var reviewKind: String
    public var province: String
    /// The place name printed before the date ("Thanh Hóa, ngày …").
    public var place: String
    public var basis: DocumentReference
    public var firstYear: Int
    public var lastYear: Int
    public var phases: [Phase]
    public var unitDeadline: SimpleDate
    public var thematicDeadline: SimpleDate
    public var consolidatedDeadline: SimpleDate
    public var numbering: NumberingScheme
    /// Unit kinds in the order the outline lists them, with their Vietnamese names.
    public var unitKinds: [(id: String, name: String)]
    public var defaultRecipients: [String]
    public var commendationForms: [String]
    /// How the province's consolidated report is issued.
    public var consolidated: ConsolidatedIssuer
    /// The levels that report, lowest first (`cap`); empty when the outline declares none, and
    /// every unit then reports straight to the consolidating body.
    public var levels: [Level] = []

    /// The years a figure may be given for.
    public var years: ClosedRange<Int> { firstYear...lastYear }

    public func kindName(_ id: String) -> String { unitKinds.first { $0.id == id }?.name ?? id }

    /// The position of a kind's level, lowest 0; nil when the outline declares no levels.
    public func levelIndex(ofKind kind: String) -> Int? { levels.firstIndex { $0.kinds.contains(kind) } }
}
