import CmarkDoor

extension ReportRenderer {
    /// The skeleton report a unit starts from, rendered: every section it writes with its
    /// guidance, its appendix tables with empty years, blanks where number, date and signer go.
    public func skeleton(for unit: ReportingUnit, formats: [DocumentFormat] = [.markdown, .html]) throws(RenderError) -> RenderedDocument {
        try render(skeletonParts(for: unit), formats: formats)
    }

    func skeletonParts(for unit: ReportingUnit) -> Parts {
        let programme = outline.programme
        let keys = outline.leafSections.filter {
            $0.section.requirement(for: unit.kind) != .notApplicable && $0.section.isWritten
        }
        .map(\.section.key)
        let plan = ReportViewModel.sections(outline, included: Set(keys), guidance: true) { section in
            section.requirement(for: unit.kind) == .optional ? .fragment("*(Mục không bắt buộc.)*", belowHeadingLevel: 1) : nil
        }
        var tables: [String: Table] = [:]
        var insertions = plan.insertions
        let appendices = appendixEntries(
            outline.appendices(for: unit), unit: unit,
            reference: "(Kèm theo Báo cáo số …/BC-\(unit.code) ngày …/…/\(programme.unitDeadline.year) của \(unit.name))",
            tables: &tables, insertions: &insertions
        ) { _ in [:] }
        var context: [String: Any] = [
            "tieu_de": ReportViewModel.header(
                unit: unit, number: "…/BC-\(unit.code)",
                placeAndDate: "\(programme.place), ngày … tháng … năm \(programme.unitDeadline.year)", draft: "MẪU"),
            "loai_van_ban": "BÁO CÁO",
            "trich_yeu": programme.summary,
            "can_cu": ReportViewModel.basis(programme),
            "don_vi": ["ten": unit.name, "ma": unit.id],
            "muc": plan.entries,
            "noi_nhan": ReportViewModel.recipients(programme.defaultRecipients),
            "phu_luc": appendices,
            "han": programme.unitDeadline.description,
        ]
        if let assignment = outline.thematic(for: unit.id) {
            context["chuyen_de"] = [
                "so": String(assignment.number), "chu_de": assignment.topic, "han": programme.thematicDeadline.description,
                "muc": assignment.sectionKeys.compactMap { outline.section($0)?.title }.map { ["ten": $0] },
            ]
        }
        return Parts(
            template: "bao-cao-mau", context: context, insertions: insertions, tables: tables,
            title: "Mẫu báo cáo tổng kết – \(unit.name)", baseName: "\(unit.id).mau", source: SkeletonWriter.fileName(for: unit))
    }
}
