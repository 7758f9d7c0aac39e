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

    /// Two contributions are the same when the same unit wrote the same; whether the content's
    /// digest came with it (from the cache) does not make them differ.
    public static func == (left: Contribution, right: Contribution) -> Bool {
        left.unitID == right.unitID && left.unitName == right.unitName && left.isThematic == right.isThematic
            && left.content == right.content
    }
}
