/// A place in a form in the words its writer sees, kept as its parts and made into text only
/// when a message names it: a workbook has hundreds of cells and a Word form hundreds of lines,
/// and building every place's text up front was a tenth of reading a pair of forms.
package enum FormPlace: Sendable {
    case text(String)
    /// `Biểu 03, ô E7 (Số hồ sơ tiếp nhận, năm 2013)`.
    case cell(sheet: String, cell: CellReference, indicator: String, year: Int)
    /// `Biểu 03, dòng 7 (Số hồ sơ tiếp nhận)`.
    case row(sheet: String, row: Int, indicator: String)
    /// `Biểu 03, chỉ tiêu "Số hồ sơ tiếp nhận"`: a row none of whose cells is left.
    case indicator(sheet: String, indicator: String)
    /// `mục II.1 "Ban hành văn bản chỉ đạo…", đoạn 3`.
    case paragraph(section: String, number: Int)

    package var text: String {
        switch self {
        case .text(let text): return text
        case .cell(let sheet, let cell, let indicator, let year): return "\(sheet), ô \(cell.name) (\(indicator), năm \(year))"
        case .row(let sheet, let row, let indicator): return "\(sheet), dòng \(row) (\(indicator))"
        case .indicator(let sheet, let indicator): return "\(sheet), chỉ tiêu \"\(indicator)\""
        case .paragraph(let section, let number): return "\(section), đoạn \(number)"
        }
    }
}
