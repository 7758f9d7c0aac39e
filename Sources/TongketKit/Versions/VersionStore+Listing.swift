import Foundation

extension VersionStore {
    /// The recorded rounds, one line each (date, status, reviewer, how many files, the note), as
    /// `tongket versions` prints them; a round whose manifest does not read is listed as damaged,
    /// so that a listing never hides a round.
    public func listing() -> String {
        let rounds = rounds()
        if rounds.isEmpty { return "'\(report)' chưa có phiên bản nào trong \(root.path)\n" }
        var out = "Phiên bản của '\(report)':\n"
        for round in rounds {
            guard let manifest = try? manifest(round: round) else {
                out += "  lần \(round)  (tệp phiên bản hỏng)\n"
                continue
            }
            let note = manifest.note.isEmpty ? "" : " — \(manifest.note)"
            out +=
                "  lần \(round)  \(manifest.date)  \(manifest.status.rawValue)  \(manifest.reviewer)  (\(manifest.files.count) tệp)\(note)\n"
        }
        return out
    }
}
