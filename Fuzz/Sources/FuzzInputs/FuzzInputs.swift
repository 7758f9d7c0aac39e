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

    /// For each part a target fuzzes, so-tu-phap's real form without that part, stored
    /// uncompressed: an input then only adds its one part to a copy of it in memory, instead of
    /// making the form and packing every part again (which held a run to about 50 inputs a second).
    nonisolated(unsafe) private static var withoutPart: [String: Data] = [:]

    /// Makes the forms that `checkForm` adds a part to. Called before the fuzzer's driver starts,
    /// so that what it keeps is allocated outside any input and never taken for an input's leak.
    public static func prepare(parts: [String], make: (ReportingUnit, Outline) throws -> Data) {
        guard let unit = outline.unit("so-tu-phap"), let form = try? make(unit, outline) else {
            fatalError("fuzz: so-tu-phap's form cannot be made")
        }
        for path in parts {
            guard let made = repacked(form, leavingOut: path) else { fatalError("fuzz: the form cannot be repacked without \(path)") }
            withoutPart[path] = made
        }
    }

    /// Fuzzes a form reader. The first byte chooses what the rest is: the part `parts[byte]` put
    /// into so-tu-phap's real form (prepared by `prepare`) in place of its own, so that the fuzzer
    /// works on the XML rather than on ZIP checksums; or, for any other first byte, the whole file
    /// as given. Stops the run (abort) when a refusal says nothing or a diagnostic has no place.
    public static func checkForm(_ input: Data, parts: [String], read: (Data, Outline) -> FormReading) {
        guard let selector = input.first else { return }
        let file: Data
        if Int(selector) < parts.count {
            // A copy, not a slice: a slice keeps its indices (from 1), which `subdata` does not expect.
            guard let made = form(replacing: parts[Int(selector)], with: Data(input.dropFirst())) else { return }
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

    /// The prepared form with `path` added holding `data`, in memory.
    static func form(replacing path: String, with data: Data) -> Data? {
        guard let template = withoutPart[path], let archive = try? Archive(data: template, accessMode: .update) else { return nil }
        guard (try? add(data, as: path, to: archive)) != nil else { return nil }
        return archive.data
    }

    /// `form` unpacked and packed again, uncompressed, without the part `path`.
    static func repacked(_ form: Data, leavingOut path: String) -> Data? {
        guard let source = try? Archive(data: form, accessMode: .read), let archive = try? Archive(data: Data(), accessMode: .create)
        else { return nil }
        for entry in source where entry.path != path {
            var bytes = Data()
            guard (try? source.extract(entry, consumer: { bytes.append($0) })) != nil, (try? add(bytes, as: entry.path, to: archive)) != nil
            else { return nil }
        }
        return archive.data
    }

    private static func add(_ bytes: Data, as name: String, to archive: Archive) throws {
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .none) { position, size in
            bytes.subdata(in: Int(position)..<min(Int(position) + size, bytes.count))
        }
    }
}
