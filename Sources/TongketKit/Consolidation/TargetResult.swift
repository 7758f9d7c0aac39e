import TongketCore
import TongketDocument

/// A target of the programme and how the province stands against it.
public struct TargetResult: Sendable {
    public var target: Target
    /// The province's figure for the target's year; nil when nobody reported it.
    public var value: Double?
    /// Whether the target was met; nil without a figure.
    public var met: Bool? { value.map { target.comparison.holds($0, against: target.value) } }
    /// How far above (positive) or below (negative) the target value the figure is.
    public var difference: Double? { value.map { $0 - target.value } }
}
