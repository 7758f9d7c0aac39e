import CmarkDoor
import TongketCore
import TongketDocument

extension ReportRenderer {
    /// The province's draft consolidated report: every section gathered from the units that wrote
    /// it (thematic department first), results against targets, commendations, the appendices
    /// added up with their charts, and the annex of who has reported.
    public func consolidatedReport(
        _ consolidation: Consolidation, draftMark: String? = DraftMark.text(round: 1),
        formats: [DocumentFormat] = [.markdown, .html], unitTexts: UnitTextPlacement? = nil
    ) throws(RenderError) -> RenderedDocument {
        try render(consolidatedParts(consolidation, draftMark: draftMark, unitTexts: unitTexts), formats: formats)
    }

    /// The same report written piece by piece, each section's contributions turned into nodes
    /// only when written: the way to make the draft of thousands of units in bounded memory.
    /// Only the text formats among `formats` are written; Word and PDF go through `ReportSinks`.
    public func streamConsolidatedReport(
        _ consolidation: Consolidation, formats: [DocumentFormat], draftMark: String? = DraftMark.text(round: 1),
        unitTexts: UnitTextPlacement? = nil, write: (DocumentFormat, String) throws -> Void
    ) throws(RenderError) {
        try stream(
            consolidatedParts(consolidation, draftMark: draftMark, unitTexts: unitTexts), formats: formats, deferSections: true,
            write: write)
    }

    /// The same with each format on its own core, each written through its own sink. With
    /// `cache`, the sections unchanged since the run that filled it are copied from it, and when
    /// only text formats are written, their material is not even merged (`DraftPieceCache`).
    public func streamConsolidatedReport(
        _ consolidation: Consolidation, sinks: ReportSinks, draftMark: String? = DraftMark.text(round: 1),
        unitTexts: UnitTextPlacement? = nil, cache: DraftPieceCache? = nil
    ) throws(RenderError) {
        // Word and PDF are made from the sections' nodes: they need every section merged.
        let reusing: [TreeFormat] =
            sinks.docx != nil || sinks.pdf != nil ? [] : sinks.text.keys.map { $0 == .html ? .html : .commonMark }
        try streamConcurrently(
            consolidatedParts(consolidation, draftMark: draftMark, unitTexts: unitTexts, cache: cache, reusing: reusing), sinks: sinks,
            deferSections: true)
    }

    /// The parts of the draft; with `cache`, the sections' keys, and for the sections kept in
    /// every format of `reusing`, no merge in advance.
    func consolidatedParts(
        _ consolidation: Consolidation, draftMark: String?, unitTexts: UnitTextPlacement? = nil, cache: DraftPieceCache? = nil,
        reusing: [TreeFormat] = []
    ) -> Parts {
        let programme = outline.programme
        let issuer = programme.consolidated
        var tables: [InsertionKey: Table] = [:]
        var charts: [InsertionKey: Chart] = [:]
        let placement = unitTexts ?? (draftMark == nil ? .annex : .inline)
        let reuse = cache.flatMap { draftReuse($0, consolidation, placement: placement, formats: reusing) }
        var voice = ProvinceVoice(
            consolidation: consolidation, outline: outline, placement: placement, later: reuse?.later ?? [], stated: reuse?.stated)
        voice.standIns = reuse?.standIns ?? [:]
        tables[.targets] = TableBuilder.targets(consolidation.targets)
        tables[.commendations] = TableBuilder.commendations(consolidation.commendations.map { ($0.unit, $0.commendation) })
        let plan = sectionPlan(voice)
        var insertions = plan.insertions
        let reference = "(Kèm theo Báo cáo số …/BC-\(issuer.code) ngày …/…/\(consolidation.asOf.year) của \(issuer.name))"
        var appendices: [AppendixView] = []
        for totals in consolidation.appendices where totals.reporters.values.contains(where: { $0 > 0 }) {
            let key = InsertionKey.appendix(totals.table)
            var table = TableBuilder.appendix(
                totals.table, figures: totals.figures, unit: nil, programme: programme, reporters: totals.reporters)
            table.notes = RearrangementNote.notes(for: totals, outline: outline)
            tables[key] = table
            var parts: [Insertion] = [.native(key)]
            let charted = totals.table.indicators.filter { $0.isKey && (totals.reporters[$0.id] ?? 0) > 0 }
            let placements = AppendixPage.placements(table: table, title: totals.table.title.uppercased(), charts: charted.count)
            for (indicator, placement) in zip(charted, placements) {
                let chartKey = InsertionKey.chart(totals.table, indicator)
                // Charts stand only in the appendices, which follow in this order: numbering them
                // here numbers them in document order, the same in every format.
                var chart = ChartBuilder.chart(of: indicator, in: totals, programme: programme, number: charts.count + 1)
                chart.placement = placement
                charts[chartKey] = chart
                parts.append(.native(chartKey))
            }
            insertions[key] = .sequence(parts)
            appendices.append(
                AppendixView(number: totals.table.number, title: totals.table.title.uppercased(), insertion: key, reference: reference))
        }
        // The units' material the body leaves out (behind the province's own text, and units'
        // proposals to the province), section by section, in an annex of its own.
        // They take the numbers after the appendices this report has: a district's roll-up, which
        // has no survey appendix (08), numbers its annexes from 08, not from 09.
        var annexNumbers = appendices.isEmpty ? outline.appendices.map(\.number) : appendices.map(\.number)
        let places = plan.citations(outline)
        if let material = voice.annex(citations: places) {
            let number = AppendixNumbering.next(after: annexNumbers)
            annexNumbers.append(number)
            insertions[.unitMaterial] = material
            appendices.append(
                AppendixView(
                    number: number, title: "TỔNG HỢP BÁO CÁO CỦA \(issuer.reportsFrom.uppercased())", insertion: .unitMaterial,
                    reference: reference))
        }
        // Points shared by more units than a line can name: every unit, in an annex of its own.
        let longPoints = outline.leafSections.filter { $0.section.kind == .list }.flatMap { numbered in
            (reuse?.points[numbered.section.key] ?? voice.material.longPoints(numbered.section.key)).map {
                (section: places[numbered.section.key] ?? numbered.section.title, point: $0)
            }
        }
        if !longPoints.isEmpty {
            let number = AppendixNumbering.next(after: annexNumbers)
            annexNumbers.append(number)
            tables[.sharedPoints] = TableBuilder.sharedPoints(longPoints)
            insertions[.sharedPoints] = .native(.sharedPoints)
            appendices.append(
                AppendixView(
                    number: number, title: "CÁC CƠ QUAN, ĐƠN VỊ NÊU TỪNG NỘI DUNG", insertion: .sharedPoints, reference: reference))
        }
        // A final report (no draft mark) lists who reported; the drafts carry the tracking.
        let final = draftMark == nil
        tables[.submissionStatus] =
            final
            ? TableBuilder.reportedUnits(consolidation.annex, reportTitle: programme.reportTitle)
            : TableBuilder.annex(consolidation.annex, asOf: consolidation.asOf, reportTitle: programme.reportTitle)
        insertions[.submissionStatus] = .native(.submissionStatus)
        let context = ReportView(
            header: HeaderView(
                unit: Self.issuingBody(issuer), number: "…/BC-\(issuer.code)",
                placeAndDate: "\(programme.place), ngày … tháng … năm \(consolidation.asOf.year)", draftMark: draftMark),
            documentType: "BÁO CÁO", summary: programme.summary, basis: BasisView(programme), sections: plan.entries,
            signature: SignatureView(issuer.signer),
            recipients: issuer.printedRecipients(drafterCode: outline.unit(issuer.drafterID)?.code), appendices: appendices,
            issuer: issuer.name,
            totals: TotalsView(
                included: consolidation.includedCount, expected: consolidation.expectedCount, asOf: consolidation.asOf.description),
            submissionAnnex: AppendixView(
                number: AppendixNumbering.next(after: annexNumbers),
                title: final
                    ? "DANH SÁCH CÁC CƠ QUAN, ĐƠN VỊ ĐÃ GỬI BÁO CÁO"
                    : "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ (ĐẾN NGÀY \(consolidation.asOf))", insertion: .submissionStatus,
                reference: reference))
        // The file's own title (the browser's tab, the PDF's and Word's properties): a final
        // report is no draft, and a district's roll-up is the district's.
        let title =
            final ? "\(programme.reportTitle) – \(issuer.name)" : "Dự thảo \(programme.reportTitle.lowercased()) – \(issuer.name)"
        return Parts(
            template: "bao-cao-tong-hop", context: context, insertions: insertions, tables: tables, charts: charts, title: title,
            baseName: "bao-cao-tong-hop", source: "\(consolidation.includedCount) báo cáo",
            info: documentInfo(title: title, summary: programme.summary, author: issuer.name, date: consolidation.asOf),
            pieces: reuse.map { finishing($0, voice: voice, plan: plan) })
    }

    /// The leaf sections the draft shows, and what each holds.
    func sectionPlan(_ voice: ProvinceVoice) -> SectionPlan {
        let consolidation = voice.consolidation
        var included = voice.bodySections
        for numbered in outline.leafSections {
            switch numbered.section.kind {
            case .targets where !consolidation.targets.isEmpty: included.insert(numbered.section.key)
            case .commendations where !consolidation.commendations.isEmpty: included.insert(numbered.section.key)
            default: break
            }
        }
        return SectionPlan(outline, included: included) { section in
            switch section.kind {
            case .targets: return voice.headed(section, [.native(.targets)])
            case .commendations: return .native(.commendations)
            case .group: return nil
            case .text, .list: return voice.body(section)
            }
        }
    }

    /// Several units' texts (each introduced by its sources) or points (followed by them), each
    /// said once however many units wrote it (`PointMerger`).
    static func gathered(_ contributions: [Contribution], asList: Bool) -> Insertion {
        if asList { return sourcedList(mergedPoints(contributions)) }
        // A paragraph sent by several units (a model text passed round) is given once,
        // introduced by all of them: the lead names every unit, however many.
        let texts = contributions.compactMap { contribution -> (source: String, unitName: String, text: String)? in
            guard case .text(let text) = contribution.content else { return nil }
            return (source(contribution), contribution.unitName, text)
        }
        let pieces = TextMerger.merge(texts).map { Sourced(source: $0.sources.joined(separator: ", "), text: $0.text) }
        return .sourcedFragments(pieces, belowHeadingLevel: 1)
    }

    /// Merged points, each followed by its units; a point a lower level passed up names its
    /// writers first, then who passed it up: "(UBND xã Nga An, qua UBND huyện Nga Sơn)", not
    /// "(UBND xã Nga An) (UBND huyện Nga Sơn)".
    static func sourcedList(_ points: [MergedPoint], unitNames: Set<String> = []) -> Insertion {
        .sourcedList(
            points.map { point in
                var text = point.text
                var chain = [PointMerger.sourceLabel(point.sources)]
                while let passed = PointMerger.passedUp(text, unitNames: unitNames) {
                    text = passed.text
                    chain.insert(passed.writers, at: 0)
                }
                return Sourced(source: chain.joined(separator: ", qua "), text: text)
            }, belowHeadingLevel: 1)
    }

    /// One list section's points, merged across units.
    static func mergedPoints(_ contributions: [Contribution]) -> [MergedPoint] {
        PointMerger.merge(
            contributions.flatMap { contribution -> [(source: String, unitName: String, text: String)] in
                guard case .list(let items) = contribution.content else { return [] }
                return items.map { (source(contribution), contribution.unitName, $0) }
            })
    }

    static func source(_ contribution: Contribution) -> String {
        contribution.isThematic ? "\(contribution.unitName) (báo cáo chuyên đề)" : contribution.unitName
    }

    /// The province's header lines as a unit, so the header partial serves both kinds of report.
    static func issuingBody(_ issuer: ConsolidatedIssuer) -> ReportingUnit {
        ReportingUnit(
            id: "", name: issuer.bodyLines.joined(separator: " "), kind: "", code: issuer.code, parentBody: issuer.parentBody,
            bodyLines: issuer.bodyLines
        )
    }
}
