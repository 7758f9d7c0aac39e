import Hummingbird

/// The application's router: every page, file and API route, behind the security headers, the
/// error pages and the identity lookup. Tests enumerate `router.routes` to walk every route.
public enum WebRouter {
    /// The router over `services`.
    public static func build(_ services: WebServices) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        router.add(middleware: SecurityHeadersMiddleware(isTLS: services.settings.isTLS))
        router.add(middleware: ErrorMiddleware(services: services))
        router.add(middleware: IdentityMiddleware(services: services))
        AuthRoutes(services: services).add(to: router)
        UnitRoutes(services: services).add(to: router)
        AdminRoutes(services: services).add(to: router)
        DraftRoutes(services: services).add(to: router)
        APIRoutes(services: services).add(to: router)
        StaticRoutes(services: services).add(to: router)
        return router
    }

    /// The routes open to anyone: static files, the health check, the sign-in page.
    public static let publicRoutes: Set<String> = [
        "GET /tai-nguyen/trang.css", "GET /tai-nguyen/keo-tha.js", "GET /tai-nguyen/bao-cao.css", "GET /api/v1/health",
        "GET /dang-nhap", "POST /dang-nhap", "GET /",
    ]
}
