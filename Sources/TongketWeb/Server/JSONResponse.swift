import Foundation
import Hummingbird

/// JSON bodies of the API.
enum JSONResponse {
    /// `value` as JSON with `status`.
    static func make(_ status: HTTPResponse.Status = .ok, _ value: Any) -> Response {
        let data =
            (try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return raw(status, data)
    }

    /// Bytes already JSON.
    static func raw(_ status: HTTPResponse.Status, _ data: Data) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": message}`.
    static func error(_ status: HTTPResponse.Status, _ message: String) -> Response {
        var response = make(status, ["error": message])
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
