import TongketCore

/// The defined names of the workbook form, which is how it is read back: never by a row or a
/// column, so that a writer may insert rows, hide them, move or rename sheets (Excel and
/// LibreOffice carry the names along). docs/bieu-mau.md documents the scheme:
///
/// - `TK_<appendix>__<indicator>__<year>`: the input cell of one figure, ids with "-" written "_"
///   ("TK_phu_luc_03__ho_so_tiep_nhan__2013"), since a defined name may hold only letters,
///   digits, "_" and ".";
/// - `TK_khen_thuong`: the input area of the commendation proposals (four columns: kind, name,
///   form, achievement), which grows when rows are inserted inside it;
/// - `TK_chuong_trinh`, `TK_phien_ban_de_cuong`, `TK_don_vi`, `TK_phien_ban_bieu`: the cells of the
///   hidden sheet naming the programme, the outline's version, the unit and the form's version.
package enum FormNames {
    package static let programme = "TK_chuong_trinh"
    package static let outlineVersion = "TK_phien_ban_de_cuong"
    package static let unit = "TK_don_vi"
    package static let formVersion = "TK_phien_ban_bieu"
    package static let commendations = "TK_khen_thuong"

    /// The version of the workbook's layout and names; a reader refuses a form of another.
    package static let workbookVersion = "1"

    package static func figure(appendix: String, indicator: String, year: Int) -> String {
        "TK_\(part(appendix))__\(part(indicator))__\(year)"
    }

    private static func part(_ id: String) -> String {
        String(id.map { $0 == "-" ? "_" : $0 })
    }

    /// Whether `name` is usable as a defined name: Excel's rules (a letter or "_" first, then
    /// letters, digits, "_" and "."; at most 255 characters), kept to ASCII for LibreOffice.
    package static func isValid(_ name: String) -> Bool {
        guard let first = name.first, first == "_" || (first.isASCII && first.isLetter), name.count <= 255 else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }
    }
}
