/// A section of the outline.
public struct Section: Sendable {
    /// What a unit writes in a section.
    public enum Kind: String, Sendable {
        /// Markdown prose.
        case text = "van-ban"
        /// One point per item, gathered as lists when reports are merged.
        case list = "danh-sach"
        /// The commendation table, filled from the submission's `khen_thuong` data.
        case commendations = "khen-thuong"
        /// The table of results against targets, built by tongket when it consolidates.
        case targets = "doi-chieu-muc-tieu"
        /// A section with subsections and no text of its own.
        case group = "nhom"
    }

    /// Whom units' points in this section are addressed to (`de_xuat_voi`): proposals to the
    /// body that consolidates them are its own business, kept out of the proposals it makes in
    /// turn (they go to the annex of units' material).
    public enum Addressee: String, Sendable {
        /// The body that consolidates the units' reports (UBND tỉnh, for a province's units).
        case consolidatingBody = "co-quan-tong-hop"
        /// The levels above it (the Government, ministries): the consolidated report may take
        /// them up.
        case higherLevels = "cap-tren"
    }

    public var key: String
    public var title: String
    public var guidance: String
    public var kind: Kind
    /// Unit kinds that must fill this section.
    public var requiredFor: Set<String>
    /// Unit kinds that may fill it without having to.
    public var optionalFor: Set<String>
    public var children: [Section]
    /// Set on proposal sections: to whom the units' proposals written here are addressed.
    public var proposalsTo: Addressee? = nil
    /// Sentences stating the consolidated figures at the head of the section (`cau_so_lieu`).
    public var figureSentences: [FigureSentence] = []

    public var isGroup: Bool { kind == .group }

    /// Whether units write text here themselves (rather than tongket filling it from data).
    public var isWritten: Bool { kind == .text || kind == .list }

    /// Whether a unit of `kind` writes here in its own report, and must.
    public func requirement(for kind: String) -> Requirement {
        if requiredFor.contains(kind) { return .required }
        if optionalFor.contains(kind) { return .optional }
        return .notApplicable
    }
}
