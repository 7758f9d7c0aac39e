import Foundation
import Mustache
import TongketCore
import TongketDocument

/// The Mustache templates of `templates/`, loaded and parsed with errors that name the file,
/// line and column. Templates are data a province's IT officer may edit.
public struct TemplateSet: Sendable {
    /// The templates every report needs; a folder missing one is refused at load time.
    public static let required = [
        "bao-cao", "bao-cao-chuyen-de", "bao-cao-mau", "bao-cao-tong-hop", "bang-gop-y", "trang.html",
        "phan/tieu-de", "phan/muc", "phan/phu-luc", "phan/chu-ky",
    ]

    /// The print style sheet, `templates/trang.css`, put into every HTML page as it is.
    public let styleSheet: String
    /// Word's styles for DOCX, `templates/kieu-word.xml`, put into every .docx as `styles.xml`.
    public let wordStyles: String
    /// Which of those styles and which layouts each template class takes in DOCX,
    /// `templates/kieu-word-lop.yaml`.
    public let wordStyleMap: DOCXStyleMap

    let library: MustacheLibrary
    /// Each template's text by name, for checks that look at what templates refer to.
    public let sources: [String: String]
    public let directory: URL

    /// The subfolder holding the web application's page templates, which reports never use.
    public static let webFolder = "web"

    /// Loads every `*.mustache` file under `directory` (in a fixed order); a template in
    /// `phan/x.mustache` is named `phan/x`.
    public static func load(from directory: URL) throws(Diagnostic) -> TemplateSet {
        MarkdownContentType.registerOnce()
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory.path) else {
            throw Diagnostic(file: directory.path, line: 1, column: 1, message: "không mở được thư mục mẫu")
        }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            // The web application's pages (`web/`) are its own templates, not the reports'.
            if next == webFolder {
                enumerator.skipDescendants()
                continue
            }
            if next.hasSuffix(".mustache") { paths.append(next) }
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for path in paths.sorted() {
            let url = directory.appendingPathComponent(path)
            let shown = url.path
            let text = try InputFile.text(url, shownName: shown, what: "tệp mẫu")
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw Diagnostic(
                    file: shown, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: "mẫu Mustache sai: \(describe(error.error)) (dòng: \(error.context.line.trimmingCharacters(in: .whitespaces)))"
                )
            } catch {
                throw Diagnostic(file: shown, line: 1, column: 1, message: "mẫu Mustache sai: \(error)")
            }
            sources[name] = text
        }
        let cssURL = directory.appendingPathComponent("trang.css")
        let styleSheet = try InputFile.text(cssURL, shownName: cssURL.path, what: "tệp kiểu trang in")
        let wordStyles = try loadWordStyles(directory.appendingPathComponent("kieu-word.xml"))
        let wordStyleMap = try WordStyleMapLoader.load(
            directory.appendingPathComponent(WordStyleMapLoader.fileName), styleIDs: wordStyles.styleIDs)
        for name in required where sources[name] == nil {
            throw Diagnostic(
                file: directory.appendingPathComponent(name + ".mustache").path, line: 1, column: 1, message: "thiếu tệp mẫu bắt buộc")
        }
        return TemplateSet(
            styleSheet: styleSheet, wordStyles: wordStyles.text, wordStyleMap: wordStyleMap, library: library, sources: sources,
            directory: directory)
    }

    /// The Word styles and the IDs of those they define, refused with their line and column
    /// when they are not well-formed XML: Word would refuse every document made with them.
    static func loadWordStyles(_ url: URL) throws(Diagnostic) -> (text: String, styleIDs: Set<String>) {
        let text = try InputFile.text(url, shownName: url.path, what: "tệp kiểu Word")
        let parser = WordStylesParser()
        if let (line, column) = parser.parse(text) {
            throw Diagnostic(
                file: url.path, line: line, column: column,
                message: "tệp kiểu Word không phải XML hợp lệ (thẻ không khớp, chưa đóng hoặc sai cú pháp)")
        }
        return (text, parser.styleIDs)
    }

    /// Renders template `name` with `context`.
    func render(_ name: String, _ context: any TemplateView) throws(Diagnostic) -> String {
        guard let text = library.render(ViewBox(context), withTemplate: name) else {
            throw Diagnostic(
                file: directory.appendingPathComponent(name + ".mustache").path, line: 1, column: 1, message: "không có mẫu '\(name)'")
        }
        return text
    }

    private static func describe(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "thẻ đóng {{/…}} không khớp tên thẻ mở"
        case .unfinishedName: return "thẻ chưa đóng bằng }} hoặc tên thẻ sai"
        case .expectedSectionEnd: return "thiếu thẻ đóng {{/…}} của một khối"
        case .invalidSetDelimiter: return "thẻ đổi dấu phân cách sai"
        case .invalidConfigVariableSyntax, .unrecognisedConfigVariable: return "thẻ cấu hình {{% …}} sai"
        default: return "\(error)"
        }
    }
}
