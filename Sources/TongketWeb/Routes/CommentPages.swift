import Foundation
import GRDB
import Hummingbird
import TongketKit

/// Comment files on the draft: uploaded by Sở Nội vụ, kept like uploads, read together into the
/// table of comments received.
struct CommentPages {
    let services: WebServices

    func page(_ context: WebContext, errors: [String]) throws -> Response {
        _ = try Access.admin(context)
        let rows = try services.database.pool.read { db in try Row.fetchAll(db, sql: "SELECT * FROM gop_y ORDER BY id") }
        let files = rows.map { UploadFile(name: $0["ten"], sha256: $0["sha256"], size: 0) }
        let staged = try StagedFiles(files.map { ("gop-y", $0) }, blobs: services.blobs, scratch: services.scratch)
        defer { staged.remove() }
        let folder = CommentFolder.read(staged.paths, outline: services.settings.outline, strict: false)
        let problems = folder.files.flatMap { $0.diagnostics.map { staged.rename($0.description) } }
        let table = try services.renderer.commentsTable(folder.sets, formats: [.html])
        let view: [String: Any] = [
            "csrf": context.csrf ?? "", "loi": errors, "chan_doan": problems,
            "tep": rows.map { row -> [String: Any] in
                [
                    "ten": row["ten"] as String? ?? "", "thoi_gian": Clock.shown(row["thoi_gian"] ?? ""),
                    "nguoi": row["tai_khoan"] as String? ?? "",
                ]
            },
            "than": HTMLParts.body(of: table.html),
        ]
        return try services.page("gop-y", title: "Góp ý dự thảo", view: view, context: context)
    }

    func upload(_ request: Request, context: WebContext) async throws -> Response {
        let account = try Access.admin(context)
        let form = try await PostedForm.read(request, context: context, limit: services.settings.maxUploadBytes)
        try Access.csrf(form, context)
        guard !form.files.isEmpty else { return try page(context, errors: ["Hãy chọn ít nhất một tệp góp ý."]) }
        for file in form.files {
            let sha256 = try services.blobs.store(file.data)
            let name = UploadFile.safeName(file.name)
            try await services.database.pool.write { db in
                try db.execute(
                    sql: "INSERT INTO gop_y (thoi_gian, tai_khoan, ten, sha256) VALUES (?, ?, ?, ?)",
                    arguments: [Clock.timestamp(), account.login, name, sha256])
                try WebDatabase.audit(db, account: account.login, address: context.address, action: "gop-y", object: name)
            }
        }
        return Responses.redirect("/gop-y")
    }
}
