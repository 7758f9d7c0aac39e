import Foundation
import Mustache
import TongketKit

/// The web pages' Mustache templates, `templates/web/*.mustache`, loaded and parsed once; every
/// page goes through the layout `trang`. Templates escape every `{{value}}`; only HTML this
/// server made itself (the page body, a rendered report) goes through `{{{…}}}`.
public struct PageRenderer: Sendable {
    /// The folder's name under the report templates.
    public static let folderName = TemplateSet.webFolder
    let library: MustacheLibrary
    /// The style sheet and script served under `/tai-nguyen/`.
    public let styleSheet: String
    public let script: String

    /// Loads `templates/web/` of `templatesFolder`.
    public init(templatesFolder: URL) throws {
        let folder = templatesFolder.appendingPathComponent(Self.folderName)
        var library = MustacheLibrary()
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }.sorted()
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            library.register(try MustacheTemplate(string: text), named: String(name.dropLast(".mustache".count)))
        }
        self.library = library
        styleSheet = try String(contentsOf: folder.appendingPathComponent("trang.css"), encoding: .utf8)
        script = try String(contentsOf: folder.appendingPathComponent("keo-tha.js"), encoding: .utf8)
    }

    /// `template` rendered with `view`, inside the layout.
    public func page(_ template: String, title: String, view: Any, chrome: PageChrome) throws -> String {
        guard let body = library.render(view, withTemplate: template) else {
            throw WebError(.internalServerError, "thiếu mẫu trang \(template)")
        }
        let layout: [String: Any] = ["tieu_de": title, "noi_dung": body, "khung": chrome.values]
        guard let html = library.render(layout, withTemplate: "trang") else {
            throw WebError(.internalServerError, "thiếu mẫu trang khung")
        }
        return html
    }
}
