/// A check between two indicators of one table, year by year: `indicator ≤ limit`.
public struct IndicatorRule: Sendable {
    public var indicatorID: String
    public var limitID: String

    public init(indicatorID: String, limitID: String) {
        self.indicatorID = indicatorID
        self.limitID = limitID
    }
}
