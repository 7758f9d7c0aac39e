import Foundation

/// What `tongket outline --upgrade` does to a folder written for an older format: the new text of
/// each file that changes, made by inserting lines (and, for `dinh_dang: 1`, changing one value),
/// so that every comment, every blank line and every byte it need not change stays as written.
///
/// The plan is made from the folder and checked before anything is written: the folder must load
/// without error as it is, and again as it will be.
public struct OutlineUpgrade: Sendable {
    /// One file's change.
    public struct FileChange: Sendable {
        /// The file's path inside the folder, `chuong-trinh.yaml`.
        public var name: String
        public var url: URL
        public var original: Data
        public var upgraded: Data

        /// The change as a unified diff (`--- a/name`, `+++ b/name`).
        public var diff: String {
            UnifiedDiff.text(
                old: String(decoding: original, as: UTF8.self), new: String(decoding: upgraded, as: UTF8.self), name: name)
        }
    }

    public var directory: URL
    /// The format the folder declares now.
    public var format: Int
    /// The files to rewrite, empty when the folder is in the current format already.
    public var changes: [FileChange]

    public var isCurrent: Bool { changes.isEmpty }

    /// The upgrade of `directory`; an `OutlineError` with every problem when the folder has errors
    /// (it is not guessed at) or cannot be rewritten by inserting lines.
    public static func plan(for directory: URL) throws(OutlineError) -> OutlineUpgrade {
        let checked = OutlineLoader.check(directory)
        guard let outline = checked.outline else { throw OutlineError(diagnostics: checked.diagnostics) }
        let url = directory.appendingPathComponent(OutlineLoader.FileName.programme)
        let shown = url.path
        let data: Data
        let root: Node
        do {
            data = try InputFile.data(url, shownName: shown, what: "tệp đề cương")
            root = try InputFile.yaml(data, file: shown, whenEmpty: .init("tệp đề cương trống", kind: .outlineInvalid))
        } catch {
            throw OutlineError(diagnostics: [error])
        }
        var reader = NodeReader(file: shown)
        var editor = LineEditor(data)
        let format = programmeEdits(root, outline: outline, editor: &editor, &reader)
        guard !reader.diagnostics.hasErrors() else { throw OutlineError(diagnostics: reader.diagnostics) }
        var plan = OutlineUpgrade(directory: directory, format: format, changes: [])
        let upgraded = editor.result
        if upgraded != data {
            plan.changes.append(FileChange(name: OutlineLoader.FileName.programme, url: url, original: data, upgraded: upgraded))
        }
        try plan.verify()
        return plan
    }

    /// The edits of `chuong-trinh.yaml`: the format key, then each default a format-1 outline
    /// left to the loader, written where the key belongs. Returns the format declared now.
    private static func programmeEdits(_ root: Node, outline: Outline, editor: inout LineEditor, _ r: inout NodeReader) -> Int {
        guard let pairs = r.mapping(root, "tệp chương trình"), let first = pairs.first else { return OutlineFormat.current }
        let fields = Fields(pairs, root)
        var format = OutlineFormat.original
        if let node = fields.node(OutlineFormat.key) {
            // The folder loaded, so the value is a format this tongket reads.
            format = Int((r.text(node, OutlineFormat.key) ?? "").trimmedWhitespace) ?? OutlineFormat.current
            if format < OutlineFormat.current { editor.replaceScalar(node, with: "\(OutlineFormat.current)") }
        } else {
            editor.insert(
                [
                    "# Định dạng của thư mục đề cương (docs/de-cuong.md): tongket outline --upgrade nâng đề cương cũ lên.",
                    "\(OutlineFormat.key): \(OutlineFormat.current)",
                ],
                before: first.keyNode, &r)
        }
        guard format < OutlineFormat.current else { return format }
        for key in OutlineFormat.Default.allCases {
            let (parent, name) = key.path
            var owner = root
            var ownerPairs = pairs
            if let parent {
                guard let node = fields.node(parent), case .mapping = node, let inner = r.mapping(node, parent) else { continue }
                owner = node
                ownerPairs = inner
            }
            if let present = ownerPairs.first(where: { $0.key == name }) {
                // Written but empty: format 1 used the default, format 2 refuses it; the value is
                // the writer's to give (tongket cannot tell what an empty value was meant to say).
                if (r.text(present.value, "'\(name)'") ?? "").trimmedWhitespace.isEmpty {
                    r.report(
                        .error, .missingField, present.value,
                        "'\(name)' để trống: định dạng \(OutlineFormat.current) phải ghi rõ; ghi giá trị (tongket vẫn dùng \(YAMLText.quoted(key.value(basis: outline.programme.basis)))) rồi chạy lại"
                    )
                }
                continue
            }
            guard editor.isBlock(owner) else {
                r.report(
                    .error, .outlineInvalid, owner,
                    "không tự thêm được khóa '\(name)' vào bảng viết trên một dòng ({…}); hãy viết bảng thành nhiều dòng hoặc thêm '\(name)' bằng tay rồi chạy lại"
                )
                continue
            }
            let line = "\(name): \(YAMLText.plainOrQuoted(key.value(basis: outline.programme.basis)))"
            // Before the next key in the documented order, with the comment that introduces it;
            // failing that, first in its mapping (a top-level key may also go at the end).
            let later = key.siblings.drop { $0 != name }.dropFirst()
            if let next = ownerPairs.first(where: { later.contains($0.key) }) {
                editor.insert([line], before: next.keyNode, withComments: true, &r)
            } else if parent == nil {
                editor.append([line])
            } else if let firstKey = ownerPairs.first {
                editor.insert([line], before: firstKey.keyNode, withComments: true, &r)
            }
        }
        return format
    }

    /// The upgraded folder, written to a temporary copy, must load without error: an upgrade
    /// never hands back a folder that does not work.
    private func verify() throws(OutlineError) {
        guard !changes.isEmpty else { return }
        let manager = FileManager.default
        let copy = manager.temporaryDirectory.appendingPathComponent(
            "tongket-nang-cap-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: copy) }
        do {
            try manager.copyItem(at: directory, to: copy)
            for change in changes { try change.upgraded.write(to: copy.appendingPathComponent(change.name)) }
        } catch {
            throw OutlineError(diagnostics: [
                Diagnostic(
                    .error, .unreadable, at: SourceLocation(file: directory.path, line: 1, column: 1),
                    "không chép được thư mục đề cương để thử bản nâng cấp: \(error.localizedDescription)")
            ])
        }
        let checked = OutlineLoader.check(copy)
        guard checked.outline == nil else { return }
        throw OutlineError(
            diagnostics: [
                Diagnostic(
                    .error, .outlineInvalid, at: SourceLocation(file: directory.path, line: 1, column: 1),
                    "bản nâng cấp không đọc lại được (lỗi của tongket, xin báo lại); thư mục được giữ nguyên")
            ] + checked.diagnostics)
    }
}
