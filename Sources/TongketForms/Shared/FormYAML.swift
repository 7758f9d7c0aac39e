/// The YAML text a form is read into, built line by line, each line remembering the place in the
/// form it came from, so that a problem the submission checker finds on a line is told to the
/// user as the sheet and cell (or section and paragraph) they filled.
struct FormYAML {
    private(set) var lines: [String] = []
    /// The form place of each line, by 1-based line number; lines with none (the unit id, keys
    /// that only group) are not places the user filled.
    private(set) var places: [Int: FormPlace] = [:]

    /// The place of the table (sheet, section) each line belongs to.
    private(set) var tables: [Int: String] = [:]
    private var table: String?

    mutating func append(_ line: String, place: String? = nil) {
        append(line, at: place.map(FormPlace.text))
    }

    mutating func append(_ line: String, at place: FormPlace?) {
        lines.append(line)
        if let place { places[lines.count] = place }
        if let table { tables[lines.count] = table }
    }

    /// Lines appended from now on belong to the table at `place`.
    mutating func enter(table place: String?) { table = place }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
