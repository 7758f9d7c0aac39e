import Foundation
import Hummingbird

/// Signing in and out, and changing the password.
struct AuthRoutes {
    /// The pre-session cookie whose value the sign-in form must repeat.
    static let loginCSRFCookie = "csrf_dang_nhap"
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/") { _, context -> Response in
            guard let account = context.account else { return Responses.redirect("/dang-nhap") }
            if account.mustChangePassword { return Responses.redirect("/doi-mat-khau") }
            return Responses.redirect(account.role == .admin ? "/tong-hop" : "/don-vi/\(account.unit ?? "")")
        }
        router.get("/dang-nhap") { request, context in try loginPage(request, context: context, errors: [], login: "") }
        router.post("/dang-nhap") { request, context in try await login(request, context: context) }
        router.post("/dang-xuat") { request, context in try await logout(request, context: context) }
        router.get("/doi-mat-khau") { _, context in try passwordPage(context, errors: [], done: false) }
        router.post("/doi-mat-khau") { request, context in try await changePassword(request, context: context) }
        router.post("/doi-mat-khau/ma-api") { request, context in try await newToken(request, context: context) }
    }

    /// A cookie with the attributes every cookie of this server has.
    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: services.settings.isTLS, httpOnly: true, sameSite: .strict)
    }

    func loginPage(_ request: Request, context: WebContext, errors: [String], login: String, status: HTTPResponse.Status = .ok) throws
        -> Response
    {
        let token = request.cookies[Self.loginCSRFCookie]?.value ?? Secret.token()
        let view: [String: Any] = ["csrf": token, "loi": errors, "ten_dang_nhap": login]
        var response = try services.page("dang-nhap", title: "Đăng nhập", view: view, context: context, status: status)
        response.setCookie(cookie(Self.loginCSRFCookie, token))
        return response
    }

    func login(_ request: Request, context: WebContext) async throws -> Response {
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        guard let expected = request.cookies[Self.loginCSRFCookie]?.value, let given = form.fields["csrf"], Secret.equal(expected, given)
        else { throw WebError.csrf }
        // Stored in the throttle and the log: no longer than any real login.
        let login = String((form.fields["ten_dang_nhap"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        let password = form.fields["mat_khau"] ?? ""
        guard let attempt = try services.throttle.begin(login: login, address: context.address) else {
            let minutes = Int(LoginThrottle.window / 60)
            return try loginPage(
                request, context: context,
                errors: ["Đăng nhập sai quá nhiều lần. Hãy đợi \(minutes) phút rồi thử lại, hoặc liên hệ quản trị."], login: login,
                status: .tooManyRequests)
        }
        let accounts = services.accounts
        guard let account = try await Offload.run({ try accounts.authenticate(login: login, password: password) }) else {
            try services.throttle.failed(login: login, address: context.address)
            return try loginPage(
                request, context: context, errors: ["Tên đăng nhập hoặc mật khẩu không đúng."], login: login, status: .unauthorized)
        }
        try services.throttle.succeeded(attempt)
        let session = try services.sessions.create(for: account)
        try await services.database.pool.write { db in
            try WebDatabase.audit(db, account: account.login, address: context.address, action: "dang-nhap", object: account.login)
        }
        var response = Responses.redirect(account.mustChangePassword ? "/doi-mat-khau" : "/")
        response.setCookie(cookie(IdentityMiddleware.sessionCookie, session, maxAge: Int(SessionStore.lifetime)))
        response.setCookie(cookie(Self.loginCSRFCookie, "", maxAge: 0))
        return response
    }

    func logout(_ request: Request, context: WebContext) async throws -> Response {
        guard let account = context.account, let session = context.sessionID else { throw WebError.signIn }
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        try Access.csrf(form, context)
        try services.sessions.delete(session)
        try await services.database.pool.write { db in
            try WebDatabase.audit(db, account: account.login, address: context.address, action: "dang-xuat", object: account.login)
        }
        var response = Responses.redirect("/dang-nhap")
        response.setCookie(cookie(IdentityMiddleware.sessionCookie, "", maxAge: 0))
        return response
    }

    func passwordPage(
        _ context: WebContext, errors: [String], done: Bool, newToken: String? = nil, status: HTTPResponse.Status = .ok
    ) throws -> Response {
        guard let account = context.account, context.sessionID != nil else { throw WebError.signIn }
        let view: [String: Any] = [
            "csrf": context.csrf ?? "", "loi": errors, "xong": done, "bat_buoc": account.mustChangePassword,
            "ma_api_moi": newToken.map { [$0] } ?? [],
        ]
        return try services.page("doi-mat-khau", title: "Đổi mật khẩu", view: view, context: context, status: status)
    }

    func changePassword(_ request: Request, context: WebContext) async throws -> Response {
        guard let account = context.account, context.sessionID != nil else { throw WebError.signIn }
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        try Access.csrf(form, context)
        let (accounts, fields, address) = (services.accounts, form.fields, context.address)
        let outcome = try await Offload.run {
            try accounts.changePassword(
                account, current: fields["mat_khau_cu"] ?? "", new: fields["mat_khau_moi"] ?? "", repeated: fields["nhap_lai"] ?? "",
                address: address)
        }
        switch outcome {
        case .refused(let refusal):
            return try passwordPage(context, errors: [refusal], done: false, status: .badRequest)
        case .changed(let session):
            // Every other session has ended with the old password; this browser gets a fresh one.
            var response = Responses.redirect("/")
            response.setCookie(cookie(IdentityMiddleware.sessionCookie, session, maxAge: Int(SessionStore.lifetime)))
            return response
        }
    }

    /// A new API token for the signed-in account (a session, its password changed), shown once.
    func newToken(_ request: Request, context: WebContext) async throws -> Response {
        guard context.sessionID != nil else { throw WebError.signIn }
        let account = try Access.page(context)
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        try Access.csrf(form, context)
        guard let token = try services.accounts.rotateToken(login: account.login, by: account.login, address: context.address) else {
            throw WebError.signIn
        }
        return try passwordPage(context, errors: [], done: false, newToken: token)
    }
}
