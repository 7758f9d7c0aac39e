/// A reference to a document: its type, number, date, issuing body, title.
public struct DocumentReference: Sendable {
    /// "Kế hoạch", "Công văn", "Quyết định", "Chỉ thị": as "Thực hiện Kế hoạch số …" names it.
    public var kind: String
    public var number: String
    public var date: SimpleDate
    public var issuer: String
    public var title: String
}
