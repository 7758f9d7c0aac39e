import Hummingbird

/// A refusal with its status and a Vietnamese message; pages and the API show it each in its way.
public struct WebError: Error, Sendable {
    /// The response status.
    public var status: HTTPResponse.Status
    /// What the user reads.
    public var message: String
    /// For pages: where to send the browser instead (303).
    public var redirect: String?
    /// For pages: a link back, shown under the message (a stale form's page, to look again).
    public var back: String?

    public init(_ status: HTTPResponse.Status, _ message: String, redirect: String? = nil, back: String? = nil) {
        self.status = status
        self.message = message
        self.redirect = redirect
        self.back = back
    }

    /// Not signed in: a page goes to the sign-in page, the API answers 401.
    public static let signIn = WebError(.unauthorized, "Cần đăng nhập (hoặc mã API hợp lệ).", redirect: "/dang-nhap")
    /// The initial password must be changed first.
    public static let changePassword = WebError(.forbidden, "Cần đổi mật khẩu ban đầu trước.", redirect: "/doi-mat-khau")
    /// An API token of an account still on its initial password.
    public static let apiChangePassword = WebError(
        .forbidden,
        "Tài khoản này còn dùng mật khẩu ban đầu: hãy đăng nhập trên trang web và đổi mật khẩu ban đầu trước khi dùng mã API.")
    /// Someone else's unit, or an administrator's page.
    public static let forbidden = WebError(.forbidden, "Tài khoản này không có quyền xem hay sửa nội dung này.")
    /// A form without its CSRF token or with another session's.
    public static let csrf = WebError(.forbidden, "Biểu mẫu đã hết hạn hoặc không hợp lệ; hãy tải lại trang rồi làm lại.")
    /// Nothing there.
    public static let notFound = WebError(.notFound, "Không tìm thấy trang hoặc nội dung này.")
    /// Over 20 MB.
    public static let tooLarge = WebError(.contentTooLarge, "Tệp tải lên quá lớn: tối đa 20 MB mỗi lần nộp.")
}
