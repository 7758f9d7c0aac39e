import TongketCore
import TongketDocument

/// One unit's text in one section.
public struct Contribution: Sendable, Equatable {
    public var unitID: String
    public var unitName: String
    /// Written in the unit's thematic report for the whole province.
    public var isThematic: Bool
    public var content: SectionContent
    /// `ContentDigests.of(content)`, when the submission's cache entry kept it.
    public var contentDigest: ContentDigest? = nil
}
