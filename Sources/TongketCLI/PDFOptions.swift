import ArgumentParser
import Foundation
import TongketKit

/// `--pdf-engine`, for every command that can write PDF.
struct PDFOptions: ParsableArguments {
    @Option(
        name: .customLong("pdf-engine"),
        help: ArgumentHelp(
            "Chương trình làm PDF (--format pdf): chromium (in trang HTML; mặc định) hoặc libreoffice (chuyển tệp Word).",
            valueName: "chương-trình"))
    var engine: String = "chromium"

    func validate() throws {
        guard PDFEngine(rawValue: engine) != nil else {
            throw ValidationError("chương trình làm PDF '\(engine)' không có; dùng chromium hoặc libreoffice")
        }
    }

    /// The engine, found before anything is written, when `formats` asks for PDF; a missing one
    /// is reported with the package to install and ends the run (exit code 5).
    func printer(for formats: [DocumentFormat]) throws -> PDFPrinter? {
        guard formats.contains(.pdf) else { return nil }
        do {
            return try PDFPrinter.locate(PDFEngine(rawValue: engine) ?? .chromium) { Console.error($0) }
        } catch {
            Console.error(error.description)
            throw Exit.pdfFailed
        }
    }
}
