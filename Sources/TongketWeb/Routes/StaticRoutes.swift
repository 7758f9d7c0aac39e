import Foundation
import Hummingbird

/// The style sheets and the script, served from the templates so that no page needs inline code.
struct StaticRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/tai-nguyen/trang.css") { _, _ in asset(services.pages.styleSheet, type: "text/css; charset=utf-8") }
        router.get("/tai-nguyen/keo-tha.js") { _, _ in asset(services.pages.script, type: "text/javascript; charset=utf-8") }
        router.get("/tai-nguyen/bao-cao.css") { _, _ in
            asset(services.renderer.templates.styleSheet, type: "text/css; charset=utf-8")
        }
    }

    func asset(_ text: String, type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
