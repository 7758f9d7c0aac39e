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

    func child(named name: String) -> Any? {
        switch name {
        case "du_thao": return draftMark
        case "chu_quan": return parentBody
        case "co_quan": return bodyLines.map(LineView.init)
        case "so_ky_hieu": return number
        case "dia_danh_ngay": return placeAndDate
        default: return nil
        }
    }
}
