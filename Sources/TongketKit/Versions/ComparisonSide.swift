import Foundation
import TongketCore
import TongketDocument

/// One side of a comparison of a report's versions: its Markdown, and how the comparison's
/// title names it. Markdown, because every version holds it and a redline reads it.
public struct ComparisonSide: Sendable, Equatable {
    /// The side's Markdown, as recorded or as found.
    public var markdown: String
    /// "lần 2 (đã rà soát, 15/06/2020)", "hiện tại", or the path as the user gave it.
    public var name: String

    /// A side with its text and its name in the comparison's title.
    public init(markdown: String, name: String) {
        self.markdown = markdown
        self.name = name
    }

    /// The words that name the report's current output rather than a round or a file.
    static let currentWords: Set<String> = ["hien-tai", "hiện-tại"]

    /// The side `word` names: a recorded round ("2"), the report's current output ("hien-tai"),
    /// or any other word as the path of a Markdown file.
    public static func resolve(_ word: String, in store: VersionStore) throws(ComparisonError) -> ComparisonSide {
        let fileName = "\(store.report).\(DocumentFormat.markdown.rawValue)"
        if let round = Int(word) {
            let recorded = store.rounds()
            guard recorded.contains(round) else { throw .unknownRound(report: store.report, round: round, recorded: recorded) }
            // A damaged manifest still leaves the round's Markdown to compare, only less well named.
            let name = (try? store.manifest(round: round)).map { "lần \(round) (\($0.status.rawValue), \($0.date))" } ?? "lần \(round)"
            return ComparisonSide(markdown: try read(store.folder(round: round).appendingPathComponent(fileName)), name: name)
        }
        if currentWords.contains(word) {
            return ComparisonSide(markdown: try read(store.directory.appendingPathComponent(fileName)), name: "hiện tại")
        }
        return ComparisonSide(markdown: try read(URL(fileURLWithPath: word)), name: word)
    }

    private static func read(_ url: URL) throws(ComparisonError) -> String {
        guard let data = try? Data(contentsOf: url) else { throw .unreadable(path: url.path) }
        return String(decoding: data, as: UTF8.self)
    }
}
