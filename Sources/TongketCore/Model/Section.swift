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

    public var key: String
    public var title: String
    public var guidance: String
    public var kind: Kind
    /// Unit kinds that must fill this section.
    public var requiredFor: Set<String>
    /// Unit kinds that may fill it without having to.
    public var optionalFor: Set<String>
    public var children: [Section]

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
