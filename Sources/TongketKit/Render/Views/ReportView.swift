/// A report's root view (`bao-cao`, `bao-cao-chuyen-de`, `bao-cao-mau`, `bao-cao-tong-hop`):
/// what every report has, and what only some kinds carry (nil elsewhere).
struct ReportView: TemplateView {
    var header: HeaderView
    /// "BÁO CÁO".
    var documentType: String
    var summary: String
    var basis: BasisView?
    var unit: UnitView?
    var sections: [SectionView]
    var signature: SignatureView?
    var recipients: [String]
    var appendices: [AppendixView] = []
    /// A thematic report's, or a skeleton's, assignment.
    var thematic: ThematicView?
    /// A skeleton's deadline.
    var deadline: String?
    /// The draft's: the body that reports, how many units it rests on, the annex of submissions.
    var issuer: String?
    var totals: TotalsView?
    var submissionAnnex: AppendixView?

    static let names = [
        "tieu_de", "loai_van_ban", "trich_yeu", "can_cu", "don_vi", "muc", "chu_ky", "noi_nhan", "phu_luc", "chuyen_de", "han",
        "co_quan_ban_hanh", "tong_hop", "tinh_hinh_nop",
    ]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "tieu_de": return .view(header)
        case "loai_van_ban": return .text(documentType)
        case "trich_yeu": return .text(summary)
        case "can_cu": return basis.map { .view($0) }
        case "don_vi": return unit.map { .view($0) }
        case "muc": return .views(sections)
        case "chu_ky": return signature.map { .view($0) }
        case "noi_nhan": return .views(recipients.map(LineView.init))
        case "phu_luc": return .views(appendices)
        case "chuyen_de": return thematic.map { .view($0) }
        case "han": return deadline.map { .text($0) }
        case "co_quan_ban_hanh": return issuer.map { .text($0) }
        case "tong_hop": return totals.map { .view($0) }
        case "tinh_hinh_nop": return submissionAnnex.map { .view($0) }
        default: return nil
        }
    }
}
