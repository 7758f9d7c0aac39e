import Foundation
import TongketCore
import TongketDocument

/// The comments of one body ("Sở Tài chính"), from one file.
public struct CommentSet: Sendable, Equatable {
    public var file: String
    public var body: String
    /// The letter that carried them, "Công văn số 512/STC-HCSN ngày 12/06/2020".
    public var reference: String?
    public var comments: [Comment]

    /// The key of a comment on the draft as a whole.
    public static let general = "chung"
}

extension CommentSet {
    /// The comments nobody has handled yet (no `tiep_thu`), each with the place its `muc` is
    /// written: what keeps a table of comments from being final.
    public static func unhandled(_ sets: [CommentSet]) -> [Comment] {
        sets.flatMap(\.comments).filter { $0.response == nil }
    }
}
