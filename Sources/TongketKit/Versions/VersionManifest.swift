import Foundation
import TongketCore
import TongketDocument

/// What a recorded version says of itself, in `phien-ban.yaml` beside the files it holds. Each
/// manifest carries the SHA-256 of the one before, so that the history is a chain: changing an
/// earlier version, or removing one, breaks it.
public struct VersionManifest: Sendable, Equatable {
    public var report: String
    public var round: Int
    public var status: ReviewStatus
    public var reviewer: String
    public var date: SimpleDate
    public var note: String
    /// SHA-256 of the previous round's manifest file; empty for round 1.
    public var previous: String
    /// The outputs of the report as they were handed out.
    public var files: [FileDigest]
    /// What they were made from: submissions, the outline, the templates.
    public var inputs: [FileDigest]

    public static let fileName = "phien-ban.yaml"

    public func yaml() -> String {
        var lines = [
            "# Phiên bản đã ghi của báo cáo, do tongket tạo. Không sửa tệp này hay các tệp bên cạnh:",
            "# 'tongket versions --verify' phát hiện mọi thay đổi.",
            "bao_cao: \(YAMLText.quoted(report))",
            "lan: \(round)",
            "trang_thai: \(YAMLText.quoted(status.rawValue))",
            "nguoi_ra_soat: \(YAMLText.quoted(reviewer))",
            "ngay: \(YAMLText.quoted(date.description))",
            "ghi_chu: \(YAMLText.quoted(note))",
            "truoc: \(YAMLText.quoted(previous))",
            "tep:",
        ]
        lines += files.map { "  - {ten: \(YAMLText.quoted($0.name)), sha256: \($0.sha256)}" }
        lines.append(inputs.isEmpty ? "nguon: []" : "nguon:")
        lines += inputs.map { "  - {ten: \(YAMLText.quoted($0.name)), sha256: \($0.sha256)}" }
        let body = lines.joined(separator: "\n") + "\n"
        return body + "\(Self.sealKey): \(SHA256Hex.of(Data(body.utf8)))\n"
    }

    /// The last line seals the manifest: the SHA-256 of everything above it, so that an edit
    /// anywhere in it (the reviewer, a note, a source's digest) is seen even in the last round,
    /// which no later manifest points at.
    static let sealKey = "niem_phong"

    /// Whether the manifest's text still matches its seal.
    public static func isSealed(_ data: Data) -> Bool {
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasSuffix("\n"), let start = text.dropLast().lastIndex(of: "\n") else { return false }
        let body = text[...start]
        let last = text[text.index(after: start)...].dropLast()
        return last == "\(sealKey): \(SHA256Hex.of(Data(body.utf8)))"
    }

    /// Reads a manifest; every problem is located in the file.
    public static func parse(_ data: Data, file: String) throws(Diagnostic) -> VersionManifest {
        let root = try InputFile.yaml(data, file: file, whenEmpty: .init("tệp phiên bản trống"))
        var r = NodeReader(file: file)
        // A root that is only a tag ("!S") reads as an empty value: no mapping and no message yet
        // (found by fuzzing; this indexed an empty list).
        guard let pairs = r.mapping(root, "tệp phiên bản") else {
            throw r.diagnostics.first
                ?? Diagnostic(.error, .missingField, at: SourceLocation(file: file, line: 1, column: 1), "tệp phiên bản trống")
        }
        let fields = Fields(pairs, root)
        let report = fields.text("bao_cao", &r)
        let round = fields.integer("lan", &r)
        let statusWord = fields.text("trang_thai", &r)
        let reviewer = fields.text("nguoi_ra_soat", &r)
        let date = fields.date("ngay", &r)
        let note = fields.optionalText("ghi_chu", &r) ?? ""
        let previous = fields.optionalText("truoc", &r) ?? ""
        let files = digests(fields.node("tep"), "tep", &r)
        let inputs = digests(fields.node("nguon"), "nguon", &r)
        let status = statusWord.flatMap(ReviewStatus.parse)
        if statusWord != nil && status == nil, let node = fields.node("trang_thai") {
            r.report(.error, .wrongType, node, "'trang_thai' phải là một trong: \(ReviewStatus.choices)")
        }
        if let first = r.diagnostics.first { throw first }
        guard let report, let round, let status, let reviewer, let date else {
            throw Diagnostic(.error, .missingField, at: SourceLocation(file: file, line: 1, column: 1), "tệp phiên bản thiếu khóa")
        }
        return VersionManifest(
            report: report, round: round, status: status, reviewer: reviewer, date: date, note: note, previous: previous, files: files,
            inputs: inputs)
    }

    private static func digests(_ node: Node?, _ key: String, _ r: inout NodeReader) -> [FileDigest] {
        guard let node, let items = r.sequence(node, "'\(key)'") else { return [] }
        return items.compactMap { item in
            guard let pairs = r.mapping(item, "mỗi phần tử của '\(key)'") else { return nil }
            let fields = Fields(pairs, item)
            guard let name = fields.text("ten", &r), let digest = fields.text("sha256", &r) else { return nil }
            return FileDigest(name: name, sha256: digest)
        }
    }
}
