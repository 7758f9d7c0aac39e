import TongketCore

/// The plan the report implements, for the opening sentence (`can_cu`).
struct BasisView: TemplateView {
    /// "Kế hoạch", "Công văn": the basis document's type.
    var kind: String
    var number: String
    var date: String
    var issuer: String
    var subject: String

    init(_ programme: Programme) {
        kind = programme.basis.kind
        number = programme.basis.number
        date = programme.basis.date.description
        issuer = programme.basis.issuer
        subject = programme.summary.lowercasedFirst
    }

    static let names = ["loai", "so", "ngay", "co_quan", "noi_dung"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "loai": return .text(kind)
        case "so": return .text(number)
        case "ngay": return .text(date)
        case "co_quan": return .text(issuer)
        case "noi_dung": return .text(subject)
        default: return nil
        }
    }
}
