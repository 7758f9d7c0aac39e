import ArgumentParser
import Foundation
import TongketKit

/// `-C DIR` and the working folder (`tongket.yaml`, made by `tongket init`) found from there,
/// shared by every command: inside one, whatever the user leaves out comes from it.
struct WorkspaceOptions: ParsableArguments {
    @Option(
        name: .customShort("C"),
        help: ArgumentHelp(
            "Chạy như khi đang đứng ở thư mục này (thường là thư mục làm việc tạo bằng 'tongket init').", valueName: "thư-mục"))
    var directory: String?

    /// Moves into `-C`'s folder, then reads the working folder the current folder is in, if any.
    func enter() throws -> Workspace? {
        if let directory { try Self.change(to: directory) }
        return try Self.current()
    }

    /// `-C`: what follows is read as if the command had been started in `directory`.
    static func change(to directory: String) throws {
        guard ResourceLocator.isDirectory(URL(fileURLWithPath: directory)),
            FileManager.default.changeCurrentDirectoryPath(directory)
        else {
            Console.error("tongket: lỗi: -C \(directory): không có thư mục này")
            throw Exit.usage
        }
    }

    /// The working folder the current folder is in (or under), or nil outside one.
    static func current() throws -> Workspace? {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        guard let file = Workspace.find(from: here) else { return nil }
        do {
            return try Workspace.load(file, shownName: displayPath(file))
        } catch {
            for diagnostic in error.diagnostics { Console.error(diagnostic.description) }
            Console.error("tongket: lỗi: tệp thư mục làm việc \(displayPath(file)) có lỗi")
            throw Exit.usage
        }
    }

    /// `url` relative to `base` (the current folder) when it lies under it, as the user would
    /// type it; its full path otherwise.
    static func displayPath(_ url: URL, from base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) -> String {
        let here = base.standardizedFileURL.path
        let path = url.standardizedFileURL.path
        if path == here { return "." }
        return path.hasPrefix(here + "/") ? String(path.dropFirst(here.count + 1)) : path
    }
}
