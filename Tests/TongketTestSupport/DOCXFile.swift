import Foundation
import ZIPFoundation

/// A .docx opened for tests: its parts in the order they were stored, and golden comparison of
/// the XML parts, broken into lines at paragraphs, rows and cells so that a difference shows
/// where it is (as pandoc's DOCX goldens compare the unzipped parts).
public enum DOCXFile {
    public struct Part: Sendable {
        public var path: String
        public var data: Data
        public var modified: Date?
        public var compressed: Bool
    }

    public static func parts(_ data: Data) throws -> [Part] {
        let archive = try Archive(data: data, accessMode: .read)
        return try archive.map { entry in
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return Part(
                path: entry.path, data: bytes, modified: entry.fileAttributes[.modificationDate] as? Date,
                compressed: entry.isCompressed)
        }
    }

    public static func part(_ path: String, of data: Data) throws -> String {
        guard let part = try parts(data).first(where: { $0.path == path }) else { return "" }
        return String(decoding: part.data, as: UTF8.self)
    }

    /// One element per line where a reader of the diff would want a line to start.
    public static func pretty(_ xml: String) -> String {
        var text = xml
        for tag in [
            "<w:p>", "<w:p/>", "<w:tbl>", "<w:tr>", "<w:tc>", "<w:sectPr>", "<w:style ", "<Relationship ", "<Override ", "<Default ",
            "<w:lvl ", "<w:num ", "<w:abstractNum ", "<w:body>", "</w:body>", "<w:font ",
        ] {
            text = text.replacingOccurrences(of: tag, with: "\n" + tag)
        }
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    /// Compares every XML part of `data` (and the list of parts) with the goldens in
    /// `Tests/Golden/<directory>/`; nil when all match.
    public static func goldenMismatch(_ data: Data, _ directory: String, skipping: Set<String> = []) throws -> String? {
        let all = try parts(data)
        let listing = all.map { "\($0.path) \($0.data.count) \($0.compressed ? "deflate" : "stored")" }.joined(separator: "\n") + "\n"
        if let problem = Golden.mismatch(listing, "\(directory)/_cac-phan.txt") { return problem }
        for part in all where (part.path.hasSuffix(".xml") || part.path.hasSuffix(".rels")) && !skipping.contains(part.path) {
            let name = "\(directory)/\(part.path.replacingOccurrences(of: "[", with: "").replacingOccurrences(of: "]", with: ""))"
            if let problem = Golden.mismatch(pretty(String(decoding: part.data, as: UTF8.self)), name) { return problem }
        }
        return nil
    }
}

/// Tools that some tests need and `scripts/setup --test-tools` installs; a test that needs one
/// that is missing is skipped with the reason.
public enum ExternalTool {
    public static let launcher = "/usr/bin/env"

    /// python3 with python-docx importable.
    public static let pythonDocx: Bool = succeeds(["python3", "-c", "import docx"])
    /// python3 with jsonschema and PyYAML importable (the outline schemas' independent check).
    public static let pythonJSONSchema: Bool = succeeds(["python3", "-c", "import jsonschema, yaml"])
    /// LibreOffice's headless converter.
    public static let libreOffice: Bool = succeeds(["soffice", "--version"])
    public static let pdftotext: Bool = succeeds(["pdftotext", "-v"])

    /// Runs a command found on PATH; its status and output.
    public static func run(_ arguments: [String], in directory: URL? = nil) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: launcher)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = environment["HOME"] ?? NSTemporaryDirectory()
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func succeeds(_ arguments: [String]) -> Bool { run(arguments).status == 0 }
}
