import Foundation
import Hummingbird
import TongketKit

/// Sở Nội vụ's board, its CSV, and returning or accepting a unit's report.
struct AdminRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/tong-hop") { request, context in try board(request, context: context) }
        router.get("/tong-hop.csv") { request, context in try boardCSV(request, context: context) }
        router.post("/don-vi/:unit/tra-lai") { request, context in try await decide(.returned, request, context: context) }
        router.post("/don-vi/:unit/chap-nhan") { request, context in try await decide(.accepted, request, context: context) }
    }

    func makeBoard(_ request: Request) throws -> Board {
        let query = request.uri.queryParameters
        let snapshot = try services.uploads.snapshot()
        return Board(
            outline: services.settings.outline, unitsByName: services.unitsByName, states: services.states(events: snapshot.events),
            latest: snapshot.latest,
            kind: query["loai"].map(String.init), order: query["sap-xep"].map(String.init))
    }

    func board(_ request: Request, context: WebContext) throws -> Response {
        _ = try Access.admin(context)
        let board = try makeBoard(request)
        let query = request.uri.queryParameters
        let kind = query["loai"].map(String.init) ?? ""
        let order = query["sap-xep"].map(String.init) ?? "don-vi"
        let shown = Self.query(kind: kind, order: order)
        // A page of rows at a time: the totals count every unit, the CSV holds every row, and a
        // province's thousands of communes stay readable (and the page quick).
        let size = max(1, services.settings.boardPageSize)
        let pages = max(1, (board.rows.count + size - 1) / size)
        let page = min(max(1, query["trang"].flatMap { Int(String($0)) } ?? 1), pages)
        let rows = board.rows.dropFirst((page - 1) * size).prefix(size)
        func pageLink(_ number: Int) -> String { "/tong-hop" + Self.query(kind: kind, order: order, page: number) }
        let view: [String: Any] = [
            "ngay": services.settings.today.description, "du_kien": Self.count(board.expected), "da_nhan": Self.count(board.received),
            "ty_le_nhan": board.receivedRate, "dung_han": Self.count(board.onTime), "hop_le": Self.count(board.valid),
            "chap_nhan": Self.count(board.accepted),
            "truy_van": shown,
            // Each heading sorts by its column, keeping the kind chosen.
            "cot": Board.columns.map { column -> [String: Any] in
                [
                    "ten": column.name, "lien_ket": "/tong-hop" + Self.query(kind: kind, order: column.order),
                    "dang_xep": column.order == order,
                ]
            },
            "cac_loai": services.settings.outline.programme.unitKinds.map { ["ma": $0.id, "ten": $0.name, "chon": $0.id == kind] },
            "cac_cach_xep": Board.orders.map { ["ma": $0.id, "ten": $0.name, "chon": $0.id == order] },
            "nhieu_trang": pages > 1, "trang": page, "so_trang": pages,
            "tu_dong": Self.count(rows.isEmpty ? 0 : (page - 1) * size + 1),
            "den_dong": Self.count((page - 1) * size + rows.count), "so_dong": Self.count(board.rows.count),
            "trang_truoc": page > 1 ? [["lien_ket": pageLink(page - 1)]] : [],
            "trang_sau": page < pages ? [["lien_ket": pageLink(page + 1)]] : [],
            "dong": rows.map { row -> [String: Any] in
                [
                    "ma": row.unit.id, "ten": row.unit.name, "loai": row.kindName, "trang_thai": row.state.phase.label,
                    "ma_trang_thai": row.state.phase.rawValue, "lan_nop": row.latest.map { Clock.shown($0.time) } ?? "–",
                    "thoi_han": row.state.timeliness, "so_loi": row.latest.map { String($0.errors) } ?? "–",
                    "so_canh_bao": row.latest.map { String($0.warnings) } ?? "–",
                ]
            },
        ]
        return try services.page("tong-hop", title: "Bảng tổng hợp tình hình gửi báo cáo", view: view, context: context)
    }

    /// "10.000": a count as Vietnamese readers group its digits.
    static func count(_ value: Int) -> String { VietnameseFormat.number(Double(value), maxFractionDigits: 0) }

    /// "?loai=…&sap-xep=…&trang=…" for the board's links, or "" for the default board.
    static func query(kind: String, order: String, page: Int = 1) -> String {
        var parts: [String] = []
        if !kind.isEmpty { parts.append("loai=\(kind.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if order != "don-vi" { parts.append("sap-xep=\(order.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")") }
        if page > 1 { parts.append("trang=\(page)") }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    func boardCSV(_ request: Request, context: WebContext) throws -> Response {
        _ = try Access.admin(context)
        return Responses.download(Data(try makeBoard(request).csv().utf8), name: "tong-hop.csv", type: Responses.mediaType(".csv"))
    }

    func decide(_ kind: SubmissionEvent.Kind, _ request: Request, context: WebContext) async throws -> Response {
        let account = try Access.admin(context)
        let id = context.parameters.get("unit") ?? ""
        _ = try services.unit(id)
        let form = try await PostedForm.read(request, context: context, limit: 64 * 1024)
        try Access.csrf(form, context)
        // The upload the administrator reviewed, named by the form; the decision is only
        // recorded if that is still the one waiting when the transaction runs.
        let back = "/don-vi/\(id)"
        guard let reviewed = form.fields["lan_nop"].flatMap({ Int64($0) }) else {
            throw WebError(.conflict, "Biểu mẫu không nói rõ lần nộp nào được duyệt; hãy mở lại trang đơn vị rồi làm lại.", back: back)
        }
        let note = (form.fields["ghi_chu"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if kind == .returned && note.isEmpty {
            throw WebError(.badRequest, "Khi trả lại báo cáo, hãy ghi rõ lý do trong ô ghi chú.")
        }
        let today = services.settings.today
        try services.uploads.addEvent(
            kind, unit: id, upload: reviewed, note: String(note.prefix(4000)), day: today, account: account.login,
            address: context.address
        ) { events in
            let state = UnitState(events: events, deadline: services.settings.outline.programme.unitDeadline, today: today)
            guard state.phase == .sent, let sent = state.lastSent else {
                throw WebError(.conflict, "Đơn vị không còn báo cáo nào đang chờ duyệt (có thể vừa được duyệt).", back: back)
            }
            guard sent.upload == reviewed else {
                throw WebError(
                    .conflict,
                    "Đơn vị đã gửi chính thức một lần nộp khác (số \(sent.upload)) sau khi trang này được mở; "
                        + "chưa ghi gì. Hãy xem lại bản mới rồi duyệt.", back: back)
            }
        }
        return Responses.redirect("/don-vi/\(id)")
    }
}
