/// Who drafts and who issues the consolidated report, and how it is signed and sent.
public struct ConsolidatedIssuer: Sendable {
    /// The unit that drafts it (Sở Nội vụ).
    public var drafterID: String
    /// The issuing body's lines of the header, in capitals.
    public var bodyLines: [String]
    /// The issuing body in running text, "UBND tỉnh Thanh Hóa": who "báo cáo kết quả như sau".
    public var name: String
    /// The code in its number, "UBND" in "…/BC-UBND".
    public var code: String
    public var signer: Signer
    public var recipients: [String]
}
