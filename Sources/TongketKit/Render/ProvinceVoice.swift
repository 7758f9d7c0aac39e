import CmarkDoor
import Foundation
import TongketCore

/// Where the units' material stands when the drafting body has written a section itself.
public enum UnitTextPlacement: String, Sendable, CaseIterable {
    /// Under the province's text, in a marked block of the same section (drafts).
    case inline = "trong-muc"
    /// In the annex "Tổng hợp báo cáo của các cơ quan, đơn vị" (final reports).
    case annex = "phu-luc"
}

/// The consolidated report in the province's voice: the drafting body's own text leads each
/// section it wrote; the units' material follows it in a marked block or goes to the annex; units'
/// proposals to the province itself (sections the outline marks `de_xuat_voi: co-quan-tong-hop`)
/// always go to the annex, never among the province's own proposals. The outline's bound
/// sentences (`cau_so_lieu`) head their sections, stating the consolidated figures.
struct ProvinceVoice {
    let consolidation: Consolidation
    let outline: Outline
    let placement: UnitTextPlacement
    /// The units' material of every section, merged once (`MergedMaterial`).
    let material: MergedMaterial
    /// What the body shows instead of a section's material that is not merged now: the digest
    /// its kept output is found by (`DraftPieceKeys`).
    var standIns: [String: Insertion] = [:]
    /// The outline's bound sentences of each section, filled (`FigureSentenceFiller`): the plan of
    /// the body asks for them, then each section's heading, and a draft with a cache is planned
    /// twice; each asks every unit's figures for a "highest" or "lowest".
    let statedFigures: [String: String]

    /// `later`: the sections whose material is merged only if asked for. `stated`: the filled
    /// sentences of an earlier voice of the same consolidation (`statedFigures`).
    init(
        consolidation: Consolidation, outline: Outline, placement: UnitTextPlacement, later: Set<String> = [],
        stated: [String: String]? = nil
    ) {
        self.consolidation = consolidation
        self.outline = outline
        self.placement = placement
        material = MergedMaterial(
            consolidation.contributions, lists: Self.lists(outline), unitNames: Self.unitNames(outline), later: later)
        statedFigures = stated ?? Self.stated(consolidation, outline)
    }

    /// The filled sentences of every section that has any, one section per piece of work.
    static func stated(_ consolidation: Consolidation, _ outline: Outline) -> [String: String] {
        let filler = FigureSentenceFiller(consolidation: consolidation, programme: outline.programme)
        let sections = outline.leafSections.map(\.section).filter { !$0.figureSentences.isEmpty }
        let slots = Slots<String>(count: sections.count)
        DispatchQueue.concurrentPerform(iterations: sections.count) { index in
            if let paragraph = filler.paragraph(for: sections[index]) { slots.set(index, paragraph) }
        }
        var stated: [String: String] = [:]
        for (section, paragraph) in zip(sections, slots.all) { stated[section.key] = paragraph }
        return stated
    }

    /// The list sections.
    static func lists(_ outline: Outline) -> Set<String> {
        Set(outline.leafSections.filter { $0.section.kind == .list }.map(\.section.key))
    }

    /// Every unit's name, by which a point passed up is known.
    static func unitNames(_ outline: Outline) -> Set<String> { Set(outline.units.map(\.name)) }

    /// "**Tổng hợp từ báo cáo của các cơ quan, đơn vị:**", or of the units below a district.
    var materialLead: String { "**Tổng hợp từ báo cáo của \(outline.programme.consolidated.reportsFrom):**" }

    /// Whether the units' material of `section` leaves the body for the annex.
    func movesToAnnex(_ section: Section) -> Bool {
        guard consolidation.contributions[section.key] != nil else { return false }
        if section.proposalsTo == .consolidatingBody { return true }
        return placement == .annex && consolidation.drafting[section.key] != nil
    }

    /// The leaf sections the body shows.
    var bodySections: Set<String> {
        var keys = Set(consolidation.drafting.keys)
        keys.formUnion(statedFigures.keys)
        for key in consolidation.contributions.keys {
            if let section = outline.section(key), !movesToAnnex(section) { keys.insert(key) }
        }
        return keys
    }

    /// What the body shows in `section`: the province's text, then (inline) the units' material.
    func body(_ section: Section) -> Insertion? {
        let own = consolidation.drafting[section.key].map(Self.insertion)
        let units = standIns[section.key] ?? material.insertion(section.key)
        var parts: [Insertion] = []
        if let own { parts.append(own) }
        if let units, !movesToAnnex(section) {
            if own != nil { parts.append(.fragment(materialLead, belowHeadingLevel: 1)) }
            parts.append(units)
        }
        return headed(section, parts)
    }

    /// `parts` under the section's stated figures, if it has any.
    func headed(_ section: Section, _ parts: [Insertion]) -> Insertion? {
        var all = parts
        if let stated = statedFigures[section.key] { all.insert(.fragment(Self.escapedText(stated), belowHeadingLevel: 1), at: 0) }
        if all.isEmpty { return nil }
        return all.count == 1 ? all[0] : .sequence(all)
    }

    /// The annex of units' material, section by section under the draft's own citation of each
    /// (or its title, for a section the body does not show), or nil when nothing moved.
    func annex(citations: [String: String]) -> Insertion? {
        var parts: [Insertion] = []
        for numbered in outline.leafSections where numbered.section.isWritten && movesToAnnex(numbered.section) {
            let section = numbered.section
            guard let units = material.insertion(section.key) else { continue }
            let title = citations[section.key] ?? section.title
            parts.append(.fragment("**" + Self.escaped(title) + "**", belowHeadingLevel: 1))
            parts.append(units)
        }
        return parts.isEmpty ? nil : .sequence(parts)
    }

    static func insertion(_ content: SectionContent) -> Insertion {
        switch content {
        case .text(let text): return .fragment(text, belowHeadingLevel: 1)
        case .list(let items): return .list(items, belowHeadingLevel: 1)
        }
    }

    /// A filled sentence as literal Markdown text (a figure's "%" or "*" stays a character).
    static func escapedText(_ text: String) -> String { escaped(text) }

    /// A title from the outline as literal Markdown text.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            if "\\`*_[]<>#!|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }
}
