import Foundation
import TongketKit
import ZIPFoundation

/// What the fuzz targets share: the bundled outline, and a real form with one of its parts
/// replaced by the fuzzer's bytes.
public enum FuzzInputs {
    /// The repository root, from this file's place in `Fuzz/Sources/FuzzInputs/`.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The bundled 2011–2020 outline, loaded once.
    nonisolated(unsafe) public static let outline: Outline = {
        do {
            return try OutlineLoader.load(from: root.appendingPathComponent("outline/cchc-2011-2020"))
        } catch {
            fatalError("fuzz: the bundled outline does not load: \(error)")
        }
    }()

    /// Fuzzes a form reader. The first byte chooses what the rest is: the part `parts[byte]` put
    /// into so-tu-phap's real form (made by `make`) in place of its own, so that the fuzzer works
    /// on the XML rather than on ZIP checksums; or, for any other first byte, the whole file as
    /// given. Stops the run (abort) when a refusal says nothing or a diagnostic has no place.
    public static func checkForm(
        _ input: Data, parts: [String], make: (ReportingUnit, Outline) throws -> Data, read: (Data, Outline) -> FormReading
    ) {
        guard let selector = input.first else { return }
        let file: Data
        if Int(selector) < parts.count {
            // A copy, not a slice: a slice keeps its indices (from 1), which `subdata` does not expect.
            guard let made = form(make, replacing: parts[Int(selector)], with: Data(input.dropFirst())) else { return }
            file = made
        } else {
            file = input
        }
        let reading = read(file, outline)
        // A form read without a unit is one refused, and a refusal always says why.
        if reading.unitID == nil && reading.diagnostics.isEmpty { abort() }
        for diagnostic in reading.diagnostics {
            if diagnostic.location.line < 1 || diagnostic.location.column < 1 || diagnostic.message.isEmpty { abort() }
            _ = diagnostic.description
        }
    }

    /// so-tu-phap's form with `path` holding `data`. The form is made afresh for each input:
    /// kept in a global, LeakSanitizer reports it as leaked on the first input and stops the run
    /// before any reading is fuzzed.
    static func form(_ make: (ReportingUnit, Outline) throws -> Data, replacing path: String, with data: Data) -> Data? {
        guard let unit = outline.unit("so-tu-phap"), let form = try? make(unit, outline),
            let source = try? Archive(data: form, accessMode: .read), let archive = try? Archive(data: Data(), accessMode: .create)
        else { return nil }
        var parts: [(String, Data)] = []
        for entry in source where entry.path != path {
            var bytes = Data()
            guard (try? source.extract(entry, consumer: { bytes.append($0) })) != nil else { return nil }
            parts.append((entry.path, bytes))
        }
        parts.append((path, data))
        do {
            for (name, bytes) in parts {
                try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none) {
                    position, size in
                    bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
                }
            }
        } catch {
            return nil
        }
        return archive.data
    }
}
