import CmarkDoor

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
        var tables: [String: Table] = [:]
        let written = Set(submission.sections.keys).union(submission.commendations.isEmpty ? [] : commendationKeys)
        let plan = ReportViewModel.sections(outline, included: written.filter { isShown($0, for: unit) }) { section in
            if section.kind == .commendations { return .native(id: "bang:khen-thuong") }
            return submission.sections[section.key].map(Self.insertion)
        }
        var insertions = plan.insertions
        if !submission.commendations.isEmpty {
            tables["bang:khen-thuong"] = TableBuilder.commendations(submission.commendations.map { (nil, $0) })
        }
        let number = submission.report.number ?? ""
        let date = submission.report.date.map(\.description) ?? ""
        let withFigures = outline.appendices(for: unit).filter { submission.figures[$0.id]?.values.contains { !$0.isEmpty } ?? false }
        let appendices = appendixEntries(
            withFigures, unit: unit, reference: "(Kèm theo Báo cáo số \(number) ngày \(date) của \(unit.name))",
            tables: &tables, insertions: &insertions
        ) { submission.figures[$0.id] ?? [:] }
        let context: [String: Any] = [
            "tieu_de": ReportViewModel.header(
                unit: unit, number: number,
                placeAndDate: submission.report.date.map { VietnameseFormat.placeAndDate(programme.place, $0) } ?? programme.place,
                draft: draftMark),
            "loai_van_ban": "BÁO CÁO",
            "trich_yeu": submission.report.summary ?? programme.summary,
            "can_cu": ReportViewModel.basis(programme),
            "don_vi": ["ten": unit.name, "ma": unit.id],
            "muc": plan.entries,
            "chu_ky": ReportViewModel.signature(submission.signer),
            "noi_nhan": ReportViewModel.recipients(submission.recipients),
            "phu_luc": appendices,
        ]
        return Parts(
            template: "bao-cao", context: context, insertions: insertions, tables: tables,
            title: "Báo cáo tổng kết – \(unit.name)", baseName: unit.id, source: sourceName(submission))
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
        let plan = ReportViewModel.sections(outline, included: Set(part.sections.keys)) { section in
            part.sections[section.key].map(Self.insertion)
        }
        let context: [String: Any] = [
            "tieu_de": ReportViewModel.header(
                unit: unit, number: part.report.number ?? "",
                placeAndDate: part.report.date.map { VietnameseFormat.placeAndDate(programme.place, $0) } ?? programme.place,
                draft: draftMark),
            "loai_van_ban": "BÁO CÁO",
            "trich_yeu": part.report.summary ?? assignment.topic,
            "can_cu": ReportViewModel.basis(programme),
            "chuyen_de": ["so": String(assignment.number), "chu_de": assignment.topic.lowercasedFirst],
            "don_vi": ["ten": unit.name, "ma": unit.id],
            "muc": plan.entries,
            "chu_ky": ReportViewModel.signature(submission.signer),
            "noi_nhan": ReportViewModel.recipients(submission.recipients),
        ]
        return Parts(
            template: "bao-cao-chuyen-de", context: context, insertions: plan.insertions, tables: [:],
            title: "Báo cáo chuyên đề \(assignment.number) – \(unit.name)", baseName: "\(unit.id).chuyen-de",
            source: sourceName(submission))
    }

    /// The view-model entries of a report's appendices, registering each table and its insertion.
    func appendixEntries(
        _ appendices: [AppendixTable], unit: ReportingUnit, reference: String, tables: inout [String: Table],
        insertions: inout [String: Insertion], figures: (AppendixTable) -> [String: [Int: Double]]
    ) -> [[String: Any]] {
        appendices.map { table in
            let key = "bang:\(table.id)"
            tables[key] = TableBuilder.appendix(table, figures: figures(table), unit: unit, programme: outline.programme)
            insertions[key] = .native(id: key)
            return ["so": table.number, "ten": table.title.uppercased(), "ma_chen": key, "kem_theo": reference]
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
