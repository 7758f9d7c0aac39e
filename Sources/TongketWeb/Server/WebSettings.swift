import Foundation
import TongketKit

/// How a server runs: where its data is, which outline, which day is "today".
public struct WebSettings: Sendable {
    /// The data folder: `tongket.sqlite`, `tep/` (uploads), `du-thao/` (drafts and their rounds).
    public var dataFolder: URL
    /// The outline's folder (for review records) and the outline.
    public var outlineFolder: URL
    public var outline: Outline
    /// The report templates' folder; the web pages' templates are in its `web/` folder.
    public var templatesFolder: URL
    /// "Today" pinned, for tests and examples; nil for the real date.
    public var asOf: SimpleDate?
    /// bcrypt's cost (production: 12; at least 10 outside tests).
    public var bcryptCost: UInt8 = 12
    /// The address users type, `https://…` behind a TLS proxy: cookies are then `Secure`.
    public var publicURL: String?
    /// Trust the last `X-Forwarded-For` address from a reverse proxy in front (whether cookies are
    /// `Secure` follows `publicURL`, not a header a client could send).
    public var trustProxy = false
    /// Rows on one page of the board (the totals and the CSV always count every unit).
    public var boardPageSize = 200
    /// The largest body accepted, 20 MB.
    public var maxUploadBytes = 20 * 1024 * 1024

    /// Settings with the defaults above.
    public init(dataFolder: URL, outlineFolder: URL, outline: Outline, templatesFolder: URL, asOf: SimpleDate? = nil) {
        self.dataFolder = dataFolder
        self.outlineFolder = outlineFolder
        self.outline = outline
        self.templatesFolder = templatesFolder
        self.asOf = asOf
    }

    /// Today, or the pinned day.
    public var today: SimpleDate { asOf ?? SimpleDate.today() }

    /// Whether cookies must be `Secure`.
    public var isTLS: Bool { publicURL?.lowercased().hasPrefix("https://") ?? false }
}
