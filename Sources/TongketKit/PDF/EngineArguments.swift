import Foundation

/// How each engine is run: headless, with a profile of its own in the working folder, without
/// the network (the page is self-contained), and in a fixed environment so that the machine's
/// time zone or language cannot change the file.
enum EngineArguments {
    static func arguments(_ engine: PDFEngine, source: URL, output: URL, folder: URL) -> [String] {
        switch engine {
        case .chromium:
            return [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--host-resolver-rules=MAP * ~NOTFOUND",
                "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
                // Chromium's own header and footer (date, file name) would cover the page numbers the
                // style sheet puts in the top margin; the outline comes from the headings.
                "--no-pdf-header-footer", "--generate-pdf-document-outline", "--export-tagged-pdf",
                "--print-to-pdf=\(output.path)", source.absoluteString,
            ]
        case .libreoffice:
            let options = #"{"UseTaggedPDF":{"type":"boolean","value":"true"},"ExportBookmarks":{"type":"boolean","value":"true"}}"#
            return [
                "-env:UserInstallation=\(folder.appendingPathComponent("profile").absoluteString)", "--headless", "--norestore",
                "--nologo", "--nodefault", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export:\(options)", "--outdir",
                output.deletingLastPathComponent().path, source.path,
            ]
        }
    }

    /// The caller's environment with the home, time zone and language fixed.
    static func environment(folder: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("LC_") && $0.key != "LANGUAGE" }
        environment["HOME"] = folder.path
        environment["TZ"] = "UTC"
        environment["LANG"] = "C.UTF-8"
        environment["PATH"] = environment["PATH"] ?? "/usr/bin:/bin"
        return environment
    }

    /// Two minutes, and one more for each megabyte of source: a draft of thousands of units is
    /// a long page.
    static func timeout(sourceBytes: Int) -> Int {
        120 + 60 * (sourceBytes >> 20)
    }
}
