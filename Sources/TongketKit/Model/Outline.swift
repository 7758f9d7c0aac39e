/// The outline of a summary report (đề cương) and everything around it, loaded from
/// `outline/<programme>/`: plain values, no I/O.
public struct Outline: Sendable {
    public let programme: Programme
    /// The section tree, top level first.
    public let sections: [Section]
    public let units: [ReportingUnit]
    public let thematics: [ThematicAssignment]
    public let appendices: [AppendixTable]
    public let targets: [Target]
    /// Every section in document order, each with its depth (1 for the top level) and its number.
    public let flattened: [NumberedSection]
    /// The sections a unit writes in, that is every section that is not a group.
    public let leafSections: [NumberedSection]
    // Lookups by key, computed once: validation asks them for every key of every file.
    private let sectionIndex: [String: Int]
    private let unitIndex: [String: Int]
    private let appendixIndex: [String: Int]
    private let thematicIndex: [String: Int]

    public init(
        programme: Programme, sections: [Section], units: [ReportingUnit], thematics: [ThematicAssignment],
        appendices: [AppendixTable], targets: [Target]
    ) {
        self.programme = programme
        self.sections = sections
        self.units = units
        self.thematics = thematics
        self.appendices = appendices
        self.targets = targets
        flattened = Self.number(sections, programme: programme) { _ in true }
        leafSections = flattened.filter { !$0.section.isGroup }
        sectionIndex = Self.index(flattened.map(\.section.key))
        unitIndex = Self.index(units.map(\.id))
        appendixIndex = Self.index(appendices.map(\.id))
        thematicIndex = Self.index(thematics.map(\.unitID))
    }

    /// The first position of each key (duplicates are reported by the loader).
    private static func index(_ keys: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (position, key) in keys.enumerated() where result[key] == nil { result[key] = position }
        return result
    }

    /// The sections `keep` lets through, numbered among themselves at each depth.
    private static func number(_ sections: [Section], programme: Programme, keep: (Section) -> Bool) -> [NumberedSection] {
        var result: [NumberedSection] = []
        func walk(_ sections: [Section], depth: Int, parents: [String]) {
            for (index, section) in sections.filter(keep).enumerated() {
                let label = programme.numbering.label(depth: depth, index: index)
                result.append(NumberedSection(section: section, depth: depth, label: label, parents: parents))
                walk(section.children, depth: depth + 1, parents: parents + [section.key])
            }
        }
        walk(sections, depth: 1, parents: [])
        return result
    }

    /// The sections whose keys are in `leaves`, with every group above one of them, numbered among
    /// themselves: a report that leaves out a section has no gap in its numbers.
    public func numbered(including leaves: Set<String>) -> [NumberedSection] {
        let needed = Set(flattened.filter { leaves.contains($0.section.key) }.flatMap { $0.parents + [$0.section.key] })
        return Self.number(sections, programme: programme) { needed.contains($0.key) }
    }

    public func section(_ key: String) -> Section? { sectionIndex[key].map { flattened[$0].section } }
    public func unit(_ id: String) -> ReportingUnit? { unitIndex[id].map { units[$0] } }
    public func appendix(_ id: String) -> AppendixTable? { appendixIndex[id].map { appendices[$0] } }

    /// The thematic assignment of a unit, if the plan gives it one.
    public func thematic(for unitID: String) -> ThematicAssignment? { thematicIndex[unitID].map { thematics[$0] } }

    /// The appendix tables a unit reports figures in.
    public func appendices(for unit: ReportingUnit) -> [AppendixTable] { appendices.filter { $0.isFilled(by: unit) } }
}

/// A section of the outline with the place it has in the tree.
public struct NumberedSection: Sendable {
    public var section: Section
    /// 1 for a part (Phần), 2 for a Roman-numbered section, and so on.
    public var depth: Int
    /// The number as printed: "Phần I", "II.", "3.", "b)".
    public var label: String
    /// Keys of the enclosing sections, outermost first.
    public var parents: [String]

    /// Number and title on one line, "Phần I. KẾT QUẢ…", "2. Cải cách thủ tục hành chính", for
    /// places (terminal, comments) where a part cannot have a line of its own.
    public var inlineHeading: String {
        let title = depth == 1 ? section.title.uppercased() : section.title
        return label.hasPrefix("Phần ") ? "\(label). \(title)" : "\(label) \(title)"
    }
}

/// General facts about the programme being summarised.
public struct Programme: Sendable {
    public var id: String
    public var title: String
    /// The summary line of reports, "Tổng kết thực hiện …".
    public var summary: String
    public var province: String
    /// The place name printed before the date ("Thanh Hóa, ngày …").
    public var place: String
    public var basis: DocumentReference
    public var firstYear: Int
    public var lastYear: Int
    public var phases: [Phase]
    public var unitDeadline: SimpleDate
    public var thematicDeadline: SimpleDate
    public var consolidatedDeadline: SimpleDate
    public var numbering: NumberingScheme
    /// Unit kinds in the order the outline lists them, with their Vietnamese names.
    public var unitKinds: [(id: String, name: String)]
    public var defaultRecipients: [String]
    public var commendationForms: [String]
    /// How the province's consolidated report is issued.
    public var consolidated: ConsolidatedIssuer

    /// The years a figure may be given for.
    public var years: ClosedRange<Int> { firstYear...lastYear }

    public func kindName(_ id: String) -> String { unitKinds.first { $0.id == id }?.name ?? id }
}

/// Who drafts and who issues the consolidated report, and how it is signed and sent.
public struct ConsolidatedIssuer: Sendable {
    /// The unit that drafts it (Sở Nội vụ).
    public var drafterID: String
    /// The issuing body's lines of the header, in capitals.
    public var bodyLines: [String]
    /// The code in its number, "UBND" in "…/BC-UBND".
    public var code: String
    public var signer: Signer
    public var recipients: [String]
}

/// A reference to a document: number, date, issuing body, title.
public struct DocumentReference: Sendable {
    public var number: String
    public var date: SimpleDate
    public var issuer: String
    public var title: String
}

/// A phase of the programme, such as 2011–2015.
public struct Phase: Sendable, Equatable {
    public var name: String
    public var firstYear: Int
    public var lastYear: Int
}

/// A section of the outline.
public struct Section: Sendable {
    /// What a unit writes in a section.
    public enum Kind: String, Sendable {
        /// Markdown prose.
        case text = "van-ban"
        /// One point per item, gathered as lists when reports are merged.
        case list = "danh-sach"
        /// The commendation table, filled from the submission's `khen_thuong` data.
        case commendations = "khen-thuong"
        /// The table of results against targets, built by tongket when it consolidates.
        case targets = "doi-chieu-muc-tieu"
        /// A section with subsections and no text of its own.
        case group = "nhom"
    }

    public var key: String
    public var title: String
    public var guidance: String
    public var kind: Kind
    /// Unit kinds that must fill this section.
    public var requiredFor: Set<String>
    /// Unit kinds that may fill it without having to.
    public var optionalFor: Set<String>
    public var children: [Section]

    public var isGroup: Bool { kind == .group }

    /// Whether units write text here themselves (rather than tongket filling it from data).
    public var isWritten: Bool { kind == .text || kind == .list }

    /// Whether a unit of `kind` writes here in its own report, and must.
    public func requirement(for kind: String) -> Requirement {
        if requiredFor.contains(kind) { return .required }
        if optionalFor.contains(kind) { return .optional }
        return .notApplicable
    }
}

/// Whether a unit must, may or does not write a section.
public enum Requirement: Sendable, Equatable {
    case required
    case optional
    case notApplicable
}

/// A unit that reports: a provincial department, a central agency in the province or a district.
public struct ReportingUnit: Sendable, Equatable {
    public var id: String
    /// The name used in running text, "Sở Tư pháp", "UBND huyện Nga Sơn".
    public var name: String
    /// A unit-kind id from the programme ("so-nganh", "huyen", …).
    public var kind: String
    /// The short code used in document numbers ("STP" in "45/BC-STP").
    public var code: String
    /// The parent body printed above the unit in the header, in capitals.
    public var parentBody: String?
    /// The unit's own lines of the header, in capitals.
    public var bodyLines: [String]
}

/// One of the thematic reports the plan assigns to a department.
public struct ThematicAssignment: Sendable {
    public var number: Int
    public var unitID: String
    public var topic: String
    public var sectionKeys: [String]
    public var appendixIDs: [String]
}

/// A calendar date without time or zone, so that nothing depends on the machine's clock settings.
public struct SimpleDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (lhs: SimpleDate, rhs: SimpleDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// dd/mm/yyyy, the way Vietnamese documents write dates.
    public var description: String {
        "\(pad(day))/\(pad(month))/\(year)"
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
