import HTTPTypes
import Hummingbird

extension HTTPField.Name {
    /// `Referrer-Policy`, which HTTPTypes does not name. The literal is a valid token; the
    /// fallback only keeps the initialiser total.
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .cacheControl
    /// `X-Forwarded-For`, read only with `--trust-proxy`.
    static let forwardedFor = HTTPField.Name("X-Forwarded-For") ?? .via
}
