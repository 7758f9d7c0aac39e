import Hummingbird
import NIOCore

/// The request context: the peer's address and, once resolved, who is asking.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The socket's peer address, when there is a socket.
    public var peerAddress: String?
    /// The account signed in by cookie or token.
    public var account: Account?
    /// The session's id (cookie value) and CSRF token, for a cookie sign-in.
    public var sessionID: String?
    public var csrf: String?
    /// Whether the account came from a Bearer token.
    public var viaToken = false
    /// The address used for rate limits and the audit log.
    public var address = "không rõ"

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// Bodies are read with the application's own limit (20 MB), never this default.
    public var maxUploadSize: Int { 20 * 1024 * 1024 }
}
