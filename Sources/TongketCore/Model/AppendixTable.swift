/// A statistical appendix (phụ lục) as a table definition: indicators by year.
public struct AppendixTable: Sendable {
    public var id: String
    /// The number printed after "Phụ lục", "02".
    public var number: String
    public var title: String
    /// The department that compiles it for the province.
    public var ownerID: String
    /// Unit ids or unit-kind ids whose units report figures in this table.
    public var filledBy: [String]
    public var indicators: [Indicator]
    public var rules: [IndicatorRule]

    public init(
        id: String, number: String, title: String, ownerID: String, filledBy: [String], indicators: [Indicator], rules: [IndicatorRule]
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.ownerID = ownerID
        self.filledBy = filledBy
        self.indicators = indicators
        self.rules = rules
    }

    /// Whether `unit` reports figures in this table at all.
    public func isFilled(by unit: ReportingUnit) -> Bool {
        filledBy.contains(unit.id) || filledBy.contains(unit.kind)
    }

    /// The indicators `unit` enters itself (computed ratios excluded).
    public func enteredIndicators(for unit: ReportingUnit) -> [Indicator] {
        indicators.filter { $0.isEntered && $0.isFilled(by: unit) }
    }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }
}
