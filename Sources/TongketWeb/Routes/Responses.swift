import Foundation
import Hummingbird

/// The shapes of page responses.
enum Responses {
    /// An HTML page.
    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// 303 to `location`.
    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    /// 303 to an upload's result page, the body naming the upload and its SHA-256 for scripts.
    static func created(_ record: UploadRecord) -> Response {
        let location = "/don-vi/\(record.unit)/lan-nop/\(record.id)"
        return Response(
            status: .seeOther, headers: [.location: location, .contentType: "text/plain; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: "Đã nhận lần nộp số \(record.id), SHA-256 \(record.sha256): \(location)\n")))
    }

    /// A file to download under `name`.
    static func download(_ data: Data, name: String, type: String, inline: Bool = false) -> Response {
        let ascii = name.unicodeScalars.allSatisfy { $0.isASCII && $0 != "\"" } ? name : "tep"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return Response(
            status: .ok,
            headers: [
                .contentType: type,
                .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The media type of a download by its extension.
    static func mediaType(_ name: String) -> String {
        if name.hasSuffix(".docx") { return "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }
        if name.hasSuffix(".xlsx") { return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }
        if name.hasSuffix(".html") { return "text/html; charset=utf-8" }
        if name.hasSuffix(".md") { return "text/markdown; charset=utf-8" }
        if name.hasSuffix(".csv") { return "text/csv; charset=utf-8" }
        return "application/yaml; charset=utf-8"
    }
}

extension WebServices {
    /// The layout's chrome for the signed-in account.
    func chrome(_ context: WebContext) -> PageChrome {
        guard let account = context.account else { return .anonymous }
        return PageChrome(
            signedIn: true, login: account.login, isAdmin: account.role == .admin,
            unitPage: account.unit.map { "/don-vi/\($0)" } ?? "/", csrf: context.csrf ?? "")
    }

    /// A page in the layout.
    func page(_ template: String, title: String, view: Any, context: WebContext, status: HTTPResponse.Status = .ok) throws -> Response {
        Responses.html(try pages.page(template, title: title, view: view, chrome: chrome(context)), status: status)
    }
}
