/// A unit id missing from the outline's list of units, with the nearest id when one is close
/// enough to be a typing slip; `description` is the message the command line prints.
public struct UnknownUnitError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The id as the user typed it.
    public var id: String
    /// The nearest id in the outline, when one is close enough to be meant.
    public var suggestion: String?

    /// An unknown `id`, with the id the user probably meant.
    public init(id: String, suggestion: String?) {
        self.id = id
        self.suggestion = suggestion
    }

    /// The message, pointing at the suggestion or at the list of units.
    public var description: String {
        let hint = suggestion.map { "; có phải là '\($0)'?" } ?? "; xem 'tongket outline --units'"
        return "tongket: lỗi: mã đơn vị '\(id)' không có trong danh mục\(hint)"
    }
}
