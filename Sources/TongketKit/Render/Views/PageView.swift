/// The HTML page around a report's body (`trang.html`).
struct PageView: TemplateView {
    var title: String
    var body: String
    var source: String
    var styleSheet: String

    static let names = ["tieu_de_trang", "than", "nguon", "kieu_trang"]

    func child(named name: String) -> Any? {
        switch name {
        case "tieu_de_trang": return title
        case "than": return body
        case "nguon": return source
        case "kieu_trang": return styleSheet
        default: return nil
        }
    }
}
