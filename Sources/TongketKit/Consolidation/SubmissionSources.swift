import Foundation
import TongketCore
import TongketForms

/// The submissions a command reads, whatever they were written in: YAML files, or a unit's Word
/// and Excel forms read together (paired by the unit inside them). A unit that sent both is an
/// error naming every file, since tongket cannot know which one is meant.
public enum SubmissionSources {
    /// One submission as read: the name messages use, every file it came from, what loading gave.
    public struct Entry: Sendable {
        public var name: String
        public var files: [String]
        public var loaded: LoadedSubmission
        /// The digests of its sections' contents, from the cache (nil without one, and for forms).
        public var digests: ContentDigests? = nil
    }

    /// Reads `paths` (files, or folders standing for the submissions and forms in them); YAML files
    /// through `cache` when one is given (the forms are read each time).
    public static func load(
        _ paths: [String], outline: Outline, keepingEmptyFolders: Bool = false, cache: SubmissionCache? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> [Entry] {
        let files = SubmissionFiles.expand(paths, keepingEmptyFolders: keepingEmptyFolders, forms: true)
        let yaml = files.filter { !FormSubmission.isForm($0) }
        let forms = files.filter(FormSubmission.isForm)
        var entries = zip(yaml, SubmissionFolder.load(yaml, outline: outline, cache: cache, progress: progress)).map {
            Entry(name: $0.0, files: [$0.0], loaded: $0.1.loaded, digests: $0.1.digests)
        }
        for unit in FormSubmission.load(forms, outline: outline) {
            var entry = Entry(name: unit.files[0], files: unit.files, loaded: unit.loaded)
            if let id = unit.unitID,
                let index = entries.firstIndex(where: { $0.loaded.submission?.unitID == id && !FormSubmission.isForm($0.name) })
            {
                let all = (entries[index].files + unit.files).joined(separator: ", ")
                let message =
                    "đơn vị '\(id)' nộp cả tệp YAML và biểu mẫu Word/Excel (\(all)); tongket không biết dùng bản nào: hãy giữ một cách nộp và bỏ các tệp kia khỏi danh sách"
                for file in [entries[index].name, entry.name] {
                    let diagnostic = Diagnostic(.error, .duplicate, at: SourceLocation(file: file, line: 1, column: 1), message)
                    if file == entry.name {
                        entry.loaded = LoadedSubmission(submission: nil, diagnostics: [diagnostic])
                    } else {
                        entries[index].loaded = LoadedSubmission(submission: nil, diagnostics: [diagnostic])
                    }
                }
            }
            entries.append(entry)
        }
        return entries
    }
}
