import CmarkDoor
import TongketCore
import TongketDocument

/// The sections a report shows, as the views its template numbers and titles, and the content
/// each one's insertion marker stands for.
struct SectionPlan {
    var entries: [SectionView] = []
    var insertions: [InsertionKey: Insertion] = [:]

    /// Section entries for the sections in `included` (leaf keys), with every group above one of
    /// them, in outline order; `content` gives each included leaf its insertion. Numbers count
    /// only the sections shown, so a unit's report has no gaps where it wrote nothing.
    init(_ outline: Outline, included: Set<String>, guidance: Bool = false, content: (Section) -> Insertion?) {
        for numbered in outline.numbered(including: included) {
            let section = numbered.section
            let style = outline.programme.numbering.style(depth: numbered.depth)
            var entry = SectionView(
                number: numbered.label, title: style.usesCapitals ? section.title.uppercased() : section.title,
                headingMarks: String(repeating: "#", count: min(numbered.depth, 6)), key: section.key, isPart: style == .part)
            if guidance, !section.guidance.isEmpty, !section.isGroup { entry.guidance = section.guidance }
            if included.contains(section.key), let insertion = content(section) {
                let key = InsertionKey.section(section.key)
                entry.insertion = key
                insertions[key] = insertion.shifted(below: min(numbered.depth, 6))
            }
            entries.append(entry)
        }
    }
}

extension SectionPlan {
    /// How the report cites each of its sections, by the numbers it shows: "Phần I, mục
    /// II.4.a: Nguyên nhân khách quan" (the part, then the numbers below it, then the title).
    func citations(_ outline: Outline) -> [String: String] {
        var result: [String: String] = [:]
        var chain: [String] = []
        var part: String?
        for entry in entries {
            let depth = entry.headingMarks.count
            if entry.isPart {
                part = entry.number
                chain = []
                continue
            }
            let level = depth - (part == nil ? 1 : 2)
            chain = Array(chain.prefix(max(0, level)))
            chain.append(String(entry.number.reversed().drop { $0 == "." || $0 == ")" }.reversed()))
            let title = outline.section(entry.key)?.title ?? entry.title
            let place = "mục " + chain.joined(separator: ".") + ": " + title
            result[entry.key] = part.map { "\($0), \(place)" } ?? place
        }
        return result
    }
}

extension Insertion {
    /// The same insertion with its headings placed below `level`.
    func shifted(below level: Int) -> Insertion {
        switch self {
        case .fragment(let text, _): return .fragment(text, belowHeadingLevel: level)
        case .list(let items, _): return .list(items, belowHeadingLevel: level)
        case .sourcedFragments(let pieces, _): return .sourcedFragments(pieces, belowHeadingLevel: level)
        case .sourcedList(let pieces, _): return .sourcedList(pieces, belowHeadingLevel: level)
        case .sequence(let parts): return .sequence(parts.map { $0.shifted(below: level) })
        case .native: return self
        }
    }

    /// A table or chart the writers render natively, named by its key.
    static func native(_ key: InsertionKey) -> Insertion { .native(id: key.marker) }
}

extension InsertionKey {
    /// The table of results against targets.
    static let targets = InsertionKey.table("muc-tieu")
    /// The table of commendation proposals.
    static let commendations = InsertionKey.table("khen-thuong")
    /// The draft's annex: who has reported.
    static let submissionStatus = InsertionKey.table("tinh-hinh-nop")
    /// The annex of the units' own material, where the province's text stands in the body.
    static let unitMaterial = InsertionKey.annex("tong-hop-don-vi")
    /// The annex naming every unit behind a point shared by many.
    static let sharedPoints = InsertionKey.table("noi-dung-chung")

    /// An appendix's table.
    static func appendix(_ table: AppendixTable) -> InsertionKey { .table(table.id) }

    /// The chart of one key indicator of an appendix.
    static func chart(_ table: AppendixTable, _ indicator: Indicator) -> InsertionKey { .chart("\(table.id)/\(indicator.id)") }

    /// The table of comments of the `number`-th group.
    static func comments(group number: Int) -> InsertionKey { .table("gop-y-\(number)") }
}

extension NumberingScheme.Style {
    /// Nghị định 30 writes part and Roman-numbered section titles in capitals.
    public var usesCapitals: Bool { self == .part || self == .roman }
}
