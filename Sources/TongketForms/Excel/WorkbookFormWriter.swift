import Foundation
import TongketCore
import TongketDocument
import ZIPFoundation

/// Writes `ID.bieu.xlsx`, the workbook a unit fills its appendix figures and commendation
/// proposals in: one sheet per appendix table the unit fills, a sheet for commendations and a
/// hidden sheet saying which programme, outline version and unit the form is for. Every input
/// cell carries a defined name (`FormNames`), which is how `WorkbookFormReader` finds it again.
/// The same outline and unit give the same bytes (fixed entry dates and order).
public enum WorkbookFormWriter {
    /// The file name of a unit's workbook form.
    public static func fileName(for unit: ReportingUnit) -> String { "\(unit.id).bieu.xlsx" }

    /// The workbook's bytes. With `submission`, its figures and commendations are in the cells,
    /// as if the unit had typed its YAML report's tables into Excel (`tongket skeleton --from`).
    public static func data(for unit: ReportingUnit, outline: Outline, filledFrom submission: Submission? = nil) throws -> Data {
        var sheets: [SheetBuilder] = []
        var names: [(String, String)] = []
        for table in outline.appendices(for: unit) {
            let indicators = table.enteredIndicators(for: unit)
            guard !indicators.isEmpty else { continue }
            sheets.append(
                WorkbookSheets.appendix(
                    table, indicators: indicators, unit: unit, outline: outline, figures: submission?.figures[table.id] ?? [:],
                    names: &names))
        }
        let hidden = WorkbookSheets.hidden(unit: unit, outline: outline, names: &names)
        sheets.append(
            WorkbookSheets.commendations(
                outline: outline, hiddenName: hidden.quotedName, filled: submission?.commendations ?? [], names: &names))
        sheets.append(hidden)
        var seen = Set<String>()
        for (name, _) in names {
            // Two ids that differ only by "-" against "_" would share a name: refuse to write a
            // form that could not be read back unambiguously.
            guard FormNames.isValid(name), seen.insert(name.lowercased()).inserted else {
                throw FileError(
                    path: fileName(for: unit),
                    message: "đề cương có mã làm tên ô '\(name)' không hợp lệ hoặc trùng; hãy đổi mã trong đề cương")
            }
        }
        return try package(sheets: sheets, hiddenIndex: sheets.count - 1, names: names, title: "Biểu số liệu của \(unit.name)")
    }

    private static func package(sheets: [SheetBuilder], hiddenIndex: Int, names: [(String, String)], title: String) throws -> Data {
        var parts: [(String, String)] = []
        var types = FormXML.declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        types += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        types += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        let sheetML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
        types += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(sheetML).sheet.main+xml\"/>"
        types += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(sheetML).styles+xml\"/>"
        for index in sheets.indices {
            types += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"\(sheetML).worksheet+xml\"/>"
        }
        types += "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        types +=
            "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
        parts.append(("[Content_Types].xml", types + "</Types>"))
        parts.append(
            (
                "_rels/.rels",
                FormXML.declaration + "<Relationships xmlns=\"\(FormXML.packageRelationships)\">"
                    + "<Relationship Id=\"rId1\" Type=\"\(FormXML.relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                    + "<Relationship Id=\"rId3\" Type=\"\(FormXML.relationships)/extended-properties\" Target=\"docProps/app.xml\"/>"
                    + "</Relationships>"
            ))
        parts.append(
            (
                "docProps/app.xml",
                FormXML.declaration
                    + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>tongket</Application></Properties>"
            ))
        parts.append(
            (
                "docProps/core.xml",
                FormXML.declaration
                    + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
                    + "<dc:title>\(XMLBuffer.escaped(title))</dc:title><dc:creator>tongket</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"
            ))
        var workbook = FormXML.declaration + "<workbook xmlns=\"\(FormXML.spreadsheetML)\" xmlns:r=\"\(FormXML.relationships)\">"
        workbook += "<workbookPr/><bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        var relationships = FormXML.declaration + "<Relationships xmlns=\"\(FormXML.packageRelationships)\">"
        for (index, sheet) in sheets.enumerated() {
            let state = index == hiddenIndex ? " state=\"hidden\"" : ""
            workbook += "<sheet name=\"\(XMLBuffer.escaped(sheet.name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
            relationships +=
                "<Relationship Id=\"rId\(index + 1)\" Type=\"\(FormXML.relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        workbook += "</sheets><definedNames>"
        for (name, reference) in names { workbook += "<definedName name=\"\(name)\">\(XMLBuffer.escaped(reference))</definedName>" }
        // A full calculation on opening fills the phase and total columns, written without values.
        workbook += "</definedNames><calcPr calcId=\"191029\" fullCalcOnLoad=\"1\"/></workbook>"
        relationships += "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(FormXML.relationships)/styles\" Target=\"styles.xml\"/>"
        parts.append(("xl/workbook.xml", workbook))
        parts.append(("xl/_rels/workbook.xml.rels", relationships + "</Relationships>"))
        parts.append(("xl/styles.xml", FormXML.styles))
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet.xml(protected: index != hiddenIndex)))
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts { try archive.addFixedEntry(Data(text.utf8), as: path) }
        guard let data = archive.data else { throw FileError(path: title, message: "không tạo được gói XLSX") }
        return data
    }
}
