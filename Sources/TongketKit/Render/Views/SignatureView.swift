import TongketCore

/// The signature partial (`phan/chu-ky`, `chu_ky`): authority, title, name.
struct SignatureView: TemplateView {
    var authority: String?
    var title: String
    var name: String

    init(_ signer: Signer) {
        authority = signer.authority
        title = signer.title ?? ""
        name = signer.name ?? ""
    }

    static let names = ["quyen_han", "chuc_vu", "ho_ten"]

    func child(named key: String) -> TemplateValue? {
        switch key {
        case "quyen_han": return authority.map { .text($0) }
        case "chuc_vu": return .text(title)
        // Nil, not "", when the draft leaves it blank: "****" would be a thematic break.
        case "ho_ten": return name.isEmpty ? nil : .text(name)
        default: return nil
        }
    }
}
