import TongketCore
import TongketDocument

/// Builds the province's consolidation from every unit's loaded submission. Figures are added
/// up as submissions arrive; texts are kept, since the draft is ordered by section, not by unit.
public struct Consolidator: Sendable {
    public let outline: Outline
    private var received: [String: [(file: String, loaded: LoadedSubmission)]] = [:]
    /// The drafting body's own texts (`tong_hop:`): one is used; two are an error.
    private var draftingTexts: [(file: String, loaded: LoadedSubmission)] = []
    /// Files that could not be tied to a known unit, with their first error.
    public private(set) var unattributed: [(file: String, diagnostics: [Diagnostic])] = []
    private let strict: Bool

    public init(outline: Outline, strict: Bool = false) {
        self.outline = outline
        self.strict = strict
    }

    /// Takes one file's result; a file whose unit is unknown is kept aside for the report.
    public mutating func add(_ loaded: LoadedSubmission, file: String) {
        if loaded.submission?.isDraftingText == true {
            draftingTexts.append((file, loaded))
        } else if let unitID = loaded.submission?.unitID {
            received[unitID, default: []].append((file, loaded))
        } else {
            unattributed.append((file, loaded.diagnostics))
        }
    }

    /// Files of known units that have errors (or warnings under `strict`), with everything found in them.
    public var problems: [(file: String, diagnostics: [Diagnostic])] {
        let units = received.keys.sorted().flatMap { unitID in
            (received[unitID] ?? []).filter { !$0.loaded.isValid(strict: strict) }.map { ($0.file, $0.loaded.diagnostics) }
        }
        return units + draftingTexts.filter { !$0.loaded.isValid(strict: strict) }.map { ($0.file, $0.loaded.diagnostics) }
    }

    /// Two files or more for one unit: an error naming every file, since tongket can't choose.
    public var duplicates: [Diagnostic] {
        received.keys.sorted().compactMap { unitID in
            guard let files = received[unitID], files.count > 1 else { return nil }
            let names = files.map(\.file).joined(separator: ", ")
            let first = files[0].file
            return Diagnostic(
                .error, .duplicate, at: SourceLocation(file: first, line: 1, column: 1),
                "có \(files.count) tệp cho cùng đơn vị '\(unitID)': \(names); giữ lại một tệp rồi chạy lại")
        } + draftingDuplicates
    }

    private var draftingDuplicates: [Diagnostic] {
        guard draftingTexts.count > 1 else { return [] }
        let names = draftingTexts.map(\.file).joined(separator: ", ")
        return [
            Diagnostic(
                .error, .duplicate, at: SourceLocation(file: draftingTexts[0].file, line: 1, column: 1),
                "có \(draftingTexts.count) văn bản tổng hợp ('tong_hop:'): \(names); giữ lại một tệp rồi chạy lại")
        ]
    }

    /// The drafting body's sections, when exactly one valid text of its own was given.
    private var draftingSections: [String: SectionContent] {
        guard draftingTexts.count == 1, let text = draftingTexts.first, text.loaded.isValid(strict: strict),
            let submission = text.loaded.submission
        else { return [:] }
        return submission.sections
    }

    public func consolidate(asOf: SimpleDate) -> Consolidation {
        var usable: [Submission] = []
        var annex: [SubmissionStatus] = []
        let programme = outline.programme
        for kind in programme.unitKinds.map(\.id) {
            for unit in VietnameseOrder.sorted(outline.units.filter { $0.kind == kind }, by: \.name) {
                let files = received[unit.id] ?? []
                // A unit gone before the draft is due is not chased; its archived report, if
                // one is in the folder, is still read and shown as such.
                let expected = outline.expectsReport(from: unit)
                if !expected && files.isEmpty { continue }
                let thematicDeadline = outline.thematic(for: unit.id) == nil ? nil : programme.thematicDeadline
                var status = SubmissionStatus(
                    unit: unit, files: files.map(\.file), state: .missing, reportDate: nil, deadline: programme.unitDeadline,
                    thematicDate: nil, thematicDeadline: thematicDeadline, isExpected: expected)
                if files.count > 1 {
                    status.state = .invalid(errors: files.count, first: "có \(files.count) tệp cho cùng đơn vị")
                } else if let (_, loaded) = files.first {
                    let errors = loaded.diagnostics.filter { $0.severity == .error || (strict && $0.severity == .warning) }
                    status.reportDate = loaded.submission?.report.date
                    status.thematicDate = loaded.submission?.thematic?.report.date
                    status.thematicReceived = loaded.submission?.thematic != nil
                    if let submission = loaded.submission, errors.isEmpty {
                        status.state = .valid(warnings: loaded.diagnostics.count)
                        usable.append(submission)
                    } else {
                        status.state = .invalid(errors: errors.count, first: errors.first?.message ?? "")
                    }
                }
                annex.append(status)
            }
        }
        let (sources, notices) = figureSources(usable)
        var consolidation = Consolidation(
            asOf: asOf, contributions: contributions(usable), appendices: totals(sources),
            targets: [], commendations: commendations(usable), annex: annex, notices: notices
        ).withTargets(outline.targets)
        consolidation.drafting = draftingSections
        return consolidation
    }

    private func contributions(_ submissions: [Submission]) -> [String: [Contribution]] {
        let ordered = VietnameseOrder.sorted(submissions) { outline.unit($0.unitID)?.name ?? $0.unitID }
        var result: [String: [Contribution]] = [:]
        for numbered in outline.leafSections where numbered.section.isWritten {
            let key = numbered.section.key
            var list: [Contribution] = []
            for submission in ordered {
                guard let unit = outline.unit(submission.unitID), let content = submission.thematic?.sections[key] else { continue }
                list.append(Contribution(unitID: unit.id, unitName: unit.name, isThematic: true, content: content))
            }
            for submission in ordered {
                guard let unit = outline.unit(submission.unitID), let content = submission.sections[key],
                    numbered.section.requirement(for: unit.kind) != .notApplicable
                else { continue }
                list.append(Contribution(unitID: unit.id, unitName: unit.name, isThematic: false, content: content))
            }
            if !list.isEmpty { result[key] = list }
        }
        return result
    }

    private func commendations(_ submissions: [Submission]) -> [(unit: String, commendation: Commendation)] {
        VietnameseOrder.sorted(submissions) { outline.unit($0.unitID)?.name ?? $0.unitID }.flatMap { submission in
            submission.commendations.map { (outline.unit(submission.unitID)?.name ?? submission.unitID, $0) }
        }
    }
}

extension Consolidation {
    /// The targets with the province's figure for their year.
    func withTargets(_ targets: [Target]) -> Consolidation {
        var copy = self
        copy.targets = targets.map { target in
            guard let totals = appendices.first(where: { $0.table.id == target.appendixID }),
                let indicator = totals.table.indicator(target.indicatorID)
            else { return TargetResult(target: target, value: nil) }
            let value = Aggregation.value(of: indicator, in: totals.table, figures: totals.figures, years: target.year...target.year)
            return TargetResult(target: target, value: value)
        }
        return copy
    }
}
