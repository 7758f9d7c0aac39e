import Foundation
import TongketCore
import TongketDocument

/// Where a streamed report's PDF goes, whole, once the engine has printed it.
public struct PDFSink: Sendable {
    public var write: @Sendable (Data) throws(FileError) -> Void

    public init(write: @escaping @Sendable (Data) throws(FileError) -> Void) {
        self.write = write
    }
}
