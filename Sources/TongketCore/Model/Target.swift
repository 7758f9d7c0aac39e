/// A target of the programme linked to an indicator.
public struct Target: Sendable {
    public enum Comparison: String, Sendable {
        case greater = "lon-hon"
        case atLeast = "khong-duoi"
        case less = "nho-hon"
        case atMost = "khong-vuot"

        public var symbol: String {
            switch self {
            case .greater: return ">"
            case .atLeast: return "≥"
            case .less: return "<"
            case .atMost: return "≤"
            }
        }

        public func holds(_ value: Double, against target: Double) -> Bool {
            switch self {
            case .greater: return value > target
            case .atLeast: return value >= target
            case .less: return value < target
            case .atMost: return value <= target
            }
        }
    }

    public var id: String
    public var title: String
    public var source: String
    public var appendixID: String
    public var indicatorID: String
    public var comparison: Comparison
    public var value: Double
    public var year: Int
}
