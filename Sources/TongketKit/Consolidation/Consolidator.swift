import Foundation
import TongketCore
import TongketDocument

/// Builds the province's consolidation from every unit's loaded submission. Figures are added
/// up as submissions arrive; texts are kept, since the draft is ordered by section, not by unit.
public struct Consolidator: Sendable {
    public let outline: Outline
    /// Each unit's files as read, with the digests of their contents when the cache gave them
    /// (`ContentDigests`): kept beside the very result they were made from.
    private var received: [String: [(file: String, loaded: LoadedSubmission, digests: ContentDigests?)]] = [:]
    /// The drafting body's own texts (`tong_hop:`): one is used; two are an error.
    private var draftingTexts: [(file: String, loaded: LoadedSubmission)] = []
    /// Files that could not be tied to a known unit, with their first error.
    public private(set) var unattributed: [(file: String, diagnostics: [Diagnostic])] = []
    /// Reports of units that do not report to this level (a commune's sent to the province when
    /// its district consolidates it): left out, so that nothing is counted twice.
    public private(set) var misplaced: [Diagnostic] = []
    private let strict: Bool
    /// The unit whose children are consolidated (`consolidate --for`); nil for the body at the top.
    public let scope: String?

    public init(outline: Outline, strict: Bool = false, scope: String? = nil) {
        self.outline = outline
        self.strict = strict
        self.scope = scope
    }

    /// The files each submission was read from, by its shown name (a unit's Word and Excel
    /// forms are two), when there is more than the name itself.
    public private(set) var sourceFiles: [String: [String]] = [:]

    /// Takes one file's result, with the digests of its contents when known; a file whose unit
    /// is unknown is kept aside for the report.
    public mutating func add(_ loaded: LoadedSubmission, file: String, files: [String], digests: ContentDigests? = nil) {
        if files != [file] { sourceFiles[file] = files }
        add(loaded, file: file, digests: digests)
    }

    /// Takes one file's result; a file whose unit is unknown is kept aside for the report.
    public mutating func add(_ loaded: LoadedSubmission, file: String, digests: ContentDigests? = nil) {
        if loaded.submission?.isDraftingText == true {
            if let scope, let unit = outline.unit(scope) {
                misplaced.append(
                    Diagnostic(
                        .warning, .notApplicable, at: SourceLocation(file: file, line: 1, column: 1),
                        "văn bản tổng hợp ('tong_hop:') dùng cho báo cáo của cấp cao nhất, không dùng khi tổng hợp cho \(unit.name); phần của \(unit.name) ghi trong báo cáo của chính đơn vị này"
                    ))
            } else {
                draftingTexts.append((file, loaded))
            }
        } else if let unitID = loaded.submission?.unitID {
            if let problem = placement(of: unitID, file: file) {
                misplaced.append(problem)
            } else {
                received[unitID, default: []].append((file, loaded, digests))
            }
        } else {
            unattributed.append((file, loaded.diagnostics))
        }
    }

    /// Why `unitID`'s report does not belong to this consolidation, or nil when it does (a child
    /// of the scope, or the scope's own report).
    private func placement(of unitID: String, file: String) -> Diagnostic? {
        guard let unit = outline.unit(unitID), unit.id != scope, unit.parentID != scope else { return nil }
        let here = scope.flatMap(outline.unit).map(\.name) ?? outline.programme.consolidated.name
        let destination = unit.parentID.flatMap(outline.unit).map(\.name) ?? outline.programme.consolidated.name
        return Diagnostic(
            .warning, .notApplicable, at: SourceLocation(file: file, line: 1, column: 1),
            "\(unit.name) báo cáo \(destination) ('cap_tren' trong don-vi.yaml), không báo cáo \(here): tệp không được tổng hợp ở đây để số liệu không bị tính hai lần; \(destination) tổng hợp báo cáo này rồi gửi lên"
        )
    }

    /// The scope's own report, when it is usable: its text leads each section, its figures and
    /// proposals count with its children's.
    public var ownSubmission: Submission? { scope.flatMap(submission(of:)) }

    /// The usable report of `unitID`, when exactly one valid file was given for it.
    public func submission(of unitID: String) -> Submission? {
        guard let files = received[unitID], files.count == 1, files[0].loaded.isValid(strict: strict) else { return nil }
        return files[0].loaded.submission
    }

    /// The file of the scope's own report, as read.
    public var ownFile: String? { scope.flatMap { received[$0]?.first?.file } }

    /// The files used for each unit, by unit id: what a roll-up records it was made from.
    public var usedFiles: [String: String] {
        var result: [String: String] = [:]
        for (unitID, files) in received where files.count == 1 && files[0].loaded.isValid(strict: strict) { result[unitID] = files[0].file }
        return result
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

    /// The drafting body's sections, when exactly one valid text of its own was given; for a
    /// consolidation `--for` a unit, that unit's own report.
    private var draftingSections: [String: SectionContent] {
        if scope != nil { return ownSubmission?.sections ?? [:] }
        guard draftingTexts.count == 1, let text = draftingTexts.first, text.loaded.isValid(strict: strict),
            let submission = text.loaded.submission
        else { return [:] }
        return submission.sections
    }

    public func consolidate(asOf: SimpleDate) -> Consolidation {
        var usable: [Submission] = []
        // By unit: a usable report is its unit's one file.
        var usableDigests: [String: ContentDigests] = [:]
        var annex: [SubmissionStatus] = []
        let programme = outline.programme
        let children = outline.children(of: scope)
        for kind in programme.unitKinds.map(\.id) {
            for unit in VietnameseOrder.sorted(children.filter { $0.kind == kind }, by: \.name) {
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
                } else if let (_, loaded, digests) = files.first {
                    let errors = loaded.diagnostics.filter { $0.severity == .error || (strict && $0.severity == .warning) }
                    status.reportDate = loaded.submission?.report.date
                    status.thematicDate = loaded.submission?.thematic?.report.date
                    status.thematicReceived = loaded.submission?.thematic != nil
                    if let submission = loaded.submission, errors.isEmpty {
                        status.state = .valid(warnings: loaded.diagnostics.count)
                        usable.append(submission)
                        if let digests { usableDigests[submission.unitID] = digests }
                    } else {
                        status.state = .invalid(errors: errors.count, first: errors.first?.message ?? "")
                    }
                }
                annex.append(status)
            }
        }
        // The scope's own figures and proposals count first; its text leads (`draftingSections`).
        let own = ownSubmission.map { [$0] } ?? []
        let (sources, notices) = figureSources(own + usable)
        let ordered = inDraftOrder(usable)
        let (contributions, appendices) = contributionsAndTotals(ordered, sources, digests: usableDigests)
        var consolidation = Consolidation(
            asOf: asOf, contributions: contributions, appendices: appendices,
            targets: [], commendations: commendations(inDraftOrder(own)) + commendations(ordered), annex: annex, notices: notices
        ).withTargets(scope == nil ? outline.targets : [])
        consolidation.drafting = draftingSections
        return consolidation
    }

    /// What contributions need of a unit.
    private typealias UnitNames = (id: String, name: String, kind: String)

    /// A submission with what contributions need of its unit, looked up once (nil for a unit the
    /// outline does not know).
    private typealias Placed = (submission: Submission, unit: UnitNames?)

    /// The draft's order: by unit name, as Vietnamese sorts it.
    private func inDraftOrder(_ submissions: [Submission]) -> [Placed] {
        let placed = submissions.map { submission -> Placed in
            (submission, outline.unit(submission.unitID).map { ($0.id, $0.name, $0.kind) })
        }
        return VietnameseOrder.sorted(placed) { $0.unit?.name ?? $0.submission.unitID }
    }

    /// What a section's contributions are taken from: a unit's texts and who it is. Not the
    /// submission itself, which every section would copy whole (a retain of each of its fields):
    /// neither a `for` over an array nor a buffer pointer's subscript spared that copy, and it was
    /// a third of gathering the contributions at 1,000 units.
    private typealias Written = (
        sections: [String: SectionContent], thematic: [String: SectionContent], unit: UnitNames, digests: ContentDigests?
    )

    /// Every section's contributions and every appendix's totals, each a piece of work of its own
    /// over both cores: done in turn they were a sixth of a run with a warm cache at 1,000 units,
    /// on one core while the other waited. The appendices go first, being the longer pieces.
    private func contributionsAndTotals(_ ordered: [Placed], _ sources: [FigureSource], digests: [String: ContentDigests])
        -> (contributions: [String: [Contribution]], appendices: [AppendixTotals])
    {
        let written = ordered.compactMap { placed -> Written? in
            placed.unit.map {
                (placed.submission.sections, placed.submission.thematic?.sections ?? [:], $0, digests[placed.submission.unitID])
            }
        }
        let tables = outline.appendices
        let sections = outline.leafSections.filter(\.section.isWritten)
        let totalled = Slots<AppendixTotals>(count: tables.count)
        let listed = Slots<[Contribution]>(count: sections.count)
        DispatchQueue.concurrentPerform(iterations: tables.count + sections.count) { index in
            if index < tables.count {
                totalled.set(index, totals(of: tables[index], sources))
            } else {
                listed.set(index - tables.count, contributions(to: sections[index - tables.count].section, from: written))
            }
        }
        var bySection: [String: [Contribution]] = [:]
        for (numbered, list) in zip(sections, listed.all) where !(list ?? []).isEmpty {
            bySection[numbered.section.key] = list
        }
        return (bySection, totalled.all.compactMap { $0 })
    }

    /// What each unit wrote in one section, thematic reports first.
    private func contributions(to section: Section, from written: [Written]) -> [Contribution] {
        let key = section.key
        var list: [Contribution] = []
        for (_, thematic, unit, digests) in written {
            guard let content = thematic[key] else { continue }
            list.append(
                Contribution(
                    unitID: unit.id, unitName: unit.name, isThematic: true, content: content, contentDigest: digests?.thematic[key]))
        }
        for (sections, _, unit, digests) in written {
            guard let content = sections[key], section.requirement(for: unit.kind) != .notApplicable else { continue }
            list.append(
                Contribution(
                    unitID: unit.id, unitName: unit.name, isThematic: false, content: content, contentDigest: digests?.sections[key]))
        }
        return list
    }

    private func commendations(_ ordered: [Placed]) -> [(unit: String, commendation: Commendation)] {
        ordered.flatMap { submission, unit in
            submission.commendations.map { (unit?.name ?? submission.unitID, $0) }
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
