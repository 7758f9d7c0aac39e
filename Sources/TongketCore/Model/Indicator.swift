/// One row of an appendix table.
public struct Indicator: Sendable {
    /// What kind of number the indicator holds, which decides what values are valid.
    public enum ValueType: String, Sendable, CaseIterable {
        /// A whole, non-negative count.
        case count = "so-luong"
        /// A percentage from 0 to 100.
        case percent = "ty-le"
        /// A non-negative amount such as money.
        case amount = "gia-tri"
        /// A score on an index's own scale.
        case score = "diem"
    }

    /// How figures of many units and years are combined.
    public enum Aggregation: Sendable, Equatable {
        case sum
        case average
        /// A stock at the end of a period: the last year that has a figure.
        case latest
        /// 100 × numerator / denominator, computed, never entered.
        case ratio(numerator: String, denominator: String)

        /// The Vietnamese word for the rule, as the outline files write it.
        public var keyword: String {
            switch self {
            case .sum: return "cong"
            case .average: return "trung-binh"
            case .latest: return "cuoi-ky"
            case .ratio: return "ty-so"
            }
        }

        /// How the rule reads in a guidance comment.
        public var explanation: String {
            switch self {
            case .sum: return "cộng dồn"
            case .average: return "bình quân"
            case .latest: return "số cuối kỳ"
            case .ratio(let numerator, let denominator): return "tự tính = \(numerator) / \(denominator) × 100"
            }
        }
    }

    public var id: String
    public var name: String
    /// Unit of measure, "văn bản", "%", "triệu đồng".
    public var measure: String
    public var type: ValueType
    public var aggregation: Aggregation
    /// Restricts who enters this indicator (unit or kind ids); empty means everyone who fills the table.
    public var filledBy: [String]
    /// A key indicator, drawn as a chart by year and phase in the consolidated report.
    public var isKey: Bool
    /// Decimal places shown in every cell of its row and every label of its chart (`thap_phan`),
    /// so that a row never reads "0,43 … 0,7"; nil: up to two, trailing zeros dropped.
    public var decimals: Int?

    public init(
        id: String, name: String, measure: String, type: ValueType, aggregation: Aggregation, filledBy: [String], isKey: Bool = false,
        decimals: Int? = nil
    ) {
        self.id = id
        self.name = name
        self.measure = measure
        self.type = type
        self.aggregation = aggregation
        self.filledBy = filledBy
        self.isKey = isKey
        self.decimals = decimals
    }

    /// A figure of this indicator as documents print it: its declared decimal places, or up to two.
    public func format(_ value: Double) -> String {
        decimals.map { VietnameseFormat.number(value, decimals: $0) } ?? VietnameseFormat.number(value)
    }

    /// Whether units type this figure in, rather than tongket computing it.
    public var isEntered: Bool {
        if case .ratio = aggregation { return false }
        return true
    }

    public func isFilled(by unit: ReportingUnit) -> Bool { Self.isFilled(by: unit, filledBy) }

    /// The rule of `isFilled(by:)` over the list alone, for a loop over a thousand units that
    /// should not copy the indicator for each.
    public static func isFilled(by unit: ReportingUnit, _ filledBy: [String]) -> Bool {
        filledBy.isEmpty || filledBy.contains(unit.id) || filledBy.contains(unit.kind)
    }
}
