/// One unit's report as the unit submitted it, after loading and normalising: plain values.
public struct Submission: Sendable {
    /// The file it was read from, as the user named it.
    public var file: String
    public var unitID: String
    public var report: ReportInfo
    public var signer: Signer
    public var recipients: [String]
    /// What the unit wrote, by section key.
    public var sections: [String: SectionContent]
    /// The thematic report, for a department the plan assigns one.
    public var thematic: ThematicPart?
    /// Figures by appendix id, then indicator id, then year.
    public var figures: [String: [String: [Int: Double]]]
    public var commendations: [Commendation]

    public init(
        file: String, unitID: String, report: ReportInfo, signer: Signer, recipients: [String],
        sections: [String: SectionContent], thematic: ThematicPart?, figures: [String: [String: [Int: Double]]],
        commendations: [Commendation]
    ) {
        self.file = file
        self.unitID = unitID
        self.report = report
        self.signer = signer
        self.recipients = recipients
        self.sections = sections
        self.thematic = thematic
        self.figures = figures
        self.commendations = commendations
    }
}

/// What a unit wrote in one section.
public enum SectionContent: Sendable, Equatable {
    /// Markdown prose.
    case text(String)
    /// One Markdown point per item.
    case list([String])

    /// Whether nothing but white space was written.
    public var isEmpty: Bool {
        switch self {
        case .text(let text): return text.allSatisfy(\.isWhitespace)
        case .list(let items): return items.allSatisfy { $0.allSatisfy(\.isWhitespace) }
        }
    }
}

/// The number, date and optional summary line of a report.
public struct ReportInfo: Sendable, Equatable {
    /// "45/BC-STP".
    public var number: String?
    public var date: SimpleDate?
    /// Overrides the programme's summary line.
    public var summary: String?

    public init(number: String?, date: SimpleDate?, summary: String?) {
        self.number = number
        self.date = date
        self.summary = summary
    }
}

/// Who signs: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC" / name.
public struct Signer: Sendable, Equatable {
    /// The authority prefix line, such as "KT. GIÁM ĐỐC"; nil when the head signs.
    public var authority: String?
    public var title: String?
    public var name: String?

    public init(authority: String?, title: String?, name: String?) {
        self.authority = authority
        self.title = title
        self.name = name
    }
}

/// A department's thematic report for the whole province.
public struct ThematicPart: Sendable, Equatable {
    public var report: ReportInfo
    public var sections: [String: SectionContent]

    public init(report: ReportInfo, sections: [String: SectionContent]) {
        self.report = report
        self.sections = sections
    }
}

/// A proposal to commend a collective or an individual.
public struct Commendation: Sendable, Equatable {
    public enum Recipient: String, Sendable, CaseIterable {
        case collective = "tap-the"
        case individual = "ca-nhan"

        public var name: String { self == .collective ? "Tập thể" : "Cá nhân" }
    }

    public var recipient: Recipient
    public var name: String
    /// The form of commendation, "Bằng khen của Chủ tịch UBND tỉnh".
    public var form: String
    public var achievement: String

    public init(recipient: Recipient, name: String, form: String, achievement: String) {
        self.recipient = recipient
        self.name = name
        self.form = form
        self.achievement = achievement
    }
}
