import CmarkDoor
import TongketCore
import TongketDocument

extension ReportRenderer {
    /// A unit's own report: its sections, appendix tables with its figures, commendations.
    /// `draftMark` ("DỰ THẢO LẦN 2") is put above the header while the report is under review.
    public func unitReport(
        _ submission: Submission, formats: [DocumentFormat] = [.markdown, .html], draftMark: String? = nil
    ) throws(RenderError) -> RenderedDocument {
        try render(unitParts(submission, draftMark: draftMark), formats: formats)
    }

    func unitParts(_ submission: Submission, draftMark: String? = nil) throws(RenderError) -> Parts {
        guard let unit = outline.unit(submission.unitID) else {
            throw RenderError(message: "đơn vị '\(submission.unitID)' không có trong danh mục")
        }
        let programme = outline.programme
        var tables: [InsertionKey: Table] = [:]
        let written = Set(submission.sections.keys).union(submission.commendations.isEmpty ? [] : commendationKeys)
        let plan = SectionPlan(outline, included: written.filter { isShown($0, for: unit) }) { section in
            if section.kind == .commendations { return .native(.commendations) }
            return submission.sections[section.key].map(Self.insertion)
        }
        var insertions = plan.insertions
        if !submission.commendations.isEmpty {
            tables[.commendations] = TableBuilder.commendations(submission.commendations.map { (nil, $0) })
        }
        let number = submission.report.number ?? ""
        let date = submission.report.date.map(\.description) ?? ""
        let appendices = filledAppendices(
            submission, unit: unit, number: number, date: date, tables: &tables, insertions: &insertions)
        let context = ReportView(
            header: HeaderView(
                unit: unit, number: number,
                placeAndDate: submission.report.date.map { VietnameseFormat.placeAndDate(unit.place(in: programme), $0) }
                    ?? unit.place(in: programme),
                draftMark: draftMark),
            documentType: "BÁO CÁO", summary: submission.report.summary ?? programme.summary, basis: BasisView(programme),
            unit: UnitView(name: unit.name, id: unit.id), sections: plan.entries, signature: SignatureView(submission.signer),
            recipients: submission.recipients, appendices: appendices)
        let title = "\(programme.reportTitle) – \(unit.name)"
        return Parts(
            template: "bao-cao", context: context, insertions: insertions, tables: tables, title: title, baseName: unit.id,
            source: sourceName(submission),
            info: documentInfo(
                title: title, summary: context.summary, author: unit.name, date: submission.report.date ?? programme.unitDeadline))
    }

    /// A department's thematic report for the whole province, when it wrote one.
    public func thematicReport(
        _ submission: Submission, formats: [DocumentFormat] = [.markdown, .html], draftMark: String? = nil
    ) throws(RenderError) -> RenderedDocument? {
        try thematicParts(submission, draftMark: draftMark).map { parts throws(RenderError) in try render(parts, formats: formats) }
    }

    func thematicParts(_ submission: Submission, draftMark: String? = nil) -> Parts? {
        guard let part = submission.thematic, let unit = outline.unit(submission.unitID),
            let assignment = outline.thematic(for: unit.id)
        else { return nil }
        let programme = outline.programme
        let plan = SectionPlan(outline, included: Set(part.sections.keys)) { section in
            part.sections[section.key].map(Self.insertion)
        }
        // The assignment's appendices (Phụ lục 04, 05 for Sở Nội vụ), with the figures the
        // department reported: its thematic text cites them ("số liệu chi tiết tại Phụ lục 04"),
        // so they go with it, referenced to the thematic report's own number and date.
        var insertions = plan.insertions
        var tables: [InsertionKey: Table] = [:]
        let appendices = filledAppendices(
            submission, unit: unit, only: Set(assignment.appendixIDs), number: part.report.number ?? "",
            date: part.report.date.map(\.description) ?? "", tables: &tables, insertions: &insertions)
        let context = ReportView(
            header: HeaderView(
                unit: unit, number: part.report.number ?? "",
                placeAndDate: part.report.date.map { VietnameseFormat.placeAndDate(unit.place(in: programme), $0) }
                    ?? unit.place(in: programme),
                draftMark: draftMark),
            documentType: "BÁO CÁO", summary: part.report.summary ?? assignment.topic, basis: BasisView(programme),
            unit: UnitView(name: unit.name, id: unit.id), sections: plan.entries, signature: SignatureView(submission.signer),
            recipients: submission.recipients,
            appendices: appendices,
            thematic: ThematicView(number: String(assignment.number), topic: assignment.topic.lowercasedFirst))
        let title = "Báo cáo chuyên đề \(assignment.number) – \(unit.name)"
        return Parts(
            template: "bao-cao-chuyen-de", context: context, insertions: insertions, tables: tables, title: title,
            baseName: "\(unit.id).chuyen-de", source: sourceName(submission),
            info: documentInfo(
                title: title, summary: context.summary, author: unit.name, date: part.report.date ?? programme.thematicDeadline))
    }

    /// The appendices of `unit` (those in `only`, when given) that its submission has figures
    /// for, with those figures, referenced to the report numbered `number` on `date`.
    func filledAppendices(
        _ submission: Submission, unit: ReportingUnit, only: Set<String>? = nil, number: String, date: String,
        tables: inout [InsertionKey: Table], insertions: inout [InsertionKey: Insertion]
    ) -> [AppendixView] {
        let filled = outline.appendices(for: unit).filter {
            (only?.contains($0.id) ?? true) && submission.figures[$0.id]?.values.contains { !$0.isEmpty } ?? false
        }
        return appendixEntries(
            filled, unit: unit, reference: "(Kèm theo Báo cáo số \(number) ngày \(date) của \(unit.name))",
            tables: &tables, insertions: &insertions
        ) { submission.figures[$0.id] ?? [:] }
    }

    /// The view-model entries of a report's appendices, registering each table and its insertion.
    func appendixEntries(
        _ appendices: [AppendixTable], unit: ReportingUnit, reference: String, tables: inout [InsertionKey: Table],
        insertions: inout [InsertionKey: Insertion], figures: (AppendixTable) -> [String: [Int: Double]]
    ) -> [AppendixView] {
        appendices.map { table in
            let key = InsertionKey.appendix(table)
            tables[key] = TableBuilder.appendix(table, figures: figures(table), unit: unit, programme: outline.programme)
            insertions[key] = .native(key)
            return AppendixView(number: table.number, title: table.title.uppercased(), insertion: key, reference: reference)
        }
    }

    static func insertion(_ content: SectionContent) -> Insertion {
        switch content {
        case .text(let text): return .fragment(text, belowHeadingLevel: 1)
        case .list(let items): return .list(items, belowHeadingLevel: 1)
        }
    }

    var commendationKeys: Set<String> {
        Set(outline.leafSections.filter { $0.section.kind == .commendations }.map(\.section.key))
    }

    /// Whether a written section belongs in this unit's own report (sections meant for others
    /// were warned about at validation and are left out).
    func isShown(_ key: String, for unit: ReportingUnit) -> Bool {
        guard let section = outline.section(key) else { return false }
        return section.kind == .commendations || section.requirement(for: unit.kind) != .notApplicable
    }

    func sourceName(_ submission: Submission) -> String {
        submission.file.split(separator: "/").last.map(String.init) ?? submission.file
    }
}
