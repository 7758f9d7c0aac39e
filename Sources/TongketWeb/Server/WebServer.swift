import Foundation
import Hummingbird
import Logging

/// Runs the application on a socket until stopped.
public enum WebServer {
    /// The application for `services` listening on `host:port` (0: a free port); `announce`
    /// receives "Đang phục vụ tại http://HOST:PORT" once the socket listens.
    public static func application(
        _ services: WebServices, host: String, port: Int, announce: @escaping @Sendable (String) -> Void
    ) -> some ApplicationProtocol {
        var logger = Logger(label: "tongket-web")
        logger.logLevel = .info
        return Application(
            router: WebRouter.build(services),
            configuration: .init(address: .hostname(host, port: port), serverName: "tongket-web"),
            onServerRunning: { channel in
                let real = channel.localAddress?.port ?? port
                announce("Đang phục vụ tại http://\(host):\(real)")
            },
            logger: logger)
    }

    /// Creates the administrator on first start: the lines to print once, or none.
    public static func firstStartLines(_ services: WebServices) throws -> [String] {
        guard let admin = try services.accounts.createAdminIfMissing(name: services.settings.outline.programme.consolidated.name) else {
            return []
        }
        return ["Tài khoản quản trị: \(admin.login)", "Mật khẩu dùng một lần: \(admin.password)", "Mã API: \(admin.apiToken)"]
    }
}
