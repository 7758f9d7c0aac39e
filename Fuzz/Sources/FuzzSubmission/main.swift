import Foundation
import FuzzDriver
import FuzzInputs
import TongketKit

/// The bundled outline (FuzzInputs) is fed submission files, comment files and version
/// manifests: every YAML reader tongket has.
let outline = FuzzInputs.outline

let fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { start, count in
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    let loaded = SubmissionLoader.load(data, file: "fuzz.yaml", outline: outline)
    for diagnostic in loaded.diagnostics {
        // Every diagnostic points into the file: a line and a column of at least 1.
        if diagnostic.location.line < 1 || diagnostic.location.column < 1 { abort() }
        _ = diagnostic.description
    }
    if loaded.submission == nil && loaded.diagnostics.isEmpty { abort() }
    _ = CommentLoader.load(data, file: "fuzz.yaml", outline: outline)
    _ = try? VersionManifest.parse(data, file: "phien-ban.yaml")
    return 0
}

exit(runFuzzer(fuzz))
