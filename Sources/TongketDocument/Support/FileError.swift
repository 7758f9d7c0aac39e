/// A file that could not be written or read whole, named by its path: an output, a recorded
/// version, a writer's temporary file. Problems inside an input's text are diagnostics, located
/// by line and column, instead.
public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    /// `path: lỗi: message`, as compilers print an error without a line.
    public var description: String { "\(path): lỗi: \(message)" }
}
