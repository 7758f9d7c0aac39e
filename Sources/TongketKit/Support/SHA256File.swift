import Crypto
import Foundation
import TongketCore
import TongketDocument

/// SHA-256 of files and bytes, in lowercase hexadecimal (swift-crypto).
public enum SHA256Hex {
    public static func of(_ data: Data) -> String { Hex.lowercase(SHA256.hash(data: data)) }

    /// Reads the file in pieces, so that a large draft is never whole in memory for hashing.
    public static func of(fileAt url: URL) throws -> String {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return Hex.lowercase(hasher.finalize())
    }
}
