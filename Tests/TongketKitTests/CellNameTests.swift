import Testing

@testable import TongketForms

@Suite("Tên ô và vùng ô của Excel")
struct CellNameTests {
    @Test("ô: 'E7', '$E$7', chữ thường; không phải ô: cột hay dòng riêng, R1C1, ngoài giới hạn của Excel")
    func cellReferences() {
        #expect(CellReference("E7") == CellReference(column: 5, row: 7))
        #expect(CellReference("$AA$10") == CellReference(column: 27, row: 10))
        #expect(CellReference("xfd1048576") == CellReference(column: 16_384, row: 1_048_576))
        for bad in ["", "E", "7", "R1C1", "E7 ", "E$", "XFE1", "A1048577", "A0", "Ê7"] {
            #expect(CellReference(Substring(bad)) == nil, "\(bad)")
        }
    }

    @Test(
        "tên đã đặt: trang có dấu cách và chữ tiếng Việt trong nháy, nháy kép bên trong, vùng hai ô; #REF! và công thức thì không trỏ đâu")
    func definedNames() {
        let quoted = DefinedNameTarget("'Biểu 03'!$E$7")
        #expect(quoted?.sheet == "Biểu 03")
        #expect(quoted?.first == CellReference(column: 5, row: 7) && quoted?.last == quoted?.first)
        let doubled = DefinedNameTarget(" 'Sở ''Tư'' pháp'!$B$4:$E$53 ")
        #expect(doubled?.sheet == "Sở 'Tư' pháp")
        #expect(doubled?.last == CellReference(column: 5, row: 53))
        #expect(DefinedNameTarget("Sheet1!B4")?.sheet == "Sheet1")
        for bad in ["#REF!", "'Biểu 03'!#REF!", "'Biểu 03!$E$7", "Sheet1", "!$E$7", "SUM(Sheet1!A1:A2)", "'Biểu'!$E$7:$F"] {
            #expect(DefinedNameTarget(bad) == nil, "\(bad)")
        }
    }
}
