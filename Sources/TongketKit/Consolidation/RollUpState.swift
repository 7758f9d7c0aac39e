import Foundation
import TongketCore

/// How a unit with children stands at the level above: how many of its children have reported
/// in its folder, and whether its rolled-up report still matches their files.
public struct RollUpState: Sendable, Equatable {
    /// Children with a usable report in the unit's folder, and children expected.
    public var reported: Int
    public var expected: Int
    /// Why the rolled-up report no longer matches its children's files; empty when it does.
    public var staleReasons: [String]
    /// Whether the report received is a roll-up at all (`tong_hop_tu`).
    public var isRolledUp: Bool
    /// How many children's reports the roll-up was made from.
    public var rolledUpFrom = 0

    public var isStale: Bool { !staleReasons.isEmpty }

    /// "tổng hợp từ 4/5 đơn vị cấp dưới", then what went stale.
    public var summary: String {
        var text = isRolledUp ? "tổng hợp từ \(rolledUpFrom)/\(expected) đơn vị cấp dưới" : "cấp dưới đã gửi \(reported)/\(expected)"
        if isStale { text += "; CẦN TỔNG HỢP LẠI: " + staleReasons.joined(separator: "; ") }
        return text
    }
}

extension SubmissionFolder {
    /// The roll-up state of every unit in `statuses` that has children, read from the folder
    /// named by its id beside the file it sent (`bao-cao/h-nga-son/` for `bao-cao/h-nga-son.yaml`,
    /// docs/cap-bao-cao.md); a unit with no such folder is left as it is.
    public static func checkRollUps(_ statuses: inout [SubmissionStatus], consolidator: Consolidator) {
        let outline = consolidator.outline
        for index in statuses.indices {
            let unit = statuses[index].unit
            guard outline.hasChildren(unit.id), let file = statuses[index].files.first else { continue }
            let folder = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent(unit.id)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let shown = (file as NSString).deletingLastPathComponent
            statuses[index].rollUp = rollUpState(
                of: unit, folder: shown.isEmpty ? unit.id : shown + "/" + unit.id, rollUp: consolidator.submission(of: unit.id)?.rollUp,
                outline: outline)
        }
    }

    /// Compares the roll-up's sources with the files now in `folder`. A YAML file whose SHA-256
    /// is one the roll-up recorded is that unit's report, unchanged, and is not read again: only
    /// new or changed files (and forms, paired by the unit id inside them) are read, so that the
    /// province's status does not re-read every commune of every district.
    static func rollUpState(of unit: ReportingUnit, folder: String, rollUp: RollUp?, outline: Outline) -> RollUpState {
        let expectedIDs = Set(outline.children(of: unit.id).filter(outline.expectsReport).map(\.id))
        let recorded = Dictionary(rollUp?.sources.map { ($0.unitID, $0.sha256) } ?? [], uniquingKeysWith: { first, _ in first })
        let recordedByDigest = Dictionary(recorded.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var current: [String: [String]] = [:]
        var unread: [String] = []
        for file in SubmissionFiles.expand([folder], forms: true) {
            let isYAML = file.hasSuffix(".yaml") || file.hasSuffix(".yml")
            if isYAML, let digest = try? digest(of: [file]), let unitID = recordedByDigest[digest] {
                current[unitID, default: []].append(digest)
            } else {
                unread.append(file)
            }
        }
        if !unread.isEmpty {
            let read = consolidator(paths: unread, outline: outline, strict: false, scope: unit.id)
            for (unitID, file) in read.usedFiles {
                if let digest = try? digest(of: read.sourceFiles[file] ?? [file]) { current[unitID, default: []].append(digest) }
            }
        }
        var state = RollUpState(
            reported: current.keys.filter(expectedIDs.contains).count, expected: expectedIDs.count, staleReasons: [],
            isRolledUp: rollUp != nil)
        guard let rollUp else {
            if state.reported > 0 {
                state.staleReasons.append(
                    "báo cáo đã gửi chưa tổng hợp từ báo cáo của cấp dưới (chạy tongket consolidate --for \(unit.id))")
            }
            return state
        }
        state.rolledUpFrom = rollUp.sources.filter { $0.unitID != unit.id }.count
        let name = { (id: String) in outline.unit(id)?.name ?? id }
        for unitID in [unit.id] + outline.children(of: unit.id).map(\.id) {
            switch (recorded[unitID], current[unitID]) {
            case (nil, nil): continue
            case (nil, .some): state.staleReasons.append("\(name(unitID)) gửi báo cáo sau khi tổng hợp")
            case (.some, nil): state.staleReasons.append("không còn báo cáo hợp lệ của \(name(unitID)) đã dùng khi tổng hợp")
            case (.some(let before), .some(let now)) where now != [before]:
                state.staleReasons.append(
                    now.count > 1 ? "có \(now.count) tệp cho \(name(unitID))" : "báo cáo của \(name(unitID)) đã thay đổi sau khi tổng hợp")
            default: continue
            }
        }
        return state
    }
}
