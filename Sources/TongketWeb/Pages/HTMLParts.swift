/// Pieces of the HTML pages the library writes, for showing them inside this server's pages
/// under a Content-Security-Policy that allows no inline style.
enum HTMLParts {
    /// The text between `<main class="van-ban">` and `</main>` (the report's body), or between
    /// `<body>` and `</body>`.
    static func body(of html: String) -> String {
        if let start = html.range(of: "<main class=\"van-ban\">"), let end = html.range(of: "</main>", options: .backwards),
            start.upperBound <= end.lowerBound
        {
            return String(html[start.upperBound..<end.lowerBound])
        }
        if let open = html.range(of: "<body>"), let end = html.range(of: "</body>", options: .backwards), open.upperBound <= end.lowerBound
        {
            return String(html[open.upperBound..<end.lowerBound])
        }
        return html
    }

    /// The page with its first `<style>` element replaced by a link to `href`.
    static func linkingStyle(_ html: String, href: String) -> String {
        guard let open = html.range(of: "<style>"), let close = html.range(of: "</style>"), open.upperBound <= close.lowerBound
        else { return html }
        return html.replacingCharacters(in: open.lowerBound..<close.upperBound, with: "<link rel=\"stylesheet\" href=\"\(href)\">")
    }
}
