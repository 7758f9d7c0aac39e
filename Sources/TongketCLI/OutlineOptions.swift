import ArgumentParser
import Foundation
import TongketKit

/// `--outline DIR|ID`, shared by every command that reads the outline.
struct OutlineOptions: ParsableArguments {
    @Option(
        name: .customLong("outline"),
        help: ArgumentHelp(
            "Đề cương: một thư mục, hoặc mã một đề cương đi kèm (xem 'tongket outline --list'). Mặc định: đề cương của thư mục "
                + "làm việc; ngoài thư mục làm việc, phải ghi khi có nhiều đề cương đi kèm.", valueName: "thư-mục|mã"))
    var directory: String?

    /// The outline's folder: the one named, the working folder's, or the only one installed.
    func url(in workspace: Workspace?) throws -> URL {
        do {
            return try OutlineChoice.resolve(given: directory, workspace: workspace, data: ResourceLocator.dataFolder())
        } catch {
            Console.error("tongket: lỗi: \(error.message)")
            if case .notChosen = error { throw Exit.usage }
            throw Exit.invalidOutline
        }
    }

    /// The outline, or exit 2 after printing every problem in it.
    func load(in workspace: Workspace?) throws -> Outline {
        try Self.load(from: try url(in: workspace))
    }

    /// The outline in `url`, or exit 2 after printing every problem in it.
    static func load(from url: URL) throws -> Outline {
        try checked(Result { () throws(OutlineError) in try OutlineLoader.load(from: url) }, from: url)
    }

    /// The outline read from `url`, or exit 2 after printing every problem in it.
    static func checked(_ loaded: Result<Outline, OutlineError>, from url: URL) throws -> Outline {
        switch loaded {
        case .success(let outline): return outline
        case .failure(let error):
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            Console.error("tongket: lỗi: thư mục đề cương \(url.path) có lỗi")
            throw Exit.invalidOutline
        }
    }
}
