import Foundation
import TongketCore
import TongketDocument

/// A file of a version and its SHA-256, in lowercase hexadecimal.
public struct FileDigest: Sendable, Equatable {
    public var name: String
    public var sha256: String

    public init(name: String, sha256: String) {
        self.name = name
        self.sha256 = sha256
    }
}
