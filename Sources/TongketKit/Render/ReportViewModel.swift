import CmarkDoor

/// Turns the model into the values templates see: dictionaries with Vietnamese keys (documented
/// in docs/mau.md), with a key left out rather than set to nil, because swift-mustache treats a
/// nil inside a dictionary as true. Unit texts never enter the view model: templates get a
/// marker (`ma_chen`) and the text is grafted into the document tree later, parsed on its own.
enum ReportViewModel {
    /// The parts of a report's view model that depend on the section tree.
    struct SectionPlan {
        var entries: [[String: Any]] = []
        var insertions: [String: Insertion] = [:]
    }

    /// The header: parent body, issuing body, number, place and date.
    static func header(unit: ReportingUnit, number: String, placeAndDate: String, draft: String? = nil) -> [String: Any] {
        var header: [String: Any] = [
            "co_quan": unit.bodyLines.map { ["dong": $0] },
            "so_ky_hieu": number,
            "dia_danh_ngay": placeAndDate,
        ]
        if let parent = unit.parentBody { header["chu_quan"] = parent }
        if let draft { header["du_thao"] = draft }
        return header
    }

    /// The plan the report implements, for the opening sentence.
    static func basis(_ programme: Programme) -> [String: Any] {
        [
            "so": programme.basis.number,
            "ngay": programme.basis.date.description,
            "co_quan": programme.basis.issuer,
            "noi_dung": programme.summary.lowercasedFirst,
        ]
    }

    static func signature(_ signer: Signer) -> [String: Any] {
        var block: [String: Any] = ["chuc_vu": signer.title ?? "", "ho_ten": signer.name ?? ""]
        if let authority = signer.authority { block["quyen_han"] = authority }
        return block
    }

    static func recipients(_ lines: [String]) -> [[String: Any]] {
        lines.map { ["dong": $0] }
    }

    /// Section entries for the sections in `included` (leaf keys), with every group above one
    /// of them, in outline order; `content` gives each included leaf its insertion. Numbers count
    /// only the sections shown, so a unit's report has no gaps where it wrote nothing.
    static func sections(
        _ outline: Outline, included: Set<String>, guidance: Bool = false, content: (Section) -> Insertion?
    ) -> SectionPlan {
        var plan = SectionPlan()
        for numbered in outline.numbered(including: included) {
            let section = numbered.section
            let style = outline.programme.numbering.style(depth: numbered.depth)
            var entry: [String: Any] = [
                "so": numbered.label,
                "ten": style.usesCapitals ? section.title.uppercased() : section.title,
                "cap": String(repeating: "#", count: min(numbered.depth, 6)),
                "ma": section.key,
            ]
            if style == .part { entry["la_phan"] = true }
            if guidance, !section.guidance.isEmpty, !section.isGroup { entry["huong_dan"] = section.guidance }
            if included.contains(section.key), let insertion = content(section) {
                let key = "muc:\(section.key)"
                entry["ma_chen"] = key
                plan.insertions[key] = insertion.shifted(below: min(numbered.depth, 6))
            }
            plan.entries.append(entry)
        }
        return plan
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
}

extension NumberingScheme.Style {
    /// Nghị định 30 writes part and Roman-numbered section titles in capitals.
    public var usesCapitals: Bool { self == .part || self == .roman }
}
