import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// Where a streamed Word document goes, and where its body may wait while it is written.
public struct DOCXSink: Sendable {
    public var spillDirectory: URL?
    public var write: @Sendable (Data) throws(FileError) -> Void

    public init(spillDirectory: URL?, write: @escaping @Sendable (Data) throws(FileError) -> Void) {
        self.spillDirectory = spillDirectory
        self.write = write
    }
}
