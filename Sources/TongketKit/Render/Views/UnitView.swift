/// The reporting unit's name and id (`don_vi`).
struct UnitView: TemplateView {
    var name: String
    var id: String

    static let names = ["ten", "ma"]

    func child(named key: String) -> Any? {
        switch key {
        case "ten": return name
        case "ma": return id
        default: return nil
        }
    }
}
