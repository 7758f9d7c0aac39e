/// A unit that reports: a provincial department, a central agency in the province or a district.
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

    public init(id: String, name: String, kind: String, code: String, parentBody: String?, bodyLines: [String]) {
        self.id = id
        self.name = name
        self.kind = kind
        self.code = code
        self.parentBody = parentBody
        self.bodyLines = bodyLines
    }
}

extension ReportingUnit {
    /// The file a unit's submission is kept in, "so-tu-phap.yaml": what a skeleton writes and
    /// what a rendered report says it was made from.
    public var submissionFileName: String { "\(id).yaml" }
}
