import Foundation
import FuzzDriver
import FuzzInputs
import TongketKit

/// The workbook form reader: one XML part in place of a real form's (0 workbook, 1 an appendix
/// sheet, 2 shared strings, 3 the hidden sheet, 4 the commendations sheet), or for any other
/// first byte the whole file (FuzzInputs.checkForm).
let parts = [
    "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet7.xml", "xl/worksheets/sheet6.xml",
]
FuzzInputs.prepare(parts: parts) { try WorkbookFormWriter.data(for: $0, outline: $1) }

let fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { start, count in
    guard let start, count > 0 else { return 0 }
    FuzzInputs.checkForm(Data(bytes: start, count: count), parts: parts) {
        WorkbookFormReader.read($0, file: "fuzz.bieu.xlsx", outline: $1)
    }
    return 0
}

exit(runFuzzer(fuzz))
