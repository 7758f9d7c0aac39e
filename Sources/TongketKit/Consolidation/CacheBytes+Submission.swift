import TongketCore

// A loaded submission field by field, in declaration order. A field added to one of these types
// must be added here too and `SubmissionCacheEntry.format` raised; SubmissionCacheTests counts
// each type's fields so that a forgotten one fails a test rather than vanishing from a draft.

extension CacheWriter {
    mutating func loaded(_ value: LoadedSubmission) {
        optional(value.submission) { $0.submission($1) }
        array(value.diagnostics) { $0.diagnostic($1) }
    }

    mutating func diagnostic(_ value: Diagnostic) {
        string(value.severity.rawValue)
        string(value.kind.rawValue)
        location(value.location)
        string(value.message)
    }

    mutating func location(_ value: SourceLocation) {
        string(value.file)
        int(value.line)
        int(value.column)
        optional(value.place) { $0.string($1) }
    }

    mutating func submission(_ value: Submission) {
        string(value.file)
        string(value.unitID)
        report(value.report)
        optional(value.signer.authority) { $0.string($1) }
        optional(value.signer.title) { $0.string($1) }
        optional(value.signer.name) { $0.string($1) }
        array(value.recipients) { $0.string($1) }
        sections(value.sections)
        optional(value.thematic) {
            $0.report($1.report)
            $0.sections($1.sections)
        }
        dictionary(value.figures, { $0.string($1) }, { $0.figures($1) })
        array(value.commendations) {
            $0.string($1.recipient.rawValue)
            $0.string($1.name)
            $0.string($1.form)
            $0.string($1.achievement)
        }
        dictionary(value.predecessorFigures, { $0.string($1) }, { $0.dictionary($1, { $0.string($1) }, { $0.figures($1) }) })
        dictionary(value.predecessorPlaces, { $0.string($1) }, { $0.location($1) })
        bool(value.isDraftingText)
        optional(value.rollUp) {
            $0.string($1.outlineDigest)
            $0.array($1.sources) {
                $0.string($1.unitID)
                $0.string($1.sha256)
            }
            $0.dictionary($1.weights, { $0.string($1) }, { $0.figures($1) })
        }
    }

    private mutating func report(_ value: ReportInfo) {
        optional(value.number) { $0.string($1) }
        optional(value.date) {
            $0.int($1.year)
            $0.int($1.month)
            $0.int($1.day)
        }
        optional(value.summary) { $0.string($1) }
    }

    private mutating func sections(_ value: [String: SectionContent]) {
        dictionary(value, { $0.string($1) }, { $0.content($1) })
    }

    private mutating func content(_ value: SectionContent) {
        switch value {
        case .text(let text):
            int(0)
            string(text)
        case .list(let items):
            int(1)
            array(items) { $0.string($1) }
        }
    }

    /// One appendix's figures: by indicator, then year.
    private mutating func figures(_ value: [String: [Int: Double]]) {
        dictionary(value, { $0.string($1) }, { $0.dictionary($1, { $0.int($1) }, { $0.double($1) }) })
    }
}

extension CacheReader {
    mutating func loaded() throws(Unreadable) -> LoadedSubmission {
        let submission = try optional { (r: inout CacheReader) throws(Unreadable) in try r.submission() }
        let diagnostics = try array { (r: inout CacheReader) throws(Unreadable) in try r.diagnostic() }
        return LoadedSubmission(submission: submission, diagnostics: diagnostics)
    }

    mutating func diagnostic() throws(Unreadable) -> Diagnostic {
        let severity = try named(Severity.self)
        let kind = try named(DiagnosticKind.self)
        return Diagnostic(severity, kind, at: try location(), try string())
    }

    mutating func location() throws(Unreadable) -> SourceLocation {
        SourceLocation(file: try string(), line: try int(), column: try int(), place: try optionalString())
    }

    mutating func submission() throws(Unreadable) -> Submission {
        let file = try string()
        let unitID = try string()
        let report = try report()
        let signer = Signer(authority: try optionalString(), title: try optionalString(), name: try optionalString())
        let recipients = try array { (r: inout CacheReader) throws(Unreadable) in try r.string() }
        let sections = try sections()
        let thematic = try optional { (r: inout CacheReader) throws(Unreadable) in
            ThematicPart(report: try r.report(), sections: try r.sections())
        }
        let figures = try dictionary(Self.stringKey, { (r: inout CacheReader) throws(Unreadable) in try r.figures() })
        let commendations = try array { (r: inout CacheReader) throws(Unreadable) in
            Commendation(
                recipient: try r.named(Commendation.Recipient.self), name: try r.string(), form: try r.string(),
                achievement: try r.string())
        }
        let predecessorFigures = try dictionary(Self.stringKey) { (r: inout CacheReader) throws(Unreadable) in
            try r.dictionary(Self.stringKey) { (r: inout CacheReader) throws(Unreadable) in try r.figures() }
        }
        let predecessorPlaces = try dictionary(Self.stringKey) { (r: inout CacheReader) throws(Unreadable) in try r.location() }
        var submission = Submission(
            file: file, unitID: unitID, report: report, signer: signer, recipients: recipients, sections: sections,
            thematic: thematic, figures: figures, commendations: commendations, predecessorFigures: predecessorFigures,
            predecessorPlaces: predecessorPlaces)
        submission.isDraftingText = try bool()
        submission.rollUp = try optional { (r: inout CacheReader) throws(Unreadable) in
            RollUp(
                outlineDigest: try r.string(),
                sources: try r.array { (r: inout CacheReader) throws(Unreadable) in
                    RollUp.Source(unitID: try r.string(), sha256: try r.string())
                },
                weights: try r.dictionary(Self.stringKey, { (r: inout CacheReader) throws(Unreadable) in try r.figures() }))
        }
        return submission
    }

    private mutating func optionalString() throws(Unreadable) -> String? {
        try optional { (r: inout CacheReader) throws(Unreadable) in try r.string() }
    }

    static func stringKey(_ r: inout CacheReader) throws(Unreadable) -> String { try r.string() }

    private mutating func report() throws(Unreadable) -> ReportInfo {
        let number = try optionalString()
        let date = try optional { (r: inout CacheReader) throws(Unreadable) in
            SimpleDate(year: try r.int(), month: try r.int(), day: try r.int())
        }
        return ReportInfo(number: number, date: date, summary: try optionalString())
    }

    private mutating func sections() throws(Unreadable) -> [String: SectionContent] {
        try dictionary(Self.stringKey) { (r: inout CacheReader) throws(Unreadable) in
            switch try r.int() {
            case 0: return .text(try r.string())
            case 1: return .list(try r.array { (r: inout CacheReader) throws(Unreadable) in try r.string() })
            default: throw Unreadable()
            }
        }
    }

    private mutating func figures() throws(Unreadable) -> [String: [Int: Double]] {
        try dictionary(Self.stringKey) { (r: inout CacheReader) throws(Unreadable) in
            try r.dictionary({ (r: inout CacheReader) throws(Unreadable) in try r.int() }) {
                (r: inout CacheReader) throws(Unreadable) in try r.double()
            }
        }
    }
}
