import Hummingbird

/// Adds the security headers to every response, errors included.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext

    /// The policy: only this server's own files; no inline script or style, no plugins, no framing,
    /// no `<base>`, forms posted only here.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; frame-ancestors 'none'; "
        + "base-uri 'none'; form-action 'self'"
    /// Behind TLS (`--public-url https://…`): browsers keep to HTTPS for a year.
    static let strictTransportSecurity = "max-age=31536000"
    let isTLS: Bool

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "same-origin"
        if isTLS { response.headers[.strictTransportSecurity] = Self.strictTransportSecurity }
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}
