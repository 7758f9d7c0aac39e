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
    /// The SHA-256 of the files the outline was read from, names and bytes, when it was read from a
    /// folder: any edit to the outline changes it, so what was checked against one version is
    /// never taken for another (`SubmissionCache`). Nil for an outline built in code.
    public package(set) var sourceDigest: String?
    // Lookups by key, computed once: validation asks them for every key of every file.
    private let sectionIndex: [String: Int]
    private let unitIndex: [String: Int]
    private let appendixIndex: [String: Int]
    private let thematicIndex: [String: Int]
    /// Positions of the units each unit consolidates, by parent id ("" for the top).
    let childIndex: [String: [Int]]

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
        childIndex = Self.childIndex(units)
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
