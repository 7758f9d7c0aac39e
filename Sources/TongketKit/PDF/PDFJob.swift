import Foundation
import TongketDocument

/// One report on its way to PDF: its source (the HTML page or the Word document) written into a
/// working folder as it is rendered, its headings read for the bookmarks, then printed by the
/// engine and finished. The source and the headings may come from different threads (the Word
/// document and the HTML page are rendered side by side), hence the lock.
public final class PDFJob: @unchecked Sendable {
    private let printer: PDFPrinter
    private let folder: URL
    private let sourceFile: URL
    private let handle: FileHandle
    private var scanner = BookmarkScanner()
    private var sourceSize = 0
    private let lock = NSLock()

    init(printer: PDFPrinter) throws(PDFError) {
        self.printer = printer
        Self.removeAbandoned()
        var template = Array((NSTemporaryDirectory() + "/\(Self.prefix)\(getpid())-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw .workingFiles(FileError(path: NSTemporaryDirectory(), message: "không tạo được thư mục làm việc cho PDF"))
        }
        folder = URL(fileURLWithPath: String(cString: made))
        sourceFile = folder.appendingPathComponent(printer.engine.source == .html ? "van-ban.html" : "van-ban.docx")
        guard FileManager.default.createFile(atPath: sourceFile.path, contents: nil),
            let handle = FileHandle(forWritingAtPath: sourceFile.path)
        else {
            try? FileManager.default.removeItem(at: folder)
            throw .workingFiles(FileError(path: sourceFile.path, message: "không ghi được tệp làm việc cho PDF"))
        }
        self.handle = handle
    }

    /// What the engine reads.
    public var source: PDFSource { printer.engine.source }

    /// The job's own folder, removed with the job: a place for large intermediate files.
    public var workingFolder: URL { folder }

    deinit {
        try? handle.close()
        try? FileManager.default.removeItem(at: folder)
    }

    /// What the engine reads: the source in the engine's format (`printer.engine.source`).
    public func writeSource(_ data: Data) throws(FileError) {
        lock.lock()
        defer { lock.unlock() }
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw FileError(path: sourceFile.path, message: "không ghi được tệp làm việc cho PDF: \(error.localizedDescription)")
        }
        sourceSize += data.count
    }

    /// A piece of the report's HTML page, in order, read for the bookmarks' titles.
    public func readHTML(_ piece: String) {
        lock.lock()
        scanner.feed(piece)
        lock.unlock()
    }

    /// Prints the source and finishes the PDF with `info`.
    public func finish(info: PDFDocumentInfo) throws(PDFError) -> Data {
        lock.lock()
        defer { lock.unlock() }
        try? handle.close()
        let engine = printer.engine
        let output = folder.appendingPathComponent("van-ban.pdf")
        let run = EngineProcess(
            executable: printer.executable,
            arguments: EngineArguments.arguments(engine, source: sourceFile, output: output, folder: folder),
            environment: EngineArguments.environment(folder: folder), directory: folder,
            timeout: EngineArguments.timeout(sourceBytes: sourceSize))
        let outcome: EngineProcess.Outcome
        do {
            outcome = try run.run()
        } catch {
            throw .workingFiles(error)
        }
        switch outcome {
        case .timedOut:
            throw .timedOut(engine, seconds: run.timeout)
        case .exited(let status, let log):
            guard status == 0, let pdf = try? Data(contentsOf: output), pdf.starts(with: Array("%PDF-".utf8)) else {
                throw .engineFailed(engine, status: status == 0 ? 1 : status, detail: Self.lastLines(log))
            }
            let finished: Data
            do {
                finished = try PDFFinisher.finish(pdf, info: info, bookmarks: scanner.titles)
            } catch {
                throw .unreadable(engine, error)
            }
            if let warning = PDFPrinter.fontWarning(PDFFonts.names(in: finished)) { printer.warnOnce(warning) }
            return finished
        }
    }

    /// Working folders are named for the process that made them, "tongket-pdf-PID-…".
    static let prefix = "tongket-pdf-"

    /// Working folders (with the engine's profile, a few megabytes) that a killed run left in the
    /// temporary folder: only those of processes that are gone, never this one's.
    static func removeAbandoned() {
        let temporary = URL(fileURLWithPath: NSTemporaryDirectory())
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count).prefix { $0.isNumber }), DeadProcess.isGone(pid) else { continue }
            try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
        }
    }

    /// The end of an engine's output, where it says what went wrong.
    static func lastLines(_ log: String) -> String {
        log.split(separator: "\n").suffix(6).map { "  " + $0 }.joined(separator: "\n")
    }
}
