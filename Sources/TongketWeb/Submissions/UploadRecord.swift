import Foundation
import GRDB

/// One upload as recorded: never changed nor deleted.
public struct UploadRecord: Sendable, Equatable {
    public var id: Int64
    public var unit: String
    public var account: String
    public var time: String
    /// The file's SHA-256; for a Word and Excel pair, the SHA-256 of the two files' digests
    /// written one a line in upload order.
    public var sha256: String
    public var isValid: Bool
    public var errors: Int
    public var warnings: Int
    public var diagnostics: [WebDiagnostic]
    public var files: [UploadFile]

    init(row: Row, files: [UploadFile]) {
        id = row["id"]
        unit = row["don_vi"]
        account = row["tai_khoan"]
        time = row["thoi_gian"]
        sha256 = row["sha256"]
        isValid = (row["hop_le"] as Int? ?? 0) != 0
        errors = row["so_loi"]
        warnings = row["so_canh_bao"]
        let json: String = row["chan_doan"] ?? "[]"
        diagnostics = (try? JSONDecoder().decode([WebDiagnostic].self, from: Data(json.utf8))) ?? []
        self.files = files
    }

    /// The digest of an upload of these files.
    static func digest(of files: [UploadFile]) -> String {
        files.count == 1 ? files[0].sha256 : Secret.digest(files.map { $0.sha256 + "\n" }.joined())
    }
}
