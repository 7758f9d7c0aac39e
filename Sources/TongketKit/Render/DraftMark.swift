/// The mark a report carries above its header while it is under review: "DỰ THẢO LẦN 2".
/// Rendering prints it; the version store reads it back to check an output is the round it
/// records.
public enum DraftMark {
    /// The words before the round's number.
    public static let prefix = "DỰ THẢO LẦN "

    /// The mark of review round `round`.
    public static func text(round: Int) -> String { prefix + String(round) }
}
