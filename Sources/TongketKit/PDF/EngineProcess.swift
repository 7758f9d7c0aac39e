import Foundation
import TongketDocument

/// One run of an engine: its own environment, its output in a file (a pipe nobody reads fills and
/// blocks a talkative program), stopped when it takes longer than its time.
struct EngineProcess {
    var executable: URL
    var arguments: [String]
    var environment: [String: String]
    /// Where the program runs and its output file goes.
    var directory: URL
    var timeout: Int

    enum Outcome {
        case exited(Int32, output: String)
        case timedOut
    }

    func run() throws(FileError) -> Outcome {
        let log = directory.appendingPathComponent("engine.log")
        guard FileManager.default.createFile(atPath: log.path, contents: nil), let handle = FileHandle(forWritingAtPath: log.path) else {
            throw FileError(path: log.path, message: "không tạo được tệp làm việc")
        }
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .exited(127, output: "\(executable.path): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
            process.terminate()
            // A browser gets a few seconds to close its helpers, then is killed outright.
            if finished.wait(timeout: .now() + .seconds(5)) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
            return .timedOut
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return .exited(process.terminationStatus, output: output)
    }
}
