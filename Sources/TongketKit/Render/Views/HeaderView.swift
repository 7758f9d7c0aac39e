import TongketCore

/// The header partial (`phan/tieu-de`): parent body, issuing body, number, place and date, and
/// the draft mark above it.
struct HeaderView: TemplateView {
    var draftMark: String?
    var parentBody: String?
    var bodyLines: [String]
    var number: String
    var placeAndDate: String

    init(unit: ReportingUnit, number: String, placeAndDate: String, draftMark: String? = nil) {
        self.draftMark = draftMark
        parentBody = unit.parentBody
        bodyLines = unit.bodyLines
        self.number = number
        self.placeAndDate = placeAndDate
    }

    static let names = ["du_thao", "chu_quan", "co_quan", "so_ky_hieu", "dia_danh_ngay"]

    func child(named name: String) -> TemplateValue? {
        switch name {
        case "du_thao": return draftMark.map { .text($0) }
        case "chu_quan": return parentBody.map { .text($0) }
        case "co_quan": return .views(bodyLines.map(LineView.init))
        case "so_ky_hieu": return .text(number)
        case "dia_danh_ngay": return .text(placeAndDate)
        default: return nil
        }
    }
}
