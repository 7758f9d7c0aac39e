import TongketDocument

/// One outline section (`phan/muc`, an entry of `muc`): its number, title, heading level, key,
/// guidance in a skeleton, and where its content goes.
struct SectionView: TemplateView {
    var number: String
    var title: String
    /// "##" for a level-2 heading.
    var headingMarks: String
    var key: String
    var isPart: Bool
    var guidance: String?
    /// A skeleton's section the unit may leave out: its guidance says so ("Hướng dẫn (mục không
    /// bắt buộc): …"), so that no separate line can be stranded on a page of its own.
    var isOptional = false
    var insertion: InsertionKey?

    static let names = ["so", "ten", "cap", "ma", "la_phan", "huong_dan", "khong_bat_buoc", "ma_chen"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "so": return .text(number)
        case "ten": return .text(title)
        case "cap": return .text(headingMarks)
        case "ma": return .text(key)
        case "la_phan": return isPart ? .flag : nil
        case "huong_dan": return guidance.map { .text($0) }
        case "khong_bat_buoc": return isOptional ? .flag : nil
        case "ma_chen": return insertion.map { .text($0.marker) }
        default: return nil
        }
    }
}
