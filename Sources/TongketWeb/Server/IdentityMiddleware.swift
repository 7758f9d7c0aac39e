import Foundation
import Hummingbird

/// Finds who is asking: a session cookie (pages) or a Bearer token (API), and the address used
/// for rate limits and the audit log. Decides nothing: each route checks access itself.
struct IdentityMiddleware: RouterMiddleware {
    typealias Context = WebContext
    /// The session cookie's name.
    static let sessionCookie = "phien"
    let services: WebServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        context.address = address(of: request, context: context)
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0].lowercased() == "bearer" {
                let token = String(parts[1]).trimmingCharacters(in: .whitespaces)
                if let account = try services.accounts.account(token: token) {
                    context.account = account
                    context.viaToken = true
                }
            }
        } else if let cookie = request.cookies[Self.sessionCookie], let found = try services.sessions.find(cookie.value) {
            context.account = found.account
            context.sessionID = cookie.value
            context.csrf = found.csrf
        }
        return try await next(request, context)
    }

    /// The peer's address, or the last of `X-Forwarded-For` when a trusted proxy is in front: the
    /// one that proxy appended (what it saw); anything before it is the client's own say.
    func address(of request: Request, context: Context) -> String {
        if services.settings.trustProxy {
            // Repeated headers are one list, in order.
            let forwarded = request.headers[values: .forwardedFor].joined(separator: ",")
            let last = forwarded.split(separator: ",").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !last.isEmpty { return String(last.prefix(64)) }
        }
        return context.peerAddress ?? "không rõ"
    }
}
