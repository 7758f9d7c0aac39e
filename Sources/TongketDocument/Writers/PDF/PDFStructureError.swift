/// A PDF an engine made that tongket cannot finish: its structure is not one the finisher reads
/// (a cross-reference stream, an object it cannot find). The message says what was expected, in
/// Vietnamese, for the user who will report it.
public struct PDFStructureError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was not found or not understood.
    public var message: String

    /// A problem described by `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message as printed after the file's name.
    public var description: String { message }
}
