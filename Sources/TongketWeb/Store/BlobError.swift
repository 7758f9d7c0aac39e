/// A file that could not be stored; the message is shown to no one but the log.
public struct BlobError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
