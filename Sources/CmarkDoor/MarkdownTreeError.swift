/// A problem with a template's Markdown: a marker that is malformed, unmatched or unused. The
/// door says what and where; the application words it for its users.
public struct MarkdownTreeError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Problem: Sendable, Equatable {
        /// libcmark gave no document.
        case unparsable
        /// A marker that is not a block of its own (`text` as found).
        case strayMarker(text: String)
        /// A close with no open before it.
        case closeWithoutOpen
        /// An open never closed, with its class.
        case unclosed(className: String)
        /// An open and its close under different parents.
        case openAndCloseApart(className: String)
        /// A deferred insertion's marker that is not at the top level of the document.
        case deferredNotTopLevel(key: String)
        /// A marker asking for an insertion nobody supplied.
        case missingInsertion(key: String)
        /// An insertion supplied that no marker asks for.
        case unusedInsertion(key: String)
        /// A marker whose words are not understood.
        case unknownMarker(words: String)
        /// libcmark could not allocate a node.
        case outOfMemory
        /// libcmark wrote something other than what a list cut in parts is joined by.
        case unexpectedOutput
    }

    /// 1-based line in the Markdown the template produced.
    public var line: Int
    public var problem: Problem

    public init(line: Int, _ problem: Problem) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "line \(line): \(problem)" }
}
