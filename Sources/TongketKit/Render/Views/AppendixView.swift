import TongketDocument

/// One appendix (`phan/phu-luc`, an entry of `phu_luc`, and `tinh_hinh_nop`): number, title,
/// the "(Kèm theo …)" line and where its table goes.
struct AppendixView: TemplateView {
    var number: String
    var title: String
    var insertion: InsertionKey
    var reference: String

    static let names = ["so", "ten", "ma_chen", "kem_theo"]

    func child(named name: String) -> Any? {
        switch name {
        case "so": return number
        case "ten": return title
        case "ma_chen": return insertion.marker
        case "kem_theo": return reference
        default: return nil
        }
    }
}
