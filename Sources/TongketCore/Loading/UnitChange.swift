/// The keys of a unit record that say how the unit changed during the programme (`thanh_lap`,
/// `ket_thuc`, `tien_than`, `sap_xep`), kept with where each was written so that the checks
/// across units, made once every unit is read, point at the line to mend.
struct UnitChange {
    static let keys = OutlineKeys.unitChange

    var unitID: String
    var item: Node
    var formed: SimpleDate?
    var formedNode: Node?
    var ended: SimpleDate?
    var endedNode: Node?
    var predecessors: [(id: String, node: Node)] = []
    var act: String?

    static func read(_ u: Fields, unitID: String, at item: Node, _ r: inout NodeReader) -> UnitChange {
        var change = UnitChange(unitID: unitID, item: item)
        if let node = u.node("thanh_lap") {
            change.formed = u.date("thanh_lap", &r)
            change.formedNode = node
        }
        if let node = u.node("ket_thuc") {
            change.ended = u.date("ket_thuc", &r)
            change.endedNode = node
        }
        if let list = u.node("tien_than"), let items = r.sequence(list, "'tien_than' (mã các đơn vị tiền thân)") {
            for entry in items {
                guard let id = r.text(entry, "mỗi phần tử của 'tien_than'") else { continue }
                change.predecessors.append((id, entry))
            }
        }
        change.act = u.optionalText("sap_xep", &r)
        return change
    }

    /// Dates in order, predecessors that exist, ended before their successor was formed, and
    /// no unit its own predecessor.
    static func check(_ changes: [UnitChange], units: [ReportingUnit], _ r: inout NodeReader) {
        let byID = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let ids = units.map(\.id)
        for change in changes {
            if let formed = change.formed, let ended = change.ended, ended < formed, let node = change.endedNode {
                r.report(.error, .badDate, node, "'ket_thuc' (\(ended)) trước 'thanh_lap' (\(formed)) của đơn vị '\(change.unitID)'")
            }
            if !change.predecessors.isEmpty, change.formed == nil, change.formedNode == nil {
                r.report(
                    .error, .missingField, change.item,
                    "đơn vị '\(change.unitID)' có 'tien_than' nên phải ghi 'thanh_lap' (ngày thành lập, như \"01/07/2025\")")
            }
            var listed: Set<String> = []
            for (id, node) in change.predecessors {
                guard listed.insert(id).inserted else {
                    r.report(.error, .duplicate, node, "đơn vị tiền thân '\(id)' bị lặp lại")
                    continue
                }
                guard id != change.unitID else {
                    r.report(.error, .outlineInvalid, node, "đơn vị '\(id)' không thể là tiền thân của chính nó")
                    continue
                }
                guard let predecessor = byID[id] else {
                    r.report(
                        .error, .unknownUnit, node,
                        Suggestion.message(
                            unknown: "đơn vị tiền thân '\(id)' không có trong don-vi.yaml",
                            candidates: ids.filter { $0 != change.unitID }, for: id))
                    continue
                }
                guard let ended = predecessor.ended else {
                    r.report(
                        .error, .missingField, node,
                        "đơn vị tiền thân '\(id)' phải có 'ket_thuc' (ngày cuối cùng đơn vị còn tồn tại, như \"30/06/2025\")")
                    continue
                }
                if let formed = change.formed, !(ended < formed) {
                    r.report(
                        .error, .badDate, node,
                        "đơn vị tiền thân '\(id)' kết thúc ngày \(ended), không trước ngày thành lập \(formed) của '\(change.unitID)'")
                }
            }
        }
        reportCycles(changes, &r)
    }

    /// A chain of predecessors that comes back to where it started, reported once, at the first
    /// unit of the chain in the file.
    private static func reportCycles(_ changes: [UnitChange], _ r: inout NodeReader) {
        // A unit naming itself is reported on its own above.
        let edges = Dictionary(
            changes.map { change in (change.unitID, change.predecessors.map(\.id).filter { $0 != change.unitID }) },
            uniquingKeysWith: { first, _ in first })
        var reported: Set<String> = []
        for change in changes where !reported.contains(change.unitID) {
            // Depth-first from this unit, looking for a path back to it.
            var stack: [(id: String, path: [String])] = (edges[change.unitID] ?? []).map { ($0, [change.unitID, $0]) }
            var seen: Set<String> = []
            while let (id, path) = stack.popLast() {
                if id == change.unitID {
                    reported.formUnion(path)
                    r.report(
                        .error, .outlineInvalid, change.predecessors.first { $0.id == path[1] }?.node ?? change.item,
                        "các đơn vị tiền thân tạo thành vòng: \(path.joined(separator: " → "))")
                    break
                }
                guard seen.insert(id).inserted else { continue }
                for next in edges[id] ?? [] { stack.append((next, path + [next])) }
            }
        }
    }
}
