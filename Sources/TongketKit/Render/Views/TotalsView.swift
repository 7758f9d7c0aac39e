/// How many units the draft rests on (`tong_hop`): included, expected, as of which date.
struct TotalsView: TemplateView {
    var included: Int
    var expected: Int
    var asOf: String

    static let names = ["so_don_vi", "tong_so", "ngay"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "so_don_vi": return .text(String(included))
        case "tong_so": return .text(String(expected))
        case "ngay": return .text(asOf)
        default: return nil
        }
    }
}
