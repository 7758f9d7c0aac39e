import Foundation
import Hummingbird
import TongketKit

/// A unit's pages: its state, forms, uploads, their results and reports, and sending officially.
struct UnitRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/don-vi/:unit") { _, context in try unitPage(context) }
        router.get("/don-vi/:unit/mau/:file") { _, context in try form(context) }
        router.post("/don-vi/:unit/nop") { request, context in try await upload(request, context: context) }
        router.get("/don-vi/:unit/lan-nop/:id") { _, context in try uploadPage(context) }
        router.get("/don-vi/:unit/lan-nop/:id/xem") { _, context in try await preview(context) }
        for format in ["md", "html", "docx"] {
            router.get("/don-vi/:unit/lan-nop/:id/bao-cao.\(format)") { _, context in try await download(context, format: format) }
        }
        router.post("/don-vi/:unit/lan-nop/:id/gui") { request, context in try await send(request, context: context) }
    }

    func unitID(_ context: WebContext) -> String { context.parameters.get("unit") ?? "" }

    func unitPage(_ context: WebContext) throws -> Response {
        let id = unitID(context)
        let account = try Access.read(unit: id, context)
        let unit = try services.unit(id)
        let state = try services.state(of: id)
        let history = try services.uploads.uploads(unit: id)
        let sent: [[String: Any]] =
            state.lastSent.map { event in
                [["id": event.upload, "duong_dan": "/don-vi/\(id)/lan-nop/\(event.upload)", "thoi_gian": Clock.shown(event.time)]]
            } ?? []
        let notes = state.phase == .returned ? [state.last?.note ?? ""] : []
        let view: [String: Any] = [
            "ma": unit.id,
            "loai": services.settings.outline.programme.unitKinds.first { $0.id == unit.kind }?.name ?? unit.kind,
            "han": state.deadline.description, "trang_thai": state.phase.label,
            "ma_trang_thai": state.phase.rawValue, "thoi_han": state.timeliness, "ghi_chu_tra_lai": notes, "lan_gui": sent,
            "co_the_duyet": account.role == .admin && state.phase == .sent, "la_don_vi": account.role == .unit,
            "lan_nop_cho_duyet": state.lastSent.map { String($0.upload) } ?? "",
            "csrf": context.csrf ?? "",
            "mau": [
                ["ten": unit.submissionFileName, "mo_ta": "tệp YAML để viết báo cáo", "duong_dan": "/don-vi/\(id)/mau/\(id).yaml"],
                [
                    "ten": DocumentFormWriter.fileName(for: unit), "mo_ta": "biểu mẫu Word (phần báo cáo bằng chữ)",
                    "duong_dan": "/don-vi/\(id)/mau/\(DocumentFormWriter.fileName(for: unit))",
                ],
                [
                    "ten": WorkbookFormWriter.fileName(for: unit), "mo_ta": "biểu Excel (số liệu phụ lục)",
                    "duong_dan": "/don-vi/\(id)/mau/\(WorkbookFormWriter.fileName(for: unit))",
                ],
            ],
            "lich_su": history.map { record -> [String: Any] in
                [
                    "id": record.id, "duong_dan": "/don-vi/\(id)/lan-nop/\(record.id)", "thoi_gian": Clock.shown(record.time),
                    "nguoi": record.account, "sha256": record.sha256,
                    "ket_qua": record.isValid ? "Hợp lệ" : "Có \(record.errors) lỗi",
                ]
            },
        ]
        return try services.page("don-vi", title: unit.name, view: view, context: context)
    }

    func form(_ context: WebContext) throws -> Response {
        let id = unitID(context)
        _ = try Access.read(unit: id, context)
        let unit = try services.unit(id)
        let file = context.parameters.get("file") ?? ""
        let outline = services.settings.outline
        let data: Data
        switch file {
        case unit.submissionFileName: data = Data(SkeletonWriter.yaml(for: unit, outline: outline).utf8)
        case DocumentFormWriter.fileName(for: unit): data = try DocumentFormWriter.data(for: unit, outline: outline)
        case WorkbookFormWriter.fileName(for: unit): data = try WorkbookFormWriter.data(for: unit, outline: outline)
        default: throw WebError.notFound
        }
        return Responses.download(data, name: file, type: Responses.mediaType(file))
    }

    func upload(_ request: Request, context: WebContext) async throws -> Response {
        let id = unitID(context)
        let account = try Access.write(unit: id, context)
        _ = try services.unit(id)
        let form = try await PostedForm.read(request, context: context, limit: services.settings.maxUploadBytes)
        try Access.csrf(form, context)
        let (services, files, address) = (self.services, form.files, context.address)
        let (record, _) = try await Offload.run { try services.upload(files, unit: id, account: account, address: address) }
        return Responses.created(record)
    }

    func uploadPage(_ context: WebContext) throws -> Response {
        let id = unitID(context)
        let account = try Access.read(unit: id, context)
        let unit = try services.unit(id)
        let record = try services.upload(context.parameters.get("id") ?? "", of: id)
        let state = try services.state(of: id)
        let base = "/don-vi/\(id)/lan-nop/\(record.id)"
        let view: [String: Any] = [
            "ma": id, "ten_don_vi": unit.name, "id": record.id, "thoi_gian": Clock.shown(record.time), "nguoi": record.account,
            "tep": record.files.map { ["ten": $0.name, "kich_thuoc": $0.size, "sha256": $0.sha256] }, "hop_le": record.isValid,
            "so_loi": record.errors, "so_canh_bao": record.warnings, "co_canh_bao": record.warnings > 0,
            "co_chan_doan": !record.diagnostics.isEmpty,
            "chan_doan": record.diagnostics.map {
                ["file": $0.file, "place": $0.place, "severity": $0.severity, "severityLabel": $0.severityLabel, "message": $0.message]
            },
            "goc": base, "csrf": context.csrf ?? "",
            "co_the_gui": account.role == .unit && state.phase != .accepted && !state.awaitsReview(of: record.id),
            "da_gui": state.awaitsReview(of: record.id),
            "qua_han": services.settings.today > state.deadline,
        ]
        return try services.page("lan-nop", title: "Kết quả kiểm tra lần nộp \(record.id)", view: view, context: context)
    }

    func preview(_ context: WebContext) async throws -> Response {
        let id = unitID(context)
        _ = try Access.read(unit: id, context)
        let record = try services.upload(context.parameters.get("id") ?? "", of: id)
        let services = self.services
        let document = try await Offload.run { try services.report(of: record, formats: [.html]) }
        return Responses.html(HTMLParts.linkingStyle(document.html, href: "/tai-nguyen/bao-cao.css"))
    }

    func download(_ context: WebContext, format: String) async throws -> Response {
        let id = unitID(context)
        _ = try Access.read(unit: id, context)
        let record = try services.upload(context.parameters.get("id") ?? "", of: id)
        let services = self.services
        let wanted = DocumentFormat(rawValue: format).map { [$0] } ?? []
        let document = try await Offload.run { try services.report(of: record, formats: wanted) }
        let name = "\(id).\(format)"
        let data = DocumentFormat(rawValue: format).map { $0.data(of: document) } ?? Data()
        return Responses.download(data, name: name, type: Responses.mediaType(name))
    }

    func send(_ request: Request, context: WebContext) async throws -> Response {
        let id = unitID(context)
        let account = try Access.write(unit: id, context)
        let record = try services.upload(context.parameters.get("id") ?? "", of: id)
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        try Access.csrf(form, context)
        guard record.isValid else {
            throw WebError(.conflict, "Lần nộp này có lỗi nên không gửi chính thức được: hãy sửa các lỗi rồi nộp lại.")
        }
        // Checked in the transaction that records the sending: an acceptance made meanwhile wins.
        try services.uploads.addEvent(
            .sent, unit: id, upload: record.id, note: "", day: services.settings.today, account: account.login, address: context.address
        ) { events in
            if events.last?.kind == .accepted {
                throw WebError(
                    .conflict, "Báo cáo của đơn vị đã được Sở Nội vụ chấp nhận; không gửi lại được.", back: "/don-vi/\(id)")
            }
            // The same upload sent twice would only repeat the event (a double click, a page reloaded).
            if events.last?.kind == .sent && events.last?.upload == record.id {
                throw WebError(.conflict, "Lần nộp này đã được gửi chính thức và đang chờ Sở Nội vụ duyệt.", back: "/don-vi/\(id)")
            }
        }
        return Responses.redirect("/don-vi/\(id)")
    }
}
