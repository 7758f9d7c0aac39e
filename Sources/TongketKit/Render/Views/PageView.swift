/// The HTML page around a report's body (`trang.html`).
struct PageView: TemplateView {
    var title: String
    var body: String
    var source: String
    var styleSheet: String

    static let names = ["tieu_de_trang", "than", "nguon", "kieu_trang"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "tieu_de_trang": return .text(title)
        case "than": return .text(body)
        case "nguon": return .text(source)
        case "kieu_trang": return .text(styleSheet)
        default: return nil
        }
    }
}
