/// What the layout shows around every page: who is signed in, the sign-out form's token.
public struct PageChrome: Sendable {
    public var signedIn: Bool
    public var login: String
    public var isAdmin: Bool
    public var unitPage: String
    public var csrf: String

    /// The chrome for a signed-out visitor.
    public static let anonymous = PageChrome(signedIn: false, login: "", isAdmin: false, unitPage: "", csrf: "")

    /// The template's view.
    var values: [String: Any] {
        ["da_dang_nhap": signedIn, "ten_dang_nhap": login, "la_quan_tri": isAdmin, "trang_don_vi": unitPage, "csrf": csrf]
    }
}
