extension OutlineBuilder {
    /// `cap`: the levels that report, lowest first, each with its unit kinds.
    mutating func readLevels(_ node: Node?, _ r: inout NodeReader) -> [Level] {
        guard let node, let items = r.sequence(node, "cap") else { return [] }
        var levels: [Level] = []
        var owner: [String: String] = [:]
        for item in items {
            guard let pairs = r.mapping(item, "cấp") else { continue }
            r.checkKeys(pairs, allowed: OutlineKeys.level, in: "cấp")
            let f = Fields(pairs, item)
            guard let id = f.text("ma", &r), let name = f.text("ten", &r) else { continue }
            if levels.contains(where: { $0.id == id }) { r.report(.error, .duplicate, item, "mã cấp '\(id)' bị lặp lại") }
            var kinds: [String] = []
            let written = f.texts("loai_don_vi", &r) { location, kind in
                self.references.append((location, .unitKind(kind)))
            }
            for kind in written {
                if let other = owner[kind] {
                    r.report(.error, .outlineInvalid, item, "loại đơn vị '\(kind)' đã thuộc cấp '\(other)'; mỗi loại chỉ thuộc một cấp")
                } else {
                    owner[kind] = id
                    kinds.append(kind)
                }
            }
            if written.isEmpty { r.report(.error, .missingField, item, "cấp '\(id)' chưa ghi 'loai_don_vi' nào") }
            levels.append(Level(id: id, name: name, kinds: kinds))
        }
        return levels
    }

    /// Levels against kinds and units, once every file is read: with levels declared, every kind
    /// is in one; a unit's `cap_tren` is a known unit of a higher level (so the tree has no
    /// loop), written at the place of the `cap_tren`.
    func levelProblems(_ programme: Programme, at location: (SourceLocation, Reference), units byID: [String: ReportingUnit])
        -> Diagnostic?
    {
        guard case .parent(let unitID, let parentID) = location.1 else { return nil }
        guard let unit = byID[unitID] else { return nil }
        guard let parent = byID[parentID] else {
            return Diagnostic(
                .error, .unknownUnit, at: location.0,
                Suggestion.message(
                    unknown: "đơn vị cấp trên '\(parentID)' không có trong don-vi.yaml", candidates: units.map(\.id), for: parentID))
        }
        if parent.id == unit.id {
            return Diagnostic(.error, .outlineInvalid, at: location.0, "đơn vị '\(unitID)' không thể là cấp trên của chính nó")
        }
        let below = programme.levelIndex(ofKind: unit.kind)
        let above = programme.levelIndex(ofKind: parent.kind)
        if let below, let above, above <= below {
            let name = { (index: Int) in programme.levels[index].name.lowercased() }
            return Diagnostic(
                .error, .outlineInvalid, at: location.0,
                "cấp trên của '\(unitID)' (\(name(below))) phải là đơn vị ở cấp cao hơn; '\(parentID)' thuộc \(name(above))")
        }
        if programme.levels.isEmpty && parent.parentID != nil {
            return Diagnostic(
                .error, .outlineInvalid, at: location.0,
                "đề cương chưa khai báo các cấp ('cap' trong chuong-trinh.yaml): chỉ được một tầng cấp trên; khai báo 'cap' để có nhiều tầng"
            )
        }
        return nil
    }

    /// With levels declared, the kinds no level lists, reported at chuong-trinh.yaml.
    func unleveledKinds(_ programme: Programme) -> [Diagnostic] {
        guard !programme.levels.isEmpty else { return [] }
        return programme.unitKinds.map(\.id).filter { programme.levelIndex(ofKind: $0) == nil }.map {
            Diagnostic(
                .error, .outlineInvalid, at: SourceLocation(file: OutlineLoader.FileName.programme, line: 1, column: 1),
                "loại đơn vị '\($0)' chưa thuộc cấp nào: ghi vào 'loai_don_vi' của một mục trong 'cap'")
        }
    }
}
