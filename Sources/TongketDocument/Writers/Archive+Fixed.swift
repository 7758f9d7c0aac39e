import Foundation
import ZIPFoundation

extension Archive {
    /// 1980-01-01 00:00 UTC, the earliest date a ZIP entry can carry: every package tongket
    /// makes (the reports' .docx, the units' Word and Excel forms) dates its parts with it, so
    /// that its bytes depend on its content only.
    package static let fixedEntryDate = Date(timeIntervalSince1970: 315_532_800)

    /// Adds `data` as the part `path`, with the fixed date and ordinary file permissions.
    package func addFixedEntry(_ data: Data, as path: String, compress: Bool = true) throws {
        try addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Self.fixedEntryDate, permissions: 0o644,
            compressionMethod: compress ? .deflate : .none
        ) { position, size in
            data.subdata(in: Int(position)..<Swift.min(Int(position) + size, data.count))
        }
    }
}
