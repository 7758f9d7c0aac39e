import Crypto
import Foundation
import TongketCore

/// A short digest of everything in the outline a form depends on (the programme, its years, the
/// units, the sections and the appendix tables with their indicators), written into each form:
/// a form made from another version of the outline lays out other cells and must be refused,
/// while a change that touches no form (a target, a guidance text) keeps the forms in use.
package enum OutlineFingerprint {
    package static func of(_ outline: Outline) -> String {
        var lines: [String] = []
        let programme = outline.programme
        lines.append("programme \(programme.id) \(programme.firstYear) \(programme.lastYear)")
        for phase in programme.phases { lines.append("phase \(phase.firstYear) \(phase.lastYear)") }
        for unit in outline.units { lines.append("unit \(unit.id) \(unit.kind)") }
        for numbered in outline.flattened {
            lines.append("section \(numbered.section.key) \(numbered.section.kind) \(numbered.depth)")
        }
        for table in outline.appendices {
            lines.append("appendix \(table.id) \(table.number) \(table.filledBy.joined(separator: ","))")
            for indicator in table.indicators {
                lines.append(
                    "indicator \(indicator.id) \(indicator.type.rawValue) \(indicator.aggregation.keyword) \(indicator.filledBy.joined(separator: ","))"
                )
            }
        }
        let digest = SHA256.hash(data: Data(lines.joined(separator: "\n").utf8))
        return Hex.lowercase(digest.prefix(8))
    }
}
