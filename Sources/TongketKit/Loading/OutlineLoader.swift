import Foundation

/// The outline folder could not be used; every problem found is listed.
public struct OutlineError: Error, Sendable {
    public var diagnostics: [Diagnostic]
}

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
        var reader = NodeReader(file: directory.path)
        func document(_ name: String) -> (Node, NodeReader)? {
            let url = directory.appendingPathComponent(name)
            let shown = url.path
            do {
                let data = try Data(contentsOf: url)
                let text = try SourceText.decode(data, file: shown)
                guard let node = try YAMLInput.parse(text, file: shown) else {
                    reader.report(
                        Diagnostic(.error, .outlineInvalid, at: SourceLocation(file: shown, line: 1, column: 1), "tệp đề cương trống"))
                    return nil
                }
                return (node, NodeReader(file: shown))
            } catch let diagnostic as Diagnostic {
                reader.report(diagnostic)
            } catch {
                reader.report(
                    Diagnostic(
                        .error, .unreadable, at: SourceLocation(file: shown, line: 1, column: 1),
                        "không đọc được tệp đề cương: \(error.localizedDescription)"))
            }
            return nil
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
        let (outline, found) = builder.finish()
        let diagnostics = (reader.diagnostics + found).sortedByLocation()
        guard let outline, !diagnostics.hasErrors() else {
            let missing = Diagnostic(
                .error, .outlineInvalid, at: SourceLocation(file: directory.path, line: 1, column: 1),
                "thư mục đề cương không dùng được")
            throw OutlineError(diagnostics: diagnostics.isEmpty ? [missing] : diagnostics)
        }
        return outline
    }
}
