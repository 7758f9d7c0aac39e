import Foundation
import TongketCore

/// One section of the Word form, in document order: a group's heading, or a section the unit
/// writes in, held by a block content control tagged `tag` — the outline's section key, or
/// `chuyen-de/KEY` for the same section of a thematic department's thematic report.
struct FormSection {
    var tag: String
    var section: Section
    var thematic: Bool
    /// "II.1. Ban hành văn bản chỉ đạo…", as the heading paragraph shows it.
    var heading: String
    var depth: Int
    /// "II.1", the number by which a message names the section.
    var path: String
    var optional: Bool

    static let thematicPrefix = "chuyen-de/"

    /// How messages name the section: `mục II.1 "Ban hành văn bản chỉ đạo…"`.
    var place: String {
        let title = section.title.count > 48 ? String(section.title.prefix(47)) + "…" : section.title
        return "\(thematic ? "chuyên đề, " : "")mục \(path) \"\(title)\""
    }

    /// Every section of the unit's form: its report's sections, then its thematic report's.
    static func all(for unit: ReportingUnit, outline: Outline) -> [FormSection] {
        var result = sections(outline: outline, thematic: false) { $0.requirement(for: unit.kind) }
        if let assignment = outline.thematic(for: unit.id) {
            result += sections(outline: outline, thematic: true) { assignment.sectionKeys.contains($0.key) ? .required : .notApplicable }
        }
        return result
    }

    private static func sections(outline: Outline, thematic: Bool, requirement: (Section) -> Requirement) -> [FormSection] {
        let leaves = Set(
            outline.leafSections.filter { $0.section.isWritten && requirement($0.section) != .notApplicable }.map(\.section.key))
        var labels: [Int: String] = [:]
        return outline.numbered(including: leaves).map { numbered in
            labels[numbered.depth] = numbered.label
            let path = (1...numbered.depth).compactMap { labels[$0] }.filter { !$0.hasPrefix("Phần") }
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ".)")) }.joined(separator: ".")
            return FormSection(
                tag: (thematic ? thematicPrefix : "") + numbered.section.key, section: numbered.section, thematic: thematic,
                heading: numbered.inlineHeading, depth: numbered.depth, path: path.isEmpty ? numbered.label : path,
                optional: requirement(numbered.section) == .optional)
        }
    }
}
