import ArgumentParser
import Foundation
import TongketKit

/// Exit codes, documented in docs/cli.md and in `tongket --help`.
enum Exit {
    static let invalidInput = ExitCode(1)
    static let invalidOutline = ExitCode(2)
    static let outputFailed = ExitCode(3)
    static let invalidTemplates = ExitCode(4)
}

/// `--outline DIR`, shared by every command that reads the outline.
struct OutlineOptions: ParsableArguments {
    @Option(
        name: .customLong("outline"),
        help: ArgumentHelp("Thư mục đề cương (mặc định: outline/cchc-2011-2020 đi kèm tongket).", valueName: "thư-mục"))
    var directory: String?

    /// The outline's folder: the one named, or the bundled one.
    func url() throws -> URL {
        if let directory { return URL(fileURLWithPath: directory) }
        if let found = ResourceLocator.find("outline/\(ResourceLocator.defaultProgramme)") { return found }
        Console.error("tongket: lỗi: không tìm thấy thư mục đề cương outline/\(ResourceLocator.defaultProgramme); chỉ rõ bằng --outline")
        throw Exit.invalidOutline
    }

    /// The outline, or exit 2 after printing every problem in it.
    func load() throws -> Outline {
        let url = try url()
        do {
            return try OutlineLoader.load(from: url)
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            Console.error("tongket: lỗi: thư mục đề cương \(url.path) có lỗi")
            throw Exit.invalidOutline
        }
    }
}

/// The folder the user named, or the bundled one; exits with `exit` when neither exists.
func locate(_ given: String?, bundled: String, option: String, what: String, exit: ExitCode) throws -> URL {
    if let given { return URL(fileURLWithPath: given) }
    if let found = ResourceLocator.find(bundled) { return found }
    Console.error("tongket: lỗi: không tìm thấy \(what) \(bundled); chỉ rõ bằng \(option)")
    throw exit
}

enum Console {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
