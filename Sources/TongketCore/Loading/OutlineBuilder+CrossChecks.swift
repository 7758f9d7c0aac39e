extension OutlineBuilder {
    /// The outline, once every file is read: duplicate section keys and every reference a file
    /// makes to another (unit kinds, units, sections, appendices, indicators) checked, each
    /// error at the place the reference was written.
    mutating func finish() -> (Outline?, [Diagnostic]) {
        guard let programme else { return (nil, diagnostics) }
        let kindIDs = Set(programme.unitKinds.map(\.id))
        let unitIDs = Set(units.map(\.id))
        let unitsByID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var keys: [String: Int] = [:]
        func count(_ sections: [Section]) {
            for section in sections {
                keys[section.key, default: 0] += 1
                count(section.children)
            }
        }
        count(sections)
        for (key, n) in keys where n > 1 {
            diagnostics.append(
                Diagnostic(
                    .error, .duplicate, at: SourceLocation(file: OutlineLoader.FileName.sections, line: 1, column: 1),
                    "khóa mục '\(key)' xuất hiện \(n) lần"))
        }
        for (location, reference) in references {
            switch reference {
            case .unitKind(let id) where !kindIDs.contains(id):
                diagnostics.append(
                    Diagnostic(
                        .error, .outlineInvalid, at: location,
                        Suggestion.message(
                            unknown: "loại đơn vị '\(id)' không có trong chuong-trinh.yaml", candidates: Array(kindIDs), for: id)))
            case .unit(let id) where !unitIDs.contains(id):
                diagnostics.append(
                    Diagnostic(
                        .error, .unknownUnit, at: location,
                        Suggestion.message(unknown: "đơn vị '\(id)' không có trong don-vi.yaml", candidates: Array(unitIDs), for: id)))
            case .unitOrKind(let id) where !unitIDs.contains(id) && !kindIDs.contains(id):
                diagnostics.append(Diagnostic(.error, .unknownUnit, at: location, "'\(id)' không phải mã đơn vị hay loại đơn vị"))
            case .section(let key) where keys[key] == nil:
                diagnostics.append(
                    Diagnostic(
                        .error, .unknownSection, at: location,
                        Suggestion.message(unknown: "mục '\(key)' không có trong đề cương", candidates: Array(keys.keys), for: key)))
            case .appendix(let id) where !appendices.contains(where: { $0.id == id }):
                diagnostics.append(Diagnostic(.error, .unknownAppendix, at: location, "phụ lục '\(id)' không có trong thư mục phu-luc"))
            case .indicator(let table, let indicator):
                if appendices.first(where: { $0.id == table })?.indicator(indicator) == nil {
                    diagnostics.append(Diagnostic(.error, .unknownIndicator, at: location, "chỉ tiêu '\(table)/\(indicator)' không có"))
                }
            case .parent:
                if let problem = levelProblems(programme, at: (location, reference), units: unitsByID) { diagnostics.append(problem) }
            default: break
            }
        }
        diagnostics += unleveledKinds(programme)
        let outline = Outline(
            programme: programme, sections: sections, units: units, thematics: thematics, appendices: appendices, targets: targets)
        return (outline, diagnostics)
    }
}
