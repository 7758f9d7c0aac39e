import Foundation
import TongketCore
import TongketDocument

/// One comment on the draft, against an outline section (or `chung`, the draft as a whole).
public struct Comment: Sendable, Equatable {
    public var sectionKey: String
    public var text: String
    public var response: CommentResponse?
    public var explanation: String
    /// Where the comment's `muc` is, for messages about it.
    public var location: SourceLocation
}
