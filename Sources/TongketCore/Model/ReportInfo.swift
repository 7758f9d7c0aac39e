/// The number, date and optional summary line of a report.
public struct ReportInfo: Sendable, Equatable {
    /// "45/BC-STP".
    public var number: String?
    public var date: SimpleDate?
    /// Overrides the programme's summary line.
    public var summary: String?

    public init(number: String?, date: SimpleDate?, summary: String?) {
        self.number = number
        self.date = date
        self.summary = summary
    }
}
