import Foundation

/// Where rendered reports go: files in a folder, or a single format to a stream (standard output
/// with `-o -`), so that every command writes through one path whichever the user chose.
public enum ReportDestination: Sendable {
    /// `DIR/NAME.FORMAT` for every format, each written beside its target and renamed into place.
    case directory(URL)
    /// The bytes of the first format only, in order, as they are made.
    case stream(@Sendable (Data) -> Void)
}
