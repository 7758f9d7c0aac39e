/// The access checks every route makes before anything else: who may read or write what.
enum Access {
    /// The signed-in account of a page; the sign-in page for a visitor, the password page for an
    /// account still on its initial password.
    static func page(_ context: WebContext) throws -> Account {
        guard let account = context.account else { throw WebError.signIn }
        // A Bearer token does not skip the change either.
        if account.mustChangePassword { throw WebError.changePassword }
        return account
    }

    /// The account of an API call: a Bearer token only (a session cookie does not count, so
    /// that no other site can make a browser call the API), 401 otherwise; 403 for an account
    /// still on its initial password, unless it was created `--api-ready`.
    static func api(_ context: WebContext) throws -> Account {
        guard let account = context.account, context.viaToken else { throw WebError.signIn }
        if account.mustChangePassword && !account.apiReady { throw WebError.apiChangePassword }
        return account
    }

    /// An account that may read `unit`: the unit itself or the administrator.
    static func read(unit: String, _ context: WebContext, api: Bool = false) throws -> Account {
        let account = try api ? Self.api(context) : page(context)
        guard account.mayRead(unit: unit) else { throw WebError.forbidden }
        return account
    }

    /// The unit's own account, the only one that uploads and sends for it.
    static func write(unit: String, _ context: WebContext, api: Bool = false) throws -> Account {
        let account = try api ? Self.api(context) : page(context)
        guard account.role == .unit, account.unit == unit else { throw WebError.forbidden }
        return account
    }

    /// The administrator (Sở Nội vụ).
    static func admin(_ context: WebContext, api: Bool = false) throws -> Account {
        let account = try api ? Self.api(context) : page(context)
        guard account.role == .admin else { throw WebError.forbidden }
        return account
    }

    /// Checks the form's `csrf` field against the session's token: 403 when missing or wrong.
    static func csrf(_ form: PostedForm, _ context: WebContext) throws {
        guard let expected = context.csrf, let given = form.fields["csrf"], Secret.equal(expected, given) else {
            throw WebError.csrf
        }
    }
}
