import CmarkDoor

extension ReportRenderer {
    /// The province's draft consolidated report: every section gathered from the units that wrote
    /// it (thematic department first), results against targets, commendations, the appendices
    /// added up with their charts, and the annex of who has reported.
    public func consolidatedReport(
        _ consolidation: Consolidation, draftMark: String? = VersionStore.draftMark(round: 1),
        formats: [DocumentFormat] = [.markdown, .html]
    ) throws(RenderError) -> RenderedDocument {
        try render(consolidatedParts(consolidation, draftMark: draftMark), formats: formats)
    }

    /// The same report written piece by piece, each section's contributions turned into nodes
    /// only when written: the way to make the draft of thousands of units in bounded memory.
    public func streamConsolidatedReport(
        _ consolidation: Consolidation, formats: [DocumentFormat], draftMark: String? = VersionStore.draftMark(round: 1),
        write: (DocumentFormat, String) throws -> Void
    ) throws(RenderError) {
        try stream(consolidatedParts(consolidation, draftMark: draftMark), formats: formats, deferSections: true, write: write)
    }

    /// The same with each format on its own core, each written through its own sink.
    public func streamConsolidatedReport(
        _ consolidation: Consolidation, sinks: ReportSinks, draftMark: String? = VersionStore.draftMark(round: 1)
    ) throws(RenderError) {
        try streamConcurrently(consolidatedParts(consolidation, draftMark: draftMark), sinks: sinks, deferSections: true)
    }

    func consolidatedParts(_ consolidation: Consolidation, draftMark: String?) -> Parts {
        let programme = outline.programme
        let issuer = programme.consolidated
        var tables: [String: Table] = [:]
        var charts: [String: Chart] = [:]
        var included = Set(consolidation.contributions.keys)
        for numbered in outline.leafSections {
            switch numbered.section.kind {
            case .targets where !consolidation.targets.isEmpty: included.insert(numbered.section.key)
            case .commendations where !consolidation.commendations.isEmpty: included.insert(numbered.section.key)
            default: break
            }
        }
        tables["bang:muc-tieu"] = TableBuilder.targets(consolidation.targets)
        tables["bang:khen-thuong"] = TableBuilder.commendations(consolidation.commendations.map { ($0.unit, $0.commendation) })
        let plan = ReportViewModel.sections(outline, included: included) { section in
            switch section.kind {
            case .targets: return .native(id: "bang:muc-tieu")
            case .commendations: return .native(id: "bang:khen-thuong")
            case .group: return nil
            case .text, .list:
                guard let contributions = consolidation.contributions[section.key] else { return nil }
                return Self.gathered(contributions, asList: section.kind == .list)
            }
        }
        var insertions = plan.insertions
        let reference = "(Kèm theo Báo cáo số …/BC-\(issuer.code) ngày …/…/\(consolidation.asOf.year) của \(programme.basis.issuer))"
        var appendices: [[String: Any]] = []
        for totals in consolidation.appendices where totals.reporters.values.contains(where: { $0 > 0 }) {
            let key = "bang:\(totals.table.id)"
            tables[key] = TableBuilder.appendix(
                totals.table, figures: totals.figures, unit: nil, programme: programme, reporters: totals.reporters)
            var parts: [Insertion] = [.native(id: key)]
            for indicator in totals.table.indicators where indicator.isKey && (totals.reporters[indicator.id] ?? 0) > 0 {
                let chartKey = "bieu-do:\(totals.table.id)/\(indicator.id)"
                charts[chartKey] = Chart.of(indicator, in: totals, programme: programme)
                parts.append(.native(id: chartKey))
            }
            insertions[key] = .sequence(parts)
            appendices.append(["so": totals.table.number, "ten": totals.table.title.uppercased(), "ma_chen": key, "kem_theo": reference])
        }
        tables["bang:tinh-hinh-nop"] = TableBuilder.annex(consolidation.annex, asOf: consolidation.asOf)
        insertions["bang:tinh-hinh-nop"] = .native(id: "bang:tinh-hinh-nop")
        let body = Self.issuingBody(issuer)
        let context: [String: Any] = [
            "tieu_de": ReportViewModel.header(
                unit: body, number: "…/BC-\(issuer.code)",
                placeAndDate: "\(programme.place), ngày … tháng … năm \(consolidation.asOf.year)", draft: draftMark),
            "loai_van_ban": "BÁO CÁO",
            "trich_yeu": programme.summary,
            "can_cu": ReportViewModel.basis(programme),
            "co_quan_ban_hanh": programme.basis.issuer,
            "tong_hop": [
                "so_don_vi": String(consolidation.includedCount), "tong_so": String(consolidation.annex.count),
                "ngay": consolidation.asOf.description,
            ],
            "muc": plan.entries,
            "chu_ky": ReportViewModel.signature(issuer.signer),
            "noi_nhan": ReportViewModel.recipients(issuer.recipients),
            "phu_luc": appendices,
            "tinh_hinh_nop": [
                "so": Self.nextAppendixNumber(outline.appendices), "ma_chen": "bang:tinh-hinh-nop", "kem_theo": reference,
                "ten": "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ (ĐẾN NGÀY \(consolidation.asOf))",
            ],
        ]
        return Parts(
            template: "bao-cao-tong-hop", context: context, insertions: insertions, tables: tables, charts: charts,
            title: "Dự thảo báo cáo tổng kết – \(programme.province)", baseName: "bao-cao-tong-hop",
            source: "\(consolidation.includedCount) báo cáo")
    }

    /// The number after the highest numbered appendix ("07" → "08"), for the annex of submissions.
    static func nextAppendixNumber(_ appendices: [AppendixTable]) -> String {
        let highest = appendices.compactMap { Int($0.number) }.max() ?? 0
        let next = String(highest + 1)
        return next.count < 2 ? "0" + next : next
    }

    /// Several units' texts (each introduced by its source) or points (each followed by it).
    static func gathered(_ contributions: [Contribution], asList: Bool) -> Insertion {
        if asList {
            let points = contributions.flatMap { contribution -> [Sourced] in
                guard case .list(let items) = contribution.content else { return [] }
                return items.map { Sourced(source: source(contribution), text: $0) }
            }
            return .sourcedList(points, belowHeadingLevel: 1)
        }
        let pieces = contributions.compactMap { contribution -> Sourced? in
            guard case .text(let text) = contribution.content else { return nil }
            return Sourced(source: source(contribution), text: text)
        }
        return .sourcedFragments(pieces, belowHeadingLevel: 1)
    }

    static func source(_ contribution: Contribution) -> String {
        contribution.isThematic ? "\(contribution.unitName) (báo cáo chuyên đề)" : contribution.unitName
    }

    /// The province's header lines as a unit, so the header partial serves both kinds of report.
    static func issuingBody(_ issuer: ConsolidatedIssuer) -> ReportingUnit {
        ReportingUnit(
            id: "", name: issuer.bodyLines.joined(separator: " "), kind: "", code: issuer.code, parentBody: nil, bodyLines: issuer.bodyLines
        )
    }
}
