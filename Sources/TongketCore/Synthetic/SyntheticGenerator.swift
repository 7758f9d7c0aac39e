import Foundation

/// Writes synthetic but well-formed submissions for `N` units, the same bytes for the same seed,
/// so that consolidation can be measured at the scale of every province at once. The outline
/// is copied with a registry of the synthetic units (the thematic departments and the drafter
/// kept), since a submission is only valid for a unit the registry knows.
public struct SyntheticGenerator: Sendable {
    public var units: Int
    public var seed: UInt64

    public init(units: Int, seed: UInt64) {
        self.units = units
        self.seed = seed
    }

    /// Writes `directory/de-cuong/` (the outline) and `directory/bao-cao/*.yaml`.
    public func write(outline: Outline, outlineDirectory: URL, to directory: URL) throws {
        let manager = FileManager.default
        let outlineCopy = directory.appendingPathComponent("de-cuong")
        let reports = directory.appendingPathComponent("bao-cao")
        try? manager.removeItem(at: outlineCopy)
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try manager.copyItem(at: outlineDirectory, to: outlineCopy)
        try manager.createDirectory(at: reports, withIntermediateDirectories: true)
        let registry = self.registry(outline)
        try Data(registryYAML(registry).utf8).write(to: outlineCopy.appendingPathComponent(OutlineLoader.FileName.units))
        var random = SplitMix64(seed: seed)
        for unit in registry {
            let text = submission(for: unit, outline: outline, random: &random)
            try Data(text.utf8).write(to: reports.appendingPathComponent("\(unit.id).yaml"))
        }
    }

    /// The registry: the real units the outline refers to, then synthetic ones up to `units`.
    func registry(_ outline: Outline) -> [ReportingUnit] {
        let kept = Set(outline.thematics.map(\.unitID) + [outline.programme.consolidated.drafterID])
        var result = outline.units.filter { kept.contains($0.id) }
        let kinds = outline.programme.unitKinds.map(\.id)
        var index = 0
        while result.count < units {
            index += 1
            let kind = kinds[index % kinds.count]
            let name = "Đơn vị thử \(index)"
            result.append(
                ReportingUnit(
                    id: String(format: "dv-%05d", index), name: name, kind: kind, code: "DVT\(index)",
                    parentBody: "UBND TỈNH THỬ", bodyLines: [name.uppercased()]))
        }
        return Array(result.prefix(max(units, 1)))
    }

    func registryYAML(_ units: [ReportingUnit]) -> String {
        var out = ["# Danh mục đơn vị tổng hợp (sinh bởi tongket generate, chỉ để đo và kiểm thử).", "don_vi:"]
        for unit in units {
            out.append("  - ma: \(unit.id)")
            out.append("    ten: \(YAMLText.quoted(unit.name))")
            out.append("    loai: \(unit.kind)")
            if let parent = unit.parentID { out.append("    cap_tren: \(parent)") }
            if let place = unit.place { out.append("    dia_danh: \(YAMLText.quoted(place))") }
            out.append("    ky_hieu: \(YAMLText.quoted(unit.code))")
            if let parent = unit.parentBody { out.append("    chu_quan: \(YAMLText.quoted(parent))") }
            out.append("    co_quan: [\(unit.bodyLines.map(YAMLText.quoted).joined(separator: ", "))]")
        }
        return out.joined(separator: "\n") + "\n"
    }

    func submission(for unit: ReportingUnit, outline: Outline, random: inout SplitMix64) -> String {
        let programme = outline.programme
        var out = ["# Bản báo cáo tổng hợp (sinh tự động, không phải số liệu thật).", "don_vi: \(unit.id)"]
        let day = 1 + Int(random.next() % 28)
        out += [
            "bao_cao:", "  so: \"\(day)/BC-\(unit.code)\"",
            "  ngay: \"\(SimpleDate(year: programme.unitDeadline.year, month: 4, day: day))\"",
        ]
        out += ["nguoi_ky:", "  chuc_vu: \"GIÁM ĐỐC\"", "  ho_ten: \"Nguyễn Văn \(unit.id)\""]
        out.append("noi_dung:")
        for numbered in outline.leafSections
        where numbered.section.isWritten && numbered.section.requirement(for: unit.kind) != .notApplicable {
            let key = numbered.section.key
            if numbered.section.kind == .list {
                out.append("  \(key):")
                for _ in 0..<(3 + Int(random.next() % 3)) { out.append("    - \(YAMLText.quoted(sentence(&random, words: 24)))") }
            } else {
                out.append("  \(key): |")
                for paragraph in 0..<3 {
                    if paragraph > 0 { out.append("") }
                    out.append("    " + (0..<3).map { _ in sentence(&random, words: 20) }.joined(separator: " "))
                }
            }
        }
        if let assignment = outline.thematic(for: unit.id) {
            out += ["chuyen_de:", "  so: \"\(day)/BC-\(unit.code)-CD\"", "  ngay: \"15/05/\(programme.unitDeadline.year)\"", "  noi_dung:"]
            for key in assignment.sectionKeys {
                out.append("    \(key): |")
                out.append("      " + (0..<4).map { _ in sentence(&random, words: 20) }.joined(separator: " "))
            }
        }
        out.append("phu_luc:")
        for table in outline.appendices(for: unit) {
            out.append("  \(table.id):")
            let limits = Dictionary(table.rules.map { ($0.indicatorID, $0.limitID) }, uniquingKeysWith: { a, _ in a })
            var rows: [String: [Int]] = [:]
            for indicator in table.enteredIndicators(for: unit) {
                let values = programme.years.map { _ -> Int in
                    switch indicator.type {
                    case .percent, .score: return 60 + Int(random.next() % 40)
                    default: return 10 + Int(random.next() % 5000)
                    }
                }
                // Keep every "no more than" rule: a bounded row takes a share of its limit.
                let bounded = limits[indicator.id].flatMap { rows[$0] }.map { limit in
                    limit.map { $0 * (70 + Int(random.next() % 30)) / 100 }
                }
                rows[indicator.id] = bounded ?? values
                let line = zip(programme.years, rows[indicator.id] ?? values).map { "\($0): \($1)" }.joined(separator: ", ")
                out.append("    \(indicator.id): {\(line)}")
            }
        }
        out.append("khen_thuong: []")
        return out.joined(separator: "\n") + "\n"
    }

    static let words = """
        cải cách hành chính thủ tục hồ sơ giải quyết đúng hạn người dân doanh nghiệp cơ quan đơn vị địa phương \
        kế hoạch triển khai thực hiện kết quả nâng cao chất lượng phục vụ công chức viên chức đào tạo bồi dưỡng \
        ứng dụng công nghệ thông tin dịch vụ công trực tuyến mức độ chính quyền điện tử rà soát đơn giản hóa \
        tổ chức bộ máy tinh gọn hiệu lực hiệu quả tài chính công tự chủ kiểm tra giám sát tuyên truyền năm giai đoạn
        """.split(separator: " ").map(String.init)

    func sentence(_ random: inout SplitMix64, words count: Int) -> String {
        var words: [String] = []
        for _ in 0..<count { words.append(Self.words[Int(random.next() % UInt64(Self.words.count))]) }
        let first = words[0]
        words[0] = first.prefix(1).uppercased() + first.dropFirst()
        return words.joined(separator: " ") + "."
    }
}

/// A small, fast, seedable generator (Steele, Lea and Flood's SplitMix64): the same seed gives
/// the same numbers on every machine, unlike the system generator (so a random test that fails
/// names a case that can be run again).
public struct SplitMix64: Sendable, RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
