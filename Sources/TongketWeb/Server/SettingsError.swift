/// A setting that could not be resolved, with the message to print.
public struct SettingsError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
