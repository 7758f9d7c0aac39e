/// A format list ("md,pdf") that names a format tongket does not write.
public struct FormatListError: Error, Sendable {
    /// The first unknown name, as written (or the whole text when it names nothing).
    public var word: String
}
