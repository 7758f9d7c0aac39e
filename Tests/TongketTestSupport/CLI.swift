import Foundation

/// Runs the built `tongket` binary the way a user does, capturing stdout, stderr and the exit code.
public enum CLI {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary `swift test` built beside the test bundle (or `TONGKET_BINARY`).
    public static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["TONGKET_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = directory.appendingPathComponent("tongket")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return Fixtures.root.appendingPathComponent(".build/debug/tongket")
    }

    /// Runs `tongket arguments…` in `directory` (the repository root by default) with a fixed,
    /// minimal environment so that the user's locale or time zone can't change what is checked.
    public static func run(
        _ arguments: [String], in directory: URL = Fixtures.root, stdin: Data? = nil, environment: [String: String] = [:],
        executable: URL? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable ?? binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = baseEnvironment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let input = Pipe()
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes before waiting, so a chatty process can't fill one and block.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `tongket arguments…` and kills it (SIGKILL, no chance to clean up) after `delay`
    /// seconds, or lets it finish if it is done before; whether it was killed.
    public static func runAndKill(_ arguments: [String], in directory: URL, after delay: Double) throws -> Bool {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = baseEnvironment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        let killed = process.isRunning
        if killed { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return killed && process.terminationReason == .uncaughtSignal
    }

    /// A fixed, minimal environment, so that the user's locale or time zone can't change what is
    /// checked; the sanitizers' settings pass through when the suite runs under them.
    static var baseEnvironment: [String: String] {
        var environment = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC"]
        for key in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TONGKET_SANITIZED"] {
            if let value = ProcessInfo.processInfo.environment[key] { environment[key] = value }
        }
        return environment
    }

    /// Runs `tongket arguments…` with at most `seconds` of time and `megabytes` of address space
    /// (ulimit -v): a hang or a runaway allocation ends the process, and the test sees it. Under
    /// AddressSanitizer (scripts/sanitize), whose shadow memory needs terabytes of address space,
    /// only the time is bounded.
    public static func runBounded(
        _ arguments: [String], in directory: URL = Fixtures.root, seconds: Int = 30, megabytes: Int = 1024
    ) throws -> Result {
        let memory = baseEnvironment["TONGKET_SANITIZED"] == nil ? "ulimit -v \(megabytes * 1024); " : ""
        return try run(
            ["-c", "\(memory)exec timeout -s KILL \(seconds) \"$0\" \"$@\"", binary.path] + arguments,
            in: directory, executable: URL(fileURLWithPath: "/bin/sh"))
    }
}
