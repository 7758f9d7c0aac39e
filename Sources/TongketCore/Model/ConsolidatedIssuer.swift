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
    /// How the drafting body signs what it issues in its own name, the table of comments received
    /// (`nguoi_ky_don_vi_soan`); nil when the outline does not say, and the table is left unsigned.
    public var drafterSigner: Signer? = nil
    /// The body above the issuer, printed over its lines (a district's report rolled up for
    /// the province has none; a commune's would have its district).
    public var parentBody: String? = nil
    /// Whose reports the consolidated one is made from, as its material is introduced ("Tổng hợp
    /// từ báo cáo của …"): the province's units, or a unit's children below the top.
    public var reportsFrom = "các cơ quan, đơn vị"
}

extension ConsolidatedIssuer {
    /// The recipients as printed: the outline's list ending "Lưu: VT, SNV." as in the samples of
    /// Nghị định 30/2020 (the archive, then the drafting unit's abbreviation), unless the outline
    /// wrote its own "Lưu:" line, which is then kept as written.
    public func printedRecipients(drafterCode: String?) -> [String] {
        if recipients.contains(where: { $0.hasPrefix("Lưu:") || $0.hasPrefix("Lưu ") }) { return recipients }
        guard let code = drafterCode, !code.isEmpty else { return recipients + ["Lưu: VT."] }
        return recipients + ["Lưu: VT, \(code)."]
    }
}
