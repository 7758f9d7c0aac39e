import TongketDocument

/// The table of comments received (`bang-gop-y`): header, summary, the commenting bodies, one
/// group per section and the drafting body's signature.
struct CommentsTableView: TemplateView {
    var header: HeaderView
    var documentType: String
    var summary: String
    var counts: String
    var bodies: [Body]
    var groups: [Group]
    /// The drafting body's signature; nil when the outline names no signer for it.
    var signature: SignatureView?

    static let names = ["tieu_de", "loai_van_ban", "trich_yeu", "tom_tat", "co_quan_gop_y", "nhom", "chu_ky"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "tieu_de": return .view(header)
        case "loai_van_ban": return .text(documentType)
        case "trich_yeu": return .text(summary)
        case "tom_tat": return .text(counts)
        case "co_quan_gop_y": return .views(bodies)
        case "nhom": return .views(groups)
        case "chu_ky": return signature.map { .view($0) }
        default: return nil
        }
    }

    /// A commenting body, its letter and how many comments it made (`co_quan_gop_y`).
    struct Body: TemplateView {
        var name: String
        var letter: String?
        var count: Int

        static let names = ["co_quan", "van_ban_gop_y", "so_y_kien"]

        func child(named key: String) -> TemplateValue? {
            switch key {
            case "co_quan": return .text(name)
            case "van_ban_gop_y": return letter.map { .text($0) }
            case "so_y_kien": return .text(String(count))
            default: return nil
            }
        }
    }

    /// The comments on one section (`nhom`): its number, title and where its table goes.
    struct Group: TemplateView {
        var number: Int
        var title: String
        var insertion: InsertionKey

        static let names = ["so", "ten", "ma_chen"]

        func child(named name: String) -> TemplateValue? {
            switch name {
            case "so": return .text(String(number))
            case "ten": return .text(title)
            case "ma_chen": return .text(insertion.marker)
            default: return nil
            }
        }
    }
}
