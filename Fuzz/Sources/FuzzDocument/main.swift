import Foundation
import FuzzDriver
import FuzzInputs
import TongketKit

/// The Word form reader: one XML part in place of a real form's (0 the document, 1 numbering,
/// 2 custom properties), or for any other first byte the whole file (FuzzInputs.checkForm).
let parts = ["word/document.xml", "word/numbering.xml", "docProps/custom.xml"]
FuzzInputs.prepare(parts: parts) { try DocumentFormWriter.data(for: $0, outline: $1) }

let fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { start, count in
    guard let start, count > 0 else { return 0 }
    FuzzInputs.checkForm(Data(bytes: start, count: count), parts: parts) {
        DocumentFormReader.read($0, file: "fuzz.nhap.docx", outline: $1)
    }
    return 0
}

exit(runFuzzer(fuzz))
