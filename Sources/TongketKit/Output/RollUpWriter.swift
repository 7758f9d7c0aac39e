import Foundation
import TongketCore

/// A unit's report for the level above, rolled up from its own report and its children's
/// (`consolidate --for UNIT`), written as a submission YAML the level above reads like any other.
///
/// - Each section the unit writes holds the unit's own text, then its children's material merged
///   as the province's draft merges units' material (identical points once, with every unit).
///   Children's proposals addressed to the unit itself (`de_xuat_voi: co-quan-tong-hop`) are its
///   own business and stay in its report's annex; they are not passed up.
/// - Each figure is the children's and the unit's own combined by the indicator's rule, year by
///   year, exactly as the consolidation's appendices; averages carry how many reports they are
///   the mean of (`so_bao_cao`), so that the level above weighs them rightly.
/// - Commendation proposals are the unit's own: a child's proposal is the unit's to decide.
/// - `tong_hop_tu` names every file used with its SHA-256, and the outline's digest.
public struct RollUpWriter: Sendable {
    public let outline: Outline
    public let unit: ReportingUnit
    public let own: Submission
    public let consolidation: Consolidation
    /// SHA-256 of each file used, by unit id (the unit's own first).
    public let digests: [(unitID: String, sha256: String)]
    /// Where the children's material stands, as in the unit's own report: under its text
    /// (drafts), or in its report's annex (`--final`), and then not passed up, so that what goes
    /// up is the unit's own synthesis and a national roll-up does not carry every commune's text.
    public let placement: UnitTextPlacement

    public init(
        outline: Outline, unit: ReportingUnit, own: Submission, consolidation: Consolidation, digests: [(unitID: String, sha256: String)],
        placement: UnitTextPlacement = .inline
    ) {
        self.outline = outline
        self.unit = unit
        self.own = own
        self.consolidation = consolidation
        self.digests = digests
        self.placement = placement
    }

    /// Whether `data` is a roll-up tongket wrote: a `tong_hop_tu:` key at the start of a line.
    @Sendable public static func isRollUp(_ data: Data) -> Bool {
        let marker = Array("\n\(SubmissionLoader.Key.rollUp):".utf8)
        let bytes = [UInt8](data)
        guard bytes.count >= marker.count else { return false }
        for start in 0...(bytes.count - marker.count) where bytes[start] == marker[0] {
            if Array(bytes[start..<(start + marker.count)]) == marker { return true }
        }
        return false
    }

    /// Refuses, before anything is written, a target the roll-up may not replace: the report and
    /// the roll-up are written together or not at all.
    public static func checkTarget(_ url: URL, force: Bool) throws(FileError) {
        try OutputFile.check(url, overwrite: .policy(for: .rollUp, force: force))
    }

    /// Writes the roll-up to `url` beside it and renamed, replacing only an earlier roll-up.
    public func write(to url: URL, force: Bool) throws(FileError) {
        try OutputFile.write(Data(yaml().utf8), to: url, overwrite: .policy(for: .rollUp, force: force))
    }

    static let materialLead = "**Tổng hợp từ báo cáo của các đơn vị cấp dưới:**"

    /// The YAML text, the same bytes for the same inputs.
    public func yaml() -> String {
        var out: [String] = []
        let children = digests.count - (digests.first?.unitID == unit.id ? 1 : 0)
        out += YAMLText.comment(
            "Báo cáo của \(unit.name) gửi cấp trên, do tongket tổng hợp (tongket consolidate --for \(unit.id)) từ báo cáo của chính đơn vị và của \(children) đơn vị cấp dưới (khóa 'tong_hop_tu'). Không sửa tay tệp này: sửa báo cáo của đơn vị hay của cấp dưới rồi chạy lại lệnh.",
            indent: "")
        out += ["", "don_vi: \(unit.id)", "", "bao_cao:"]
        out.append("  so: \(YAMLText.quoted(own.report.number ?? ""))")
        out.append("  ngay: \(YAMLText.quoted(own.report.date?.description ?? ""))")
        if let summary = own.report.summary { out.append("  trich_yeu: \(YAMLText.quoted(summary))") }
        out += ["", "nguoi_ky:"]
        if let authority = own.signer.authority { out.append("  quyen_han: \(YAMLText.quoted(authority))") }
        out.append("  chuc_vu: \(YAMLText.quoted(own.signer.title ?? ""))")
        out.append("  ho_ten: \(YAMLText.quoted(own.signer.name ?? ""))")
        out += ["", "noi_nhan:"] + own.recipients.map { "  - \(YAMLText.quoted($0))" }
        out += ["", "noi_dung:"] + sections()
        let figures = self.figures()
        if !figures.isEmpty { out += ["", "phu_luc:"] + figures }
        out += ["", "khen_thuong:" + (own.commendations.isEmpty ? " []" : "")] + commendations()
        out += [
            "", "tong_hop_tu:", "  de_cuong: \(YAMLText.quoted(outline.sourceDigest ?? String(repeating: "0", count: 64)))", "  bao_cao:",
        ]
        for digest in digests {
            out.append("    - don_vi: \(digest.unitID)")
            out.append("      sha256: \(YAMLText.quoted(digest.sha256))")
        }
        let weights = self.weights()
        if !weights.isEmpty { out += ["  so_bao_cao:"] + weights }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private func sections() -> [String] {
        var out: [String] = []
        for numbered in outline.leafSections where numbered.section.isWritten {
            let section = numbered.section
            guard section.requirement(for: unit.kind) != .notApplicable else { continue }
            let passedUp = section.proposalsTo != .consolidatingBody && (placement == .inline || own.sections[section.key] == nil)
            let material = passedUp ? consolidation.contributions[section.key] ?? [] : []
            switch section.kind {
            case .list:
                var items: [String] = []
                if case .list(let mine) = own.sections[section.key] { items = mine }
                items += ReportRenderer.mergedPoints(material).map { "\($0.text) *(\($0.sources.joined(separator: ", ")))*" }
                guard !items.isEmpty else { continue }
                out.append("  \(section.key):")
                out += items.map { "    - \(YAMLText.quoted($0))" }
            default:
                var blocks: [String] = []
                if case .text(let mine) = own.sections[section.key] { blocks.append(mine.trimmingTrailingNewlines) }
                let texts = material.compactMap { contribution -> (source: String, unitName: String, text: String)? in
                    guard case .text(let text) = contribution.content else { return nil }
                    return (ReportRenderer.source(contribution), contribution.unitName, text)
                }
                let pieces = TextMerger.merge(texts)
                if !pieces.isEmpty {
                    if !blocks.isEmpty { blocks.append(Self.materialLead) }
                    for piece in pieces { blocks.append("*\(piece.sources.joined(separator: ", ")):*\n\n\(piece.text)") }
                }
                guard !blocks.isEmpty else { continue }
                let text = blocks.joined(separator: "\n\n")
                // A block scalar takes its indentation from its first line: one that starts with
                // a space (or holds a tab) is written quoted instead.
                if text.hasPrefix(" ") || text.contains("\t") {
                    out.append("  \(section.key): \(YAMLText.quoted(text))")
                    continue
                }
                out.append("  \(section.key): |")
                for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                    out.append(line.isEmpty ? "" : "    " + line)
                }
            }
        }
        return out
    }

    // MARK: Figures

    private func figures() -> [String] {
        var out: [String] = []
        for totals in consolidation.appendices where totals.table.isFilled(by: unit) {
            let rows = totals.table.indicators.filter { $0.isEntered && $0.isFilled(by: unit) }.compactMap { indicator -> String? in
                guard let series = totals.figures[indicator.id], !series.isEmpty else { return nil }
                return "    \(indicator.id): \(Self.flow(series))"
            }
            if rows.isEmpty { continue }
            out.append("  \(totals.table.id):")
            out += rows
        }
        return out
    }

    private func weights() -> [String] {
        var out: [String] = []
        for totals in consolidation.appendices where totals.table.isFilled(by: unit) {
            let rows = totals.table.indicators.filter { $0.isEntered && $0.isFilled(by: unit) }.compactMap { indicator -> String? in
                guard indicator.aggregation == .average, let series = totals.weights[indicator.id], !series.isEmpty else { return nil }
                return "      \(indicator.id): \(Self.flow(series))"
            }
            if rows.isEmpty { continue }
            out.append("    \(totals.table.id):")
            out += rows
        }
        return out
    }

    /// `{2011: 12, 2012: 13.5}`, years in order. A submission takes six decimal places, so a
    /// fraction is written to six (a mean is then within 5·10⁻⁷ of its exact value, far below
    /// any printed decimal; sums of figures of one or two decimals come out exact).
    static func flow(_ series: [Int: Double]) -> String {
        "{" + series.keys.sorted().map { "\($0): \(number(series[$0] ?? 0))" }.joined(separator: ", ") + "}"
    }

    static func number(_ value: Double) -> String {
        if value.rounded() == value && abs(value) < 1e15 { return String(Int64(value)) }
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    // MARK: Commendations

    private func commendations() -> [String] {
        own.commendations.flatMap { item in
            [
                "  - doi_tuong: \(item.recipient.rawValue)",
                "    ten: \(YAMLText.quoted(item.name))",
                "    hinh_thuc: \(YAMLText.quoted(item.form))",
                "    thanh_tich: \(YAMLText.quoted(item.achievement))",
            ]
        }
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var copy = self
        while copy.last == "\n" { copy.removeLast() }
        return copy
    }
}
