import Foundation
import TongketCore
import TongketDocument

public struct LoadedComments: Sendable {
    public var set: CommentSet?
    public var diagnostics: [Diagnostic]
}
