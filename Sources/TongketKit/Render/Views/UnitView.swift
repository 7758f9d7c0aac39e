/// The reporting unit's name and id (`don_vi`).
struct UnitView: TemplateView {
    var name: String
    var id: String

    static let names = ["ten", "ma"]

    func child(named key: String) -> TemplateValue? {
        switch key {
        case "ten": return .text(name)
        case "ma": return .text(id)
        default: return nil
        }
    }
}
