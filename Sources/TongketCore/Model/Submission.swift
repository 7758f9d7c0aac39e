/// One unit's report as the unit submitted it, after loading and normalising: plain values.
public struct Submission: Sendable, Equatable {
    /// The file it was read from, as the user named it.
    public var file: String
    public var unitID: String
    public var report: ReportInfo
    public var signer: Signer
    public var recipients: [String]
    /// What the unit wrote, by section key.
    public var sections: [String: SectionContent]
    /// The thematic report, for a department the plan assigns one.
    public var thematic: ThematicPart?
    /// Figures by appendix id, then indicator id, then year.
    public var figures: [String: [String: [Int: Double]]]
    public var commendations: [Commendation]
    /// Figures the unit reports for the units it was formed from (`so_lieu_don_vi_cu`): by
    /// predecessor id, then as `figures`, each only for the years that predecessor existed.
    public var predecessorFigures: [String: [String: [String: [Int: Double]]]]
    /// Where each predecessor's block was written, for messages about it.
    public var predecessorPlaces: [String: SourceLocation]
    /// The drafting body's own text for the consolidated report (`tong_hop:` instead of
    /// `don_vi:`), not a unit's report: it leads the sections it writes, in the province's voice.
    public var isDraftingText = false
    /// For a report rolled up from a unit's children (`tong_hop_tu`): what it was made from.
    public var rollUp: RollUp? = nil

    public init(
        file: String, unitID: String, report: ReportInfo, signer: Signer, recipients: [String],
        sections: [String: SectionContent], thematic: ThematicPart?, figures: [String: [String: [Int: Double]]],
        commendations: [Commendation], predecessorFigures: [String: [String: [String: [Int: Double]]]] = [:],
        predecessorPlaces: [String: SourceLocation] = [:]
    ) {
        self.file = file
        self.unitID = unitID
        self.report = report
        self.signer = signer
        self.recipients = recipients
        self.sections = sections
        self.thematic = thematic
        self.figures = figures
        self.commendations = commendations
        self.predecessorFigures = predecessorFigures
        self.predecessorPlaces = predecessorPlaces
    }
}
