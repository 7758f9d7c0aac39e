import Foundation
import Hummingbird
import Logging

/// Turns every error into a plain Vietnamese answer: a page (or a redirect to sign in) for the
/// pages, `{"error": "…"}` for the API. An unexpected error is logged here with its detail and
/// answered with a 500 that names nothing of the server: no path, no SQL, no stack.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as WebError {
            return respond(error, to: request, context: context)
        } catch let error as any HTTPResponseError {
            let known: WebError
            switch error.status {
            case .notFound: known = .notFound
            case .contentTooLarge: known = .tooLarge
            case .methodNotAllowed: known = WebError(.methodNotAllowed, "Không dùng được cách gửi yêu cầu này ở địa chỉ này.")
            case .badRequest: known = WebError(.badRequest, "Yêu cầu không hợp lệ.")
            default:
                context.logger.error("HTTP error", metadata: ["status": "\(error.status.code)", "error": "\(error)"])
                known = WebError(error.status, "Không thực hiện được yêu cầu.")
            }
            return respond(known, to: request, context: context)
        } catch {
            context.logger.error("unexpected error", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return respond(
                WebError(.internalServerError, "Máy chủ gặp sự cố khi xử lý yêu cầu. Hãy thử lại sau; nếu vẫn lỗi, báo quản trị."),
                to: request, context: context)
        }
    }

    func respond(_ error: WebError, to request: Request, context: Context) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return JSONResponse.error(error.status, error.message)
        }
        if let redirect = error.redirect {
            return Response(status: .seeOther, headers: [.location: redirect])
        }
        let html =
            (try? services.pages.page(
                "loi", title: "Không thực hiện được",
                view: ["thong_bao": error.message, "quay_lai": error.back.map { [["duong_dan": $0]] } ?? []], chrome: .anonymous))
            ?? "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Lỗi</title><p>\(error.status.code)</p></html>"
        return Response(
            status: error.status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}
