/// A thematic assignment (`chuyen_de`): its number and topic; in a skeleton also its deadline
/// and the titles of its sections.
struct ThematicView: TemplateView {
    var number: String
    var topic: String
    var deadline: String?
    var sectionTitles: [String]?

    static let names = ["so", "chu_de", "han", "muc", "ten"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "so": return .text(number)
        case "chu_de": return .text(topic)
        case "han": return deadline.map { .text($0) }
        case "muc": return sectionTitles.map { .views($0.map(TitleView.init)) }
        default: return nil
        }
    }

    /// A section title in the list of a thematic assignment's sections (`ten`).
    struct TitleView: TemplateView {
        var title: String
        static let names = ["ten"]
        func child(named name: String) -> TemplateValue? { name == "ten" ? .text(title) : nil }
    }
}
