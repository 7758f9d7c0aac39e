import Foundation

/// Reads every submission the user pointed at into a consolidator, one file at a time, so that
/// only what the draft needs stays in memory.
public enum SubmissionFolder {
    public static func consolidator(
        paths: [String], outline: Outline, strict: Bool, progress: ((Int, Int) -> Void)? = nil
    ) -> Consolidator {
        let files = SubmissionFiles.expand(paths)
        var consolidator = Consolidator(outline: outline, strict: strict)
        for (index, file) in files.enumerated() {
            consolidator.add(SubmissionLoader.load(contentsOf: URL(fileURLWithPath: file), shownName: file, outline: outline), file: file)
            progress?(index + 1, files.count)
        }
        return consolidator
    }
}

extension SimpleDate {
    /// Today in the machine's time zone: only for "as of today" questions such as who is late;
    /// nothing written into a report comes from the clock.
    public static func today() -> SimpleDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return SimpleDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
