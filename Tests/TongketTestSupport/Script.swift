import Foundation

/// Runs one of the repository's scripts (`scripts/…`) as a developer does: with the caller's
/// environment, since they build with `swift` and may need `sudo` or `HOME`, at the lowest CPU
/// priority, and killed after `seconds` so that a stuck build ends the test instead of the suite.
public enum Script {
    /// `scripts/name arguments…` from the repository root; its stdout and stderr together.
    public static func run(_ name: String, _ arguments: [String], seconds: Int) throws -> CLI.Result {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("tongket-script-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        // At the lowest priority: a build running beside the suite must not slow the tests that
        // time tongket (the kills mid-write choose their moments from a measured run).
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        process.arguments =
            ["-n", "19", "/usr/bin/timeout", "-s", "KILL", "\(seconds)", Fixtures.root.appendingPathComponent("scripts/\(name)").path]
            + arguments
        process.currentDirectoryURL = Fixtures.root
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try output.close()
        let text = String(decoding: try Data(contentsOf: log), as: UTF8.self)
        return CLI.Result(status: process.terminationStatus, stdout: text, stderr: "")
    }
}
