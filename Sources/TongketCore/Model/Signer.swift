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
