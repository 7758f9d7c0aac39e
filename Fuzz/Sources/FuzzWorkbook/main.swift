import Foundation
import FuzzDriver
import TongketKit
import ZIPFoundation

/// The workbook form reader. The first byte chooses what the rest is: one XML part put into a
/// real form in place of its own (0 workbook, 1 an appendix sheet, 2 shared strings, 3 the
/// hidden sheet, 4 the commendations sheet), so that the fuzzer works on the XML and the cells
/// rather than on ZIP checksums; or, for any other first byte, the whole file as given.
nonisolated(unsafe) let outline: Outline = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    do {
        return try OutlineLoader.load(from: root.appendingPathComponent("outline/cchc-2011-2020"))
    } catch {
        fatalError("fuzz: the bundled outline does not load: \(error)")
    }
}()

/// The parts of so-tu-phap's form, made afresh for each input: kept in a global, LeakSanitizer
/// reports them as leaked on the first input and stops the run before any reading is fuzzed.
func template() -> [(String, Data)]? {
    guard let unit = outline.unit("so-tu-phap"), let form = try? WorkbookFormWriter.data(for: unit, outline: outline),
        let archive = try? Archive(data: form, accessMode: .read)
    else { return nil }
    var parts: [(String, Data)] = []
    for entry in archive {
        var bytes = Data()
        guard (try? archive.extract(entry, consumer: { bytes.append($0) })) != nil else { return nil }
        parts.append((entry.path, bytes))
    }
    return parts
}

let targets = [
    "xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/worksheets/sheet7.xml", "xl/worksheets/sheet6.xml",
]

func package(replacing path: String, with data: Data) -> Data? {
    do {
        let archive = try Archive(data: Data(), accessMode: .create)
        guard var parts = template()?.filter({ $0.0 != path }) else { return nil }
        parts.append((path, data))
        for (name, bytes) in parts {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none) {
                position, size in
                bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
            }
        }
        return archive.data
    } catch {
        return nil
    }
}

let fuzz: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt = { start, count in
    guard let start, count > 0 else { return 0 }
    let input = Data(bytes: start, count: count)
    let selector = Int(input[input.startIndex])
    let file: Data
    if selector < targets.count {
        // A copy, not a slice: a slice keeps its indices (from 1), which `subdata` does not expect.
        guard let made = package(replacing: targets[selector], with: Data(input.dropFirst())) else { return 0 }
        file = made
    } else {
        file = input
    }
    let reading = WorkbookFormReader.read(file, file: "fuzz.bieu.xlsx", outline: outline)
    // A form read without a unit is one refused, and a refusal always says why.
    if reading.unitID == nil && reading.diagnostics.isEmpty { abort() }
    for diagnostic in reading.diagnostics {
        if diagnostic.location.line < 1 || diagnostic.location.column < 1 || diagnostic.message.isEmpty { abort() }
        _ = diagnostic.description
    }
    return 0
}

exit(runFuzzer(fuzz))
