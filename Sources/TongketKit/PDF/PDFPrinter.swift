import Foundation
import TongketDocument

/// An engine found on this machine, ready to print reports: each report is a `PDFJob`. Found once
/// per run, before anything is rendered, so that a missing engine stops the run with nothing
/// written.
public final class PDFPrinter: @unchecked Sendable {
    /// Which engine.
    public let engine: PDFEngine
    /// The program that was found.
    public let executable: URL
    private let warn: @Sendable (String) -> Void
    private let lock = NSLock()
    private var warned = Set<String>()

    init(engine: PDFEngine, executable: URL, warn: @escaping @Sendable (String) -> Void) {
        self.engine = engine
        self.executable = executable
        self.warn = warn
    }

    /// Finds `engine`: the path in its override variable when that is set (and nothing else then,
    /// since the user chose it), otherwise the first of its names on PATH.
    /// - Parameter warn: receives each warning once (the font that replaced Times New Roman).
    /// - Throws: `PDFError.engineMissing`, naming the Debian package to install.
    public static func locate(
        _ engine: PDFEngine, environment: [String: String] = ProcessInfo.processInfo.environment,
        warn: @escaping @Sendable (String) -> Void
    ) throws(PDFError) -> PDFPrinter {
        if let variable = engine.overrideVariable, let path = environment[variable], !path.isEmpty {
            guard isProgram(path) else { throw .engineMissing(engine, override: path) }
            return PDFPrinter(engine: engine, executable: URL(fileURLWithPath: path), warn: warn)
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in engine.commandNames {
            for folder in folders where !folder.isEmpty {
                let path = folder + "/" + name
                if isProgram(path) { return PDFPrinter(engine: engine, executable: URL(fileURLWithPath: path), warn: warn) }
            }
        }
        throw .engineMissing(engine, override: nil)
    }

    static func isProgram(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// A new report to print, with its own working folder.
    public func job() throws(PDFError) -> PDFJob {
        try PDFJob(printer: self)
    }

    /// Passes `message` on the first time it is given.
    func warnOnce(_ message: String) {
        lock.lock()
        let first = warned.insert(message).inserted
        lock.unlock()
        if first { warn(message) }
    }

    /// The warning for a PDF whose fonts are `names`, when Times New Roman is not among them.
    static func fontWarning(_ names: [String]) -> String? {
        guard !names.isEmpty, !names.contains(where: { $0.hasPrefix("TimesNewRoman") }) else { return nil }
        let families = Set(names.map { $0.split(separator: "-").first.map(String.init) ?? $0 }).sorted()
        if families == ["LiberationSerif"] {
            return "tongket: cảnh báo: máy này không có phông Times New Roman; PDF nhúng phông Liberation Serif, "
                + "cùng cỡ từng chữ nên trang không đổi (cài gói Debian 'ttf-mscorefonts-installer' nếu cần đúng Times New Roman)"
        }
        return "tongket: cảnh báo: máy này không có phông Times New Roman; PDF nhúng phông \(families.joined(separator: ", ")) "
            + "thay thế, dàn trang có thể khác bản in trên máy có Times New Roman"
    }
}
