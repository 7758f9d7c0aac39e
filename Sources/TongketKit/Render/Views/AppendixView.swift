import TongketDocument

/// One appendix (`phan/phu-luc`, an entry of `phu_luc`, and `tinh_hinh_nop`): number, title,
/// the "(Kèm theo …)" line and where its table goes.
struct AppendixView: TemplateView {
    var number: String
    var title: String
    var insertion: InsertionKey
    var reference: String

    static let names = ["so", "ten", "ma_chen", "kem_theo"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "so": return .text(number)
        case "ten": return .text(title)
        case "ma_chen": return .text(insertion.marker)
        case "kem_theo": return .text(reference)
        default: return nil
        }
    }
}
