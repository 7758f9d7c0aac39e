import Foundation
import TongketKit

/// Where the repository's data lives, seen from the tests.
public enum Fixtures {
    /// The package root, found from this file's place in `Tests/TongketTestSupport/`.
    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let outlineDirectory = root.appendingPathComponent("outline/cchc-2011-2020")
    public static let examples = root.appendingPathComponent("examples/thanh-hoa-2020")
    /// The 2020 outline's folder for `--outline`: outside a working folder a command must be told
    /// which outline, since more than one comes with tongket.
    public static let outlinePath = outlineDirectory.path

    /// `arguments` (a command and its arguments) with the 2020 outline named after the command,
    /// unless they name an outline already.
    public static func withOutline(_ arguments: [String]) -> [String] {
        guard let command = arguments.first, !arguments.contains("--outline") else { return arguments }
        return [command, "--outline", outlinePath] + arguments.dropFirst()
    }
    /// `outline/cchc-2011-2020` as it was before outlines carried a format (format 1), kept
    /// byte for byte: what an outline written for that format looks like.
    public static let formatOneOutline = root.appendingPathComponent("Tests/Fixtures/outline-format-1")
    /// The JSON Schemas of the outline's own files.
    public static let outlineSchemas = root.appendingPathComponent("outline/schema")

    /// The bundled outline; loading it is itself tested, so failures here point at the data.
    public static func outline() throws -> Outline {
        try OutlineLoader.load(from: outlineDirectory)
    }

    /// Loads submission text as if it came from a file called `name`.
    public static func load(_ yaml: String, name: String = "bai.yaml", outline: Outline) -> LoadedSubmission {
        SubmissionLoader.load(Data(yaml.utf8), file: name, outline: outline)
    }

    /// A copy of an outline folder (the bundled one unless told) in a fresh temporary folder,
    /// with the named files edited.
    public static func outlineCopy(of source: URL = outlineDirectory, editing edits: [String: (String) -> String] = [:]) throws -> URL {
        let copy = try temporaryDirectory().appendingPathComponent("de-cuong")
        try FileManager.default.copyItem(at: source, to: copy)
        for (name, edit) in edits {
            let url = copy.appendingPathComponent(name)
            try Data(edit(try String(contentsOf: url, encoding: .utf8)).utf8).write(to: url)
        }
        return copy
    }

    /// A fresh empty folder, inside this test process's own temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = TestScratch.root.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// One folder under the system's temporary directory per test process, removed when the process
/// exits: the suite makes some four hundred folders a run, a few of them tens of megabytes (a
/// thousand units' consolidation), and left behind they filled a CI machine's disk.
enum TestScratch {
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-test-\(getpid())-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
        atexit { if let path = TestScratch.path { try? FileManager.default.removeItem(atPath: path) } }
        return url
    }()
    /// Read by the exit handler, which cannot capture.
    nonisolated(unsafe) static var path: String?
}

/// Golden files under `Tests/Golden/`: compared byte for byte, re-recorded only when the
/// environment variable `TONGKET_RECORD=1` is set on purpose.
public enum Golden {
    public static let directory = Fixtures.root.appendingPathComponent("Tests/Golden")

    public static var isRecording: Bool { ProcessInfo.processInfo.environment["TONGKET_RECORD"] == "1" }

    /// nil when `actual` matches the golden file `name`; otherwise what differs.
    public static func mismatch(_ actual: String, _ name: String) -> String? {
        let url = directory.appendingPathComponent(name)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            do { try Data(actual.utf8).write(to: url) } catch { return "không ghi được \(name): \(error)" }
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            return "chưa có tệp mẫu \(name); chạy với TONGKET_RECORD=1 để ghi"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual && Data(actual.utf8) == data { return nil }
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) {
            let left = i < a.count ? String(a[i]) : "<hết tệp>"
            let right = i < b.count ? String(b[i]) : "<hết tệp>"
            if left != right { return "\(name):\(i + 1): mong đợi «\(left)» nhưng được «\(right)»" }
        }
        return "\(name): khác nhau ở byte (chuẩn hóa Unicode?)"
    }
}
