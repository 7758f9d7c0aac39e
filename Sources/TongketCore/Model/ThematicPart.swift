/// A department's thematic report for the whole province.
public struct ThematicPart: Sendable, Equatable {
    public var report: ReportInfo
    public var sections: [String: SectionContent]

    public init(report: ReportInfo, sections: [String: SectionContent]) {
        self.report = report
        self.sections = sections
    }
}
