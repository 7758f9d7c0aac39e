/// The tree of units: who reports to whom, read from each unit's kind (its level) and `cap_tren`.
/// Nothing here names a level: a two-tier and a three-tier outline are the same code.
extension Outline {
    /// The units whose reports `parentID` consolidates, in the outline's order; nil asks for the
    /// units that report straight to the consolidating body at the top.
    public func children(of parentID: String?) -> [ReportingUnit] {
        childIndex[parentID ?? ""].map { $0.map { units[$0] } } ?? []
    }

    /// Whether any unit reports to `unitID`.
    public func hasChildren(_ unitID: String) -> Bool { childIndex[unitID] != nil }

    /// The level a unit belongs to through its kind; nil when the outline declares no levels.
    public func level(of unit: ReportingUnit) -> Level? {
        programme.levelIndex(ofKind: unit.kind).map { programme.levels[$0] }
    }

    /// The chain of units above `unit`, nearest first (its parent, its parent's parent, …).
    public func ancestors(of unit: ReportingUnit) -> [ReportingUnit] {
        var result: [ReportingUnit] = []
        var next = unit.parentID
        while let id = next, let parent = self.unit(id), !result.contains(where: { $0.id == id }) {
            result.append(parent)
            next = parent.parentID
        }
        return result
    }

    /// Every unit below `parentID` at any depth, parents before their children.
    public func descendants(of parentID: String?) -> [ReportingUnit] {
        var result: [ReportingUnit] = []
        var seen: Set<String> = []
        func walk(_ id: String?) {
            for child in children(of: id) where seen.insert(child.id).inserted {
                result.append(child)
                walk(child.id)
            }
        }
        walk(parentID)
        return result
    }

    static func childIndex(_ units: [ReportingUnit]) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for (position, unit) in units.enumerated() { result[unit.parentID ?? "", default: []].append(position) }
        return result
    }
}

extension Outline {
    /// The outline as `unit` consolidates its children with it: the same sections, appendices and
    /// units, but the report is issued by `unit` (its header, code and place; its own report's
    /// signer and recipients when there is one), with no thematic reports, which belong to the
    /// top, and no targets, which are the top's commitments and not a part of it.
    public func scoped(to unit: ReportingUnit, own: Submission?) -> Outline {
        var programme = self.programme
        programme.place = unit.place(in: self.programme)
        programme.consolidated = ConsolidatedIssuer(
            drafterID: unit.id, bodyLines: unit.bodyLines, name: unit.name, code: unit.code,
            signer: own?.signer ?? Signer(authority: nil, title: nil, name: nil), recipients: own?.recipients ?? [],
            parentBody: unit.parentBody, reportsFrom: "các đơn vị cấp dưới")
        var scoped = Outline(
            programme: programme, sections: sections, units: units, thematics: [], appendices: appendices, targets: [])
        scoped.sourceDigest = sourceDigest
        return scoped
    }
}

extension Outline {
    /// The recipients a unit's report suggests when it names none: the outline's, which address
    /// the body at the top; for a unit that reports to another (a commune), that unit and the
    /// unit's own archive.
    public func defaultRecipients(for unit: ReportingUnit?) -> [String] {
        guard let parent = unit?.parentID.flatMap(self.unit) else { return programme.defaultRecipients }
        return ["\(parent.name) (để b/c);", "Lưu: VT."]
    }
}
