import Foundation

/// A synthetic simulation by level (`tongket generate --communes N --districts N --provinces N`):
/// a tree of units and their reports laid out in folders as a province's office keeps them
/// (docs/cap-bao-cao.md), so that each level can be rolled up in turn and measured.
///
/// - `provinces` 0: one province. Its departments and districts report to it; each district's
///   communes report to the district (`districts` 0: the communes report to the province, the
///   two-tier shape of 2025).
/// - `provinces` ≥ 1: a national simulation. Each province is a unit (kind `tinh`) whose
///   departments and districts report to it, and the top receives the provinces. The outline is
///   copied with a level above the province added and `tinh` written wherever `huyen` writes, so
///   a province's own report and roll-up have sections and figures: a simulation outline, not one
///   for real use.
///
/// Reports are written at `bao-cao/` for the top's children, `bao-cao/P/` for the children of P
/// (and P's own report), and so on down; the reports rolled up by `consolidate --for` are not
/// written here, they are what the benchmark makes.
public struct SyntheticTree: Sendable {
    public var provinces: Int
    public var districts: Int
    public var communes: Int
    public var departments: Int
    public var seed: UInt64

    public init(provinces: Int, districts: Int, communes: Int, departments: Int, seed: UInt64) {
        self.provinces = provinces
        self.districts = districts
        self.communes = communes
        self.departments = departments
        self.seed = seed
    }

    /// One unit of the tree with the folder its report goes in (relative to `bao-cao/`); nil
    /// for the place of a report the benchmark rolls up (a district's in its province's folder).
    struct Node {
        var unit: ReportingUnit
        var folder: String?
    }

    /// Writes `directory/de-cuong/` and `directory/bao-cao/…`; returns how many reports were written.
    @discardableResult
    public func write(outline: Outline, outlineDirectory: URL, to directory: URL) throws -> Int {
        let manager = FileManager.default
        let outlineCopy = directory.appendingPathComponent("de-cuong")
        let reports = directory.appendingPathComponent("bao-cao")
        try? manager.removeItem(at: outlineCopy)
        try? manager.removeItem(at: reports)
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.copyItem(at: outlineDirectory, to: outlineCopy)
        if provinces > 0 { try Self.addProvinceLevel(in: outlineCopy) }
        let nodes = tree(outline)
        let generator = SyntheticGenerator(units: 0, seed: seed)
        try Data(generator.registryYAML(Self.registry(nodes)).utf8).write(
            to: outlineCopy.appendingPathComponent(OutlineLoader.FileName.units))
        // The outline as the reports will be read against it (kinds and sections of the copy).
        let copied = try OutlineLoader.load(from: outlineCopy)
        var random = SplitMix64(seed: seed)
        var written = 0
        for node in nodes {
            guard let name = node.folder else { continue }
            let folder = name.isEmpty ? reports : reports.appendingPathComponent(name)
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let unit = copied.unit(node.unit.id) ?? node.unit
            let text = generator.submission(for: unit, outline: copied, random: &random)
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(unit.id).yaml"))
            written += 1
        }
        return written
    }

    /// The units, parents before children: the outline's drafter and thematic departments (they
    /// report to the top), then the synthetic tree.
    func tree(_ outline: Outline) -> [Node] {
        let kept = Set(outline.thematics.map(\.unitID) + [outline.programme.consolidated.drafterID])
        var nodes = outline.units.filter { kept.contains($0.id) }.map { unit -> Node in
            var top = unit
            top.parentID = nil
            return Node(unit: top, folder: "")
        }
        func unit(_ id: String, _ name: String, _ kind: String, parent: String?, place: String? = nil) -> ReportingUnit {
            ReportingUnit(
                id: id, name: name, kind: kind, code: "UBND", parentBody: nil, bodyLines: [name.uppercased()], place: place,
                parentID: parent)
        }
        func province(_ prefix: String, parent: String?, folder: String) {
            for d in 0..<departments {
                let id = "\(prefix)s-\(Self.number(d + 1))"
                nodes.append(Node(unit: unit(id, "Sở thử \(prefix)\(d + 1)", "so-nganh", parent: parent), folder: folder))
            }
            if districts == 0 {
                for x in 0..<communes {
                    let id = "\(prefix)x-\(Self.number(x + 1))"
                    nodes.append(Node(unit: unit(id, "UBND xã thử \(prefix)\(x + 1)", "xa", parent: parent), folder: folder))
                }
                return
            }
            for h in 0..<districts {
                let district = "\(prefix)h-\(Self.number(h + 1))"
                let name = "UBND huyện thử \(prefix)\(h + 1)"
                nodes.append(Node(unit: unit(district, name, "huyen", parent: parent, place: "Huyện \(prefix)\(h + 1)"), folder: nil))
                let below = folder.isEmpty ? district : folder + "/" + district
                // The district's own report sits with its communes'.
                nodes.append(Node(unit: unit(district, name, "huyen", parent: parent), folder: below))
                for x in 0..<communes {
                    let id = "\(district)-x-\(Self.number(x + 1))"
                    nodes.append(Node(unit: unit(id, "UBND xã thử \(district)-\(x + 1)", "xa", parent: district), folder: below))
                }
            }
        }
        if provinces == 0 {
            province("", parent: nil, folder: "")
        } else {
            for p in 0..<provinces {
                let id = "t-\(Self.number(p + 1))"
                nodes.append(Node(unit: unit(id, "UBND tỉnh thử \(p + 1)", "tinh", parent: nil, place: "Tỉnh \(p + 1)"), folder: id))
                province("\(id)-", parent: id, folder: id)
            }
        }
        return nodes
    }

    /// Registry order without the second entry of a district (its own report's place).
    static func registry(_ nodes: [Node]) -> [ReportingUnit] {
        var seen: Set<String> = []
        return nodes.map(\.unit).filter { seen.insert($0.id).inserted }
    }

    static func number(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    /// A level above the province, for a national simulation: kind `tinh` on top of the outline's
    /// levels, departments moved down beside the districts (both report to a province), and `tinh`
    /// written wherever `huyen` is in the sections' and appendices' lists.
    static func addProvinceLevel(in folder: URL) throws {
        let programme = folder.appendingPathComponent(OutlineLoader.FileName.programme)
        var text = try String(contentsOf: programme, encoding: .utf8)
        guard let start = text.range(of: "\ncap:\n"), let end = text.range(of: "\nnoi_nhan_mac_dinh:") else {
            throw CocoaError(.fileReadCorruptFile)
        }
        text.replaceSubrange(
            start.lowerBound..<end.lowerBound,
            with: """

                cap:
                  - {ma: cap-xa, ten: Cấp xã, loai_don_vi: [xa]}
                  - {ma: cap-huyen, ten: Cấp huyện, loai_don_vi: [huyen, so-nganh, trung-uong]}
                  - {ma: cap-tinh, ten: Cấp tỉnh, loai_don_vi: [tinh]}
                """)
        text = text.replacingOccurrences(of: "\nloai_don_vi:\n", with: "\nloai_don_vi:\n  tinh: UBND tỉnh (mô phỏng toàn quốc)\n")
        try Data(text.utf8).write(to: programme)
        var files = [folder.appendingPathComponent(OutlineLoader.FileName.sections)]
        let appendices = folder.appendingPathComponent(OutlineLoader.FileName.appendixFolder)
        for name in try FileManager.default.contentsOfDirectory(atPath: appendices.path) where name.hasSuffix(".yaml") {
            files.append(appendices.appendingPathComponent(name))
        }
        for file in files {
            let original = try String(contentsOf: file, encoding: .utf8)
            let edited = original.replacingOccurrences(of: ", huyen", with: ", huyen, tinh").replacingOccurrences(
                of: "[huyen", with: "[huyen, tinh")
            try Data(edited.utf8).write(to: file)
        }
    }
}
