/// Whether a unit must, may or does not write a section.
public enum Requirement: Sendable, Equatable {
    case required
    case optional
    case notApplicable
}
