import CmarkDoor
import TongketCore
import TongketDocument

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
        var plan = SectionPlan(outline, included: Set(keys), guidance: true) { section in
            // A section with guidance says it is optional in its guidance (SectionView.isOptional).
            section.requirement(for: unit.kind) == .optional && section.guidance.isEmpty
                ? .fragment("*(Mục không bắt buộc.)*", belowHeadingLevel: 1) : nil
        }
        for index in plan.entries.indices where plan.entries[index].guidance != nil {
            plan.entries[index].isOptional = outline.section(plan.entries[index].key)?.requirement(for: unit.kind) == .optional
        }
        var tables: [InsertionKey: Table] = [:]
        var insertions = plan.insertions
        let appendices = appendixEntries(
            outline.appendices(for: unit), unit: unit,
            reference: "(Kèm theo Báo cáo số …/BC-\(unit.code) ngày …/…/\(programme.unitDeadline.year) của \(unit.name))",
            tables: &tables, insertions: &insertions
        ) { _ in [:] }
        let context = ReportView(
            header: HeaderView(
                unit: unit, number: "…/BC-\(unit.code)",
                placeAndDate: "\(unit.place(in: programme)), ngày … tháng … năm \(programme.unitDeadline.year)", draftMark: "MẪU"),
            documentType: "BÁO CÁO", summary: programme.summary, basis: BasisView(programme), unit: UnitView(name: unit.name, id: unit.id),
            sections: plan.entries, recipients: outline.defaultRecipients(for: unit), appendices: appendices,
            thematic: outline.thematic(for: unit.id).map { assignment in
                ThematicView(
                    number: String(assignment.number), topic: assignment.topic, deadline: programme.thematicDeadline.description,
                    sectionTitles: assignment.sectionKeys.compactMap { outline.section($0)?.title })
            }, deadline: programme.unitDeadline.description)
        let title = "Mẫu \(programme.reportTitle.lowercased()) – \(unit.name)"
        return Parts(
            template: "bao-cao-mau", context: context, insertions: insertions, tables: tables, title: title, baseName: "\(unit.id).mau",
            source: unit.submissionFileName,
            info: documentInfo(title: title, summary: programme.summary, author: unit.name, date: programme.unitDeadline))
    }
}
