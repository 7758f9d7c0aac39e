import Foundation

/// Finds the data folder (`outline/`, `templates/`, `examples/`) for the commands whose user named
/// no folder with `--outline` or `--templates`. The order, first found wins:
///
/// 1. `TONGKET_DATA`, when set: the user said where the data is, so it is used even if it turns
///    out to be incomplete, and the error names it rather than quietly reading another copy;
/// 2. `<prefix>/share/tongket` for a binary in `<prefix>/bin`, as installed by `scripts/install`
///    or the Debian package;
/// 3. the source checkout: the current folder, then the binary's folder and its ancestors (a
///    binary built in `.build/…` finds the checkout it was built in).
///
/// Installed data comes before the checkout so that an installed tongket run from inside some
/// other checkout (or any folder that happens to hold a `templates/`) reads its own data.
public enum ResourceLocator {
    /// The programme bundled with tongket.
    public static let defaultProgramme = "cchc-2011-2020"

    /// The environment variable naming a data folder.
    public static let environmentVariable = "TONGKET_DATA"

    /// The data folder's place under an install prefix.
    public static let installedPath = "share/tongket"

    /// How many of the binary's ancestors are tried for a checkout: enough for
    /// `.build/<triple>/debug/tongket`, not so many that a binary in `/usr/bin` finds `/`.
    static let checkoutDepth = 6

    /// The data folder this process uses, found in the order above.
    public static func dataFolder() -> DataFolder? {
        dataFolder(
            environment: ProcessInfo.processInfo.environment, executable: currentExecutable(),
            currentDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// The data folder for a process with this environment, binary (symbolic links resolved) and
    /// current folder, in the order above; nil when there is none. `isDirectory` answers for the
    /// file system, so that tests can pass their own.
    public static func dataFolder(
        environment: [String: String], executable: URL?, currentDirectory: URL,
        isDirectory: (URL) -> Bool = ResourceLocator.isDirectory
    ) -> DataFolder? {
        if let named = environment[environmentVariable], !named.isEmpty {
            let base = URL(fileURLWithPath: currentDirectory.path, isDirectory: true)
            return DataFolder(url: URL(fileURLWithPath: named, relativeTo: base).absoluteURL, origin: .environment)
        }
        // A folder counts as data when it holds both the outline and the templates: an unrelated
        // `examples/` or `outline/` somewhere above the binary is not tongket's.
        func holdsData(_ folder: URL) -> Bool {
            isDirectory(folder.appendingPathComponent("outline")) && isDirectory(folder.appendingPathComponent("templates"))
        }
        let binFolder = executable?.deletingLastPathComponent()
        if let prefix = binFolder?.deletingLastPathComponent() {
            let installed = prefix.appendingPathComponent(installedPath)
            if holdsData(installed) { return DataFolder(url: installed, origin: .installed) }
        }
        var candidates = [currentDirectory]
        if var folder = binFolder {
            for _ in 0..<checkoutDepth {
                candidates.append(folder)
                folder = folder.deletingLastPathComponent()
            }
        }
        for candidate in candidates where holdsData(candidate) {
            return DataFolder(url: candidate, origin: .checkout)
        }
        return nil
    }

    /// `relative` (`templates`, `examples/thanh-hoa-2020`) in this process's data folder, when it
    /// exists there.
    public static func find(_ relative: String) -> URL? {
        guard let url = dataFolder()?.appending(relative) else { return nil }
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// Whether `url` is a folder (or a link to one).
    public static func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }

    /// This process's binary with its links resolved. Not `argv[0]`: a command found through
    /// `PATH` is started as a bare `tongket`, which says nothing about where it lives.
    static func currentExecutable() -> URL? {
        #if os(Linux)
            // The kernel's own link to the running binary; unreadable only without /proc.
            if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return URL(fileURLWithPath: path)
            }
        #endif
        return Bundle.main.executableURL?.resolvingSymlinksInPath()
    }
}
