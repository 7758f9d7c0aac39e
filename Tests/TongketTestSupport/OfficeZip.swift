import Foundation
import ZIPFoundation

/// Office packages taken apart and put together again in tests, to make the hostile or altered
/// files a reader must withstand from a good one.
public enum OfficeZip {
    /// A ZIP of `parts` in order, deflated unless `stored`.
    public static func make(_ parts: [(String, Data)], stored: Bool = false) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: stored ? .none : .deflate,
                bufferSize: 1 << 20
            ) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        return archive.data ?? Data()
    }

    /// `data`'s parts with `change` applied to each part's text.
    public static func edit(_ data: Data, stored: Bool = false, _ change: (String, String) -> String) throws -> Data {
        let parts = try DOCXFile.parts(data).map { part -> (String, Data) in
            guard part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels") else { return (part.path, part.data) }
            return (part.path, Data(change(part.path, String(decoding: part.data, as: UTF8.self)).utf8))
        }
        return try make(parts, stored: stored)
    }
}

extension ExternalTool {
    /// python3 with openpyxl importable.
    public static let openpyxl: Bool = succeeds(["python3", "-c", "import openpyxl"])

    /// Runs a Python script given as text with `arguments`; its status and output.
    public static func python(_ script: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-\(UUID().uuidString).py")
        try Data(script.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return run(["python3", file.path] + arguments)
    }

    /// `input` re-saved by LibreOffice headless as `format` ("xlsx", "docx") into `directory`, as a
    /// LibreOffice user's save rewrites the whole package; the new file's URL.
    public static func libreOfficeResave(_ input: URL, as format: String, into directory: URL) -> (URL?, String) {
        let profile = directory.appendingPathComponent("lo-profile")
        let out = directory.appendingPathComponent("lo-out")
        let result = run([
            "soffice", "-env:UserInstallation=file://\(profile.path)", "--headless", "--convert-to", format, "--outdir", out.path,
            input.path,
        ])
        let url = out.appendingPathComponent(input.deletingPathExtension().lastPathComponent + "." + format)
        return (FileManager.default.fileExists(atPath: url.path) ? url : nil, result.output)
    }
}
