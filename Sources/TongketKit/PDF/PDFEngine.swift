/// The programs tongket makes a PDF with. Neither is bundled: the one asked for is looked up when
/// a PDF is wanted, and its absence is reported with the Debian package that provides it.
public enum PDFEngine: String, Sendable, CaseIterable {
    /// Headless Chromium printing the report's HTML page: the same pages as printing that page
    /// from a browser, page numbers and landscape appendices from its print style sheet.
    case chromium
    /// LibreOffice converting the report's Word document, for a PDF laid out as Word would.
    case libreoffice

    /// What the engine reads.
    public var source: PDFSource {
        switch self {
        case .chromium: return .html
        case .libreoffice: return .docx
        }
    }

    /// The names it goes by on PATH, in the order they are tried.
    public var commandNames: [String] {
        switch self {
        case .chromium: return ["chromium", "chromium-browser", "google-chrome"]
        case .libreoffice: return ["soffice", "libreoffice"]
        }
    }

    /// The environment variable that names the program's path, overriding the search.
    public var overrideVariable: String? {
        switch self {
        case .chromium: return "TONGKET_CHROMIUM"
        case .libreoffice: return nil
        }
    }

    /// Debian's package for it.
    public var debianPackage: String {
        switch self {
        case .chromium: return "chromium"
        case .libreoffice: return "libreoffice-writer-nogui"
        }
    }

    /// Its name in messages.
    public var displayName: String {
        switch self {
        case .chromium: return "Chromium"
        case .libreoffice: return "LibreOffice"
        }
    }
}
