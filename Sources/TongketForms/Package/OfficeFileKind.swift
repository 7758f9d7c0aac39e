/// Which Office file a form is, for the words of messages about it.
package enum OfficeFileKind: Sendable {
    case workbook
    case document

    /// "biểu Excel (.xlsx)", as a message names what was expected.
    var name: String {
        switch self {
        case .workbook: return "biểu Excel (.xlsx)"
        case .document: return "tệp Word (.docx)"
        }
    }

    /// The old binary format the same program saved before 2007.
    var oldName: String {
        switch self {
        case .workbook: return ".xls"
        case .document: return ".doc"
        }
    }

    /// The part every package of this kind has, and the one a macro project is kept in.
    var mainPart: String { self == .workbook ? "xl/workbook.xml" : "word/document.xml" }
    var macroPart: String { self == .workbook ? "xl/vbaProject.bin" : "word/vbaProject.bin" }
    var saveAs: String {
        switch self {
        case .workbook: return "Excel Workbook (*.xlsx)"
        case .document: return "Word Document (*.docx)"
        }
    }
}
