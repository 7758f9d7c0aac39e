import Foundation
import TongketCore
import TongketDocument

/// Reads every submission the user pointed at (YAML, or a unit's Word and Excel forms) into a
/// consolidator, one file at a time, so that only what the draft needs stays in memory.
public enum SubmissionFolder {
    /// With a `cache`, a YAML file already read and checked with the same bytes, name and outline
    /// is taken from it; the result is the same either way.
    public static func consolidator(
        paths: [String], outline: Outline, strict: Bool, cache: SubmissionCache? = nil, scope: String? = nil,
        progress: (@Sendable (Int, Int) -> Void)? = nil
    ) -> Consolidator {
        var consolidator = Consolidator(outline: outline, strict: strict, scope: scope)
        for entry in SubmissionSources.load(paths, outline: outline, cache: cache, progress: progress) {
            consolidator.add(entry.loaded, file: entry.name, files: entry.files, digests: entry.digests)
        }
        return consolidator
    }

    /// Loads the files on every core, in batches, each file taken by the next thread free
    /// (`Turns`), keeping the results in the files' order so that nothing depends on which
    /// thread read which file or finished first.
    static func load(
        _ files: [String], outline: Outline, cache: SubmissionCache? = nil, progress: (@Sendable (Int, Int) -> Void)?
    ) -> [(loaded: LoadedSubmission, digests: ContentDigests?)] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let results = Slots<(loaded: LoadedSubmission, digests: ContentDigests?)>(count: files.count)
        let batch = 64
        var start = 0
        while start < files.count {
            let end = min(start + batch * workers, files.count)
            let range = start..<end
            let turns = Turns(range)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = turns.take() {
                    let file = files[index]
                    let url = URL(fileURLWithPath: file)
                    results.set(
                        index,
                        cache?.loadDigested(contentsOf: url, shownName: file, outline: outline)
                            ?? (SubmissionLoader.load(contentsOf: url, shownName: file, outline: outline), nil))
                }
            }
            start = end
            progress?(end, files.count)
        }
        cache?.saveStamps()
        return results.all.map { $0 ?? (LoadedSubmission(submission: nil, diagnostics: []), nil) }
    }

    /// The SHA-256 of a submission as a roll-up records it: of the file itself, or, for a unit's
    /// Word and Excel forms, of the two files' digests written one after the other.
    public static func digest(of files: [String]) throws -> String {
        let digests = try files.map { try SHA256Hex.of(fileAt: URL(fileURLWithPath: $0)) }
        return digests.count == 1 ? digests[0] : SHA256Hex.of(Data(digests.joined().utf8))
    }
}
