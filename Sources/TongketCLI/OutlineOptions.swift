import ArgumentParser
import Foundation
import TongketKit

/// `--outline DIR`, shared by every command that reads the outline.
struct OutlineOptions: ParsableArguments {
    @Option(
        name: .customLong("outline"),
        help: ArgumentHelp("Thư mục đề cương (mặc định: outline/cchc-2011-2020 đi kèm tongket).", valueName: "thư-mục"))
    var directory: String?

    /// The outline's folder: the one named, or the bundled one.
    func url() throws -> URL {
        try BundledFolder.locate(
            directory, bundled: "outline/\(ResourceLocator.defaultProgramme)", option: "--outline", what: "thư mục đề cương",
            exit: Exit.invalidOutline)
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
