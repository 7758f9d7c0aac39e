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

    /// The columns `init(row:)` reads, in its order (by position: see `SubmissionEvent.columns`).
    static let columns = "id, don_vi, tai_khoan, thoi_gian, sha256, hop_le, so_loi, so_canh_bao, chan_doan"

    /// The recorded upload; its diagnostics decoded only if `diagnostics` (the board shows only
    /// their counts, and decoding 10,000 lists of them was most of its time).
    init(row: Row, files: [UploadFile], diagnostics decode: Bool = true) {
        id = row[0]
        unit = row[1]
        account = row[2]
        time = row[3]
        sha256 = row[4]
        isValid = (row[5] as Int? ?? 0) != 0
        errors = row[6]
        warnings = row[7]
        if decode {
            let json: String = row[8] ?? "[]"
            diagnostics = (try? JSONDecoder().decode([WebDiagnostic].self, from: Data(json.utf8))) ?? []
        } else {
            diagnostics = []
        }
        self.files = files
    }

    /// The digest of an upload of these files.
    static func digest(of files: [UploadFile]) -> String {
        files.count == 1 ? files[0].sha256 : Secret.digest(files.map { $0.sha256 + "\n" }.joined())
    }
}
