import Crypto
import Foundation

/// Reads `outline/<programme>/` into an `Outline`, checking every cross-reference, so that a
/// province's IT officer who edits the data gets located errors rather than a broken report.
public enum OutlineLoader {
    /// The files that make up an outline folder.
    public enum FileName {
        public static let programme = "chuong-trinh.yaml"
        public static let sections = "de-cuong.yaml"
        public static let units = "don-vi.yaml"
        public static let thematics = "chuyen-de.yaml"
        public static let targets = "muc-tieu.yaml"
        public static let appendixFolder = "phu-luc"
    }

    public static func load(from directory: URL) throws(OutlineError) -> Outline {
        let checked = check(directory)
        guard let outline = checked.outline else { throw OutlineError(diagnostics: checked.diagnostics) }
        return outline
    }

    /// Every problem in an outline folder, warnings included, with the outline when it has no
    /// error: what `tongket outline --check` shows whoever writes a new outline.
    public static func check(_ directory: URL) -> (outline: Outline?, diagnostics: [Diagnostic]) {
        var reader = NodeReader(file: directory.path)
        var digest = SHA256()
        func document(_ name: String) -> (Node, NodeReader)? {
            let url = directory.appendingPathComponent(name)
            let shown = url.path
            do {
                let data = try InputFile.data(url, shownName: shown, what: "tệp đề cương")
                // Name and length first, so that no two different folders hash the same bytes.
                digest.update(data: Data("\(name)\n\(data.count)\n".utf8))
                digest.update(data: data)
                let node = try InputFile.yaml(
                    data, file: shown, whenEmpty: .init("tệp đề cương trống", kind: .outlineInvalid))
                return (node, NodeReader(file: shown))
            } catch {
                reader.report(error)
                return nil
            }
        }
        var builder = OutlineBuilder()
        if let (node, r) = document(FileName.programme) { builder.readProgramme(node, r) }
        if let (node, r) = document(FileName.sections) { builder.readSections(node, r) }
        if let (node, r) = document(FileName.units) { builder.readUnits(node, r) }
        if let (node, r) = document(FileName.thematics) { builder.readThematics(node, r) }
        if let (node, r) = document(FileName.targets) { builder.readTargets(node, r) }
        let appendixDirectory = directory.appendingPathComponent(FileName.appendixFolder)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: appendixDirectory.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        for name in names {
            if let (node, r) = document(FileName.appendixFolder + "/" + name) { builder.readAppendix(node, r) }
        }
        let (built, found) = builder.finish()
        var outline = built
        outline?.sourceDigest = Hex.lowercase(digest.finalize())
        let diagnostics = (reader.diagnostics + found).sortedByLocation()
        guard let outline, !diagnostics.hasErrors() else {
            let missing = Diagnostic(
                .error, .outlineInvalid, at: SourceLocation(file: directory.path, line: 1, column: 1),
                "thư mục đề cương không dùng được")
            return (nil, diagnostics.isEmpty ? [missing] : diagnostics)
        }
        return (outline, diagnostics)
    }
}
