import Foundation
import Mustache

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A template that could not be used, located in its file.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String { "\(file):\(line):\(column): lỗi: \(message)" }
}

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

    let library: MustacheLibrary
    /// Each template's text by name, for checks that look at what templates refer to.
    public let sources: [String: String]
    public let directory: URL

    /// Loads every `*.mustache` file under `directory` (in a fixed order); a template in
    /// `phan/x.mustache` is named `phan/x`.
    public static func load(from directory: URL) throws(TemplateError) -> TemplateSet {
        MarkdownContentType.registerOnce()
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: directory.path) else {
            throw TemplateError(file: directory.path, line: 1, column: 1, message: "không mở được thư mục mẫu")
        }
        var paths: [String] = []
        while let next = enumerator.nextObject() as? String {
            if next.hasSuffix(".mustache") { paths.append(next) }
        }
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        for path in paths.sorted() {
            let url = directory.appendingPathComponent(path)
            let shown = url.path
            let text: String
            do {
                text = try SourceText.decode(try Data(contentsOf: url), file: shown)
            } catch let diagnostic as Diagnostic {
                throw TemplateError(
                    file: shown, line: diagnostic.location.line, column: diagnostic.location.column, message: diagnostic.message)
            } catch {
                throw TemplateError(file: shown, line: 1, column: 1, message: "không đọc được tệp mẫu: \(error.localizedDescription)")
            }
            let name = String(path.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(
                    file: shown, line: error.context.lineNumber, column: error.context.columnNumber,
                    message: "mẫu Mustache sai: \(describe(error.error)) (dòng: \(error.context.line.trimmingCharacters(in: .whitespaces)))"
                )
            } catch {
                throw TemplateError(file: shown, line: 1, column: 1, message: "mẫu Mustache sai: \(error)")
            }
            sources[name] = text
        }
        let cssURL = directory.appendingPathComponent("trang.css")
        let styleSheet: String
        do {
            styleSheet = try SourceText.decode(try Data(contentsOf: cssURL), file: cssURL.path)
        } catch {
            throw TemplateError(file: cssURL.path, line: 1, column: 1, message: "không đọc được tệp kiểu trang in")
        }
        let wordStyles = try loadWordStyles(directory.appendingPathComponent("kieu-word.xml"))
        for name in required where sources[name] == nil {
            throw TemplateError(
                file: directory.appendingPathComponent(name + ".mustache").path, line: 1, column: 1, message: "thiếu tệp mẫu bắt buộc")
        }
        return TemplateSet(styleSheet: styleSheet, wordStyles: wordStyles, library: library, sources: sources, directory: directory)
    }

    /// The Word styles, refused with their line and column when they are not well-formed XML:
    /// Word would refuse every document made with them.
    static func loadWordStyles(_ url: URL) throws(TemplateError) -> String {
        let text: String
        do {
            text = try SourceText.decode(try Data(contentsOf: url), file: url.path)
        } catch {
            throw TemplateError(file: url.path, line: 1, column: 1, message: "không đọc được tệp kiểu Word")
        }
        let parser = XMLParser(data: Data(text.utf8))
        let balance = ElementBalance()
        parser.delegate = balance
        // Foundation's parser on Linux may return true with an error set, or say nothing of an
        // element left open: all three are checked.
        if !parser.parse() || parser.parserError != nil || balance.depth != 0 || !balance.sawElement {
            throw TemplateError(
                file: url.path, line: max(parser.lineNumber, 1), column: max(parser.columnNumber, 1),
                message: "tệp kiểu Word không phải XML hợp lệ (thẻ không khớp, chưa đóng hoặc sai cú pháp)")
        }
        return text
    }

    /// Renders template `name` with `context`.
    public func render(_ name: String, _ context: [String: Any]) throws(TemplateError) -> String {
        guard let text = library.render(context, withTemplate: name) else {
            throw TemplateError(
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

/// `{{% CONTENT_TYPE: MARKDOWN}}`: values are escaped so that a name or title stays text.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }

    private static let registration: Void = {
        MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
    }()

    static func registerOnce() { _ = registration }
}

/// Counts elements opened and closed while an XML file is parsed.
private final class ElementBalance: NSObject, XMLParserDelegate {
    var depth = 0
    var sawElement = false

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        depth += 1
        sawElement = true
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
    }
}
