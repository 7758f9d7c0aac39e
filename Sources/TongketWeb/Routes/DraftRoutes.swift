import Foundation
import Hummingbird
import TongketKit

/// The draft consolidated report, its review rounds and redline, and the comments received.
struct DraftRoutes {
    let services: WebServices
    /// One draft writer at a time: rounds are numbered in order.
    let gate = SerialGate()

    func add(to router: Router<WebContext>) {
        router.get("/du-thao") { request, context in try await draftPage(request, context: context) }
        for format in ["md", "html", "docx"] {
            router.get("/du-thao.\(format)") { request, context in try await draftFile(request, context: context, format: format) }
        }
        router.post("/du-thao/vong") { request, context in try await recordRound(request, context: context) }
        router.get("/du-thao/doi-chieu") { request, context in try redline(request, context: context) }
        router.get("/gop-y") { _, context in try CommentPages(services: services).page(context, errors: []) }
        router.post("/gop-y") { request, context in try await CommentPages(services: services).upload(request, context: context) }
    }

    func source(_ request: Request) throws -> DraftBuilder.Source {
        guard let word = request.uri.queryParameters["nguon"] else { return .accepted }
        guard let source = DraftBuilder.Source(rawValue: String(word)) else {
            throw WebError(.badRequest, "Nguồn dự thảo phải là 'chap-nhan' hoặc 'moi-nhat'.")
        }
        return source
    }

    func draftPage(_ request: Request, context: WebContext) async throws -> Response {
        _ = try Access.admin(context)
        let source = try source(request)
        let builder = DraftBuilder(services: services)
        let (html, included) = try await Offload.run { try builder.render(source, format: .html) }
        let store = builder.store
        let rounds = store.rounds().compactMap { round -> [String: Any]? in
            guard let manifest = try? store.manifest(round: round) else { return nil }
            return [
                "lan": round, "trang_thai": manifest.status.rawValue, "nguoi": manifest.reviewer, "ngay": manifest.date.description,
                "ghi_chu": manifest.note.isEmpty ? [] : [manifest.note],
            ]
        }
        let all = store.rounds()
        let view: [String: Any] = [
            "nguon": source.rawValue, "nguon_chap_nhan": source == .accepted, "so_bao_cao": included, "vong": rounds,
            "co_doi_chieu": all.count >= 2, "tu": all.count >= 2 ? all[all.count - 2] : 1, "den": all.last ?? 1,
            "lan_tiep": store.nextRound, "csrf": context.csrf ?? "", "than": HTMLParts.body(of: String(decoding: html, as: UTF8.self)),
        ]
        return try services.page("du-thao", title: "Dự thảo báo cáo tổng hợp", view: view, context: context)
    }

    func draftFile(_ request: Request, context: WebContext, format: String) async throws -> Response {
        _ = try Access.admin(context)
        let (builder, source) = (DraftBuilder(services: services), try source(request))
        guard let wanted = DocumentFormat(rawValue: format) else { throw WebError.notFound }
        let (data, _) = try await Offload.run { try builder.render(source, format: wanted) }
        let name = "\(DocumentWriter.consolidatedBaseName).\(format)"
        return Responses.download(data, name: name, type: Responses.mediaType(name))
    }

    func recordRound(_ request: Request, context: WebContext) async throws -> Response {
        let account = try Access.admin(context)
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        try Access.csrf(form, context)
        guard let status = ReviewStatus.parse(form.fields["trang_thai"] ?? "") else {
            throw WebError(.badRequest, "Trạng thái phải là một trong: \(ReviewStatus.choices).")
        }
        let reviewer = (form.fields["nguoi_ra_soat"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reviewer.isEmpty { throw WebError(.badRequest, "Hãy ghi người rà soát.") }
        let source = DraftBuilder.Source(rawValue: form.fields["nguon"] ?? "") ?? .accepted
        let review = Review(
            status: status, reviewer: String(reviewer.prefix(200)), date: services.settings.today,
            note: String((form.fields["ghi_chu"] ?? "").prefix(2000)))
        let builder = DraftBuilder(services: services)
        let manifest = try await gate.run { try builder.recordRound(source, review: review) }
        try await services.database.pool.write { db in
            try WebDatabase.audit(
                db, account: account.login, address: context.address, action: "ghi-vong-ra-soat", object: "du-thao/lan-\(manifest.round)")
        }
        return Responses.redirect("/du-thao?nguon=\(source.rawValue)")
    }

    func redline(_ request: Request, context: WebContext) throws -> Response {
        _ = try Access.admin(context)
        let query = request.uri.queryParameters
        let from = query["tu"].map(String.init) ?? ""
        let to = query["den"].map(String.init) ?? ""
        guard Int(from) != nil, Int(to) != nil else { throw WebError(.badRequest, "Hãy chọn hai lần rà soát (số) để so sánh.") }
        let store = DraftBuilder(services: services).store
        let before: ComparisonSide
        let after: ComparisonSide
        do {
            before = try ComparisonSide.resolve(from, in: store)
            after = try ComparisonSide.resolve(to, in: store)
        } catch {
            throw WebError(.notFound, "Không có lần rà soát này: \(from) hoặc \(to).")
        }
        let redline = Redline.compare(old: before.markdown, new: after.markdown)
        let html = RedlineWriter.html(redline, title: "So sánh các vòng rà soát", legend: "Lần \(from) → lần \(to)")
        let view: [String: Any] = ["tu": from, "den": to, "than": HTMLParts.body(of: html)]
        return try services.page("doi-chieu", title: "So sánh dự thảo", view: view, context: context)
    }
}
