import Foundation

/// Finds the bundled data folders (`outline/`, `templates/`, `examples/`) whether tongket runs
/// from the repository, from `.build/…/tongket`, or installed beside a copy of the data.
public enum ResourceLocator {
    /// The programme bundled with tongket.
    public static let defaultProgramme = "cchc-2011-2020"

    /// The first `relative` path found under the current directory, the executable's folder or
    /// one of its ancestors.
    public static func find(_ relative: String) -> URL? {
        let manager = FileManager.default
        var bases = [URL(fileURLWithPath: manager.currentDirectoryPath)]
        var executable = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            bases.append(executable)
            executable = executable.deletingLastPathComponent()
        }
        for base in bases {
            let candidate = base.appendingPathComponent(relative)
            if manager.fileExists(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
