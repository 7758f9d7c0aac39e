import Foundation
import Hummingbird
import TongketKit

/// The JSON API (`openapi/tongket-web.yaml`), with `Authorization: Bearer TOKEN`.
struct APIRoutes {
    let services: WebServices

    func add(to router: Router<WebContext>) {
        router.get("/api/v1/health") { _, _ in JSONResponse.make(.ok, ["ok": true]) }
        router.put("/api/v1/units/:unit/submission") { request, context in try await submit(request, context: context) }
        router.get("/api/v1/units/:unit/report") { request, context in try await report(request, context: context) }
        router.get("/api/v1/status") { _, context in try await status(context) }
        router.get("/api/v1/draft") { request, context in try await draft(request, context: context) }
    }

    func submit(_ request: Request, context: WebContext) async throws -> Response {
        let unit = context.parameters.get("unit") ?? ""
        let account = try Access.write(unit: unit, context, api: true)
        _ = try services.unit(unit)
        let contentType = (request.headers[.contentType] ?? "").lowercased()
        let files: [(name: String, data: Data)]
        if contentType.hasPrefix("multipart/form-data") {
            files = try await PostedForm.read(request, context: context, limit: services.settings.maxUploadBytes, fileField: nil).files
        } else {
            var request = request
            let body = try await request.collectBody(upTo: services.settings.maxUploadBytes)
            files = [("\(unit).yaml", Data(body.readableBytesView))]
        }
        let (services, address) = (self.services, context.address)
        let (record, check) = try await Offload.run { try services.upload(files, unit: unit, account: account, address: address) }
        let body: [String: Any] = [
            "id": record.id, "sha256": record.sha256, "valid": check.isValid,
            "files": record.files.map { ["name": $0.name, "sha256": $0.sha256, "size": $0.size] },
            "diagnostics": record.diagnostics.map {
                [
                    "file": $0.file, "line": $0.line, "column": $0.column, "place": $0.place,
                    "severity": $0.isError ? "error" : "warning", "message": $0.message,
                ]
            },
        ]
        return JSONResponse.make(.ok, body)
    }

    func format(_ request: Request) throws -> DocumentFormat {
        let word = request.uri.queryParameters["format"].map(String.init) ?? "md"
        guard let format = DocumentFormat(rawValue: word), format != .pdf else {
            throw WebError(.badRequest, "Định dạng phải là md, html hoặc docx.")
        }
        return format
    }

    func report(_ request: Request, context: WebContext) async throws -> Response {
        let unit = context.parameters.get("unit") ?? ""
        _ = try Access.read(unit: unit, context, api: true)
        _ = try services.unit(unit)
        let format = try format(request)
        let state = try services.state(of: unit)
        let chosen = try state.lastSent.flatMap { try self.services.uploads.upload($0.upload) }
        guard let record = try chosen ?? services.uploads.latestUploads(validOnly: true)[unit] else {
            throw WebError(.notFound, "Đơn vị chưa có lần nộp hợp lệ nào.")
        }
        let services = self.services
        let document = try await Offload.run { try services.report(of: record, formats: [format]) }
        return Responses.download(
            format.data(of: document), name: "\(unit).\(format.rawValue)", type: Responses.mediaType("." + format.rawValue))
    }

    func status(_ context: WebContext) async throws -> Response {
        _ = try Access.admin(context, api: true)
        let builder = DraftBuilder(services: services)
        let data = try await Offload.run { try builder.statusJSON() }
        return JSONResponse.raw(.ok, data)
    }

    func draft(_ request: Request, context: WebContext) async throws -> Response {
        _ = try Access.admin(context, api: true)
        let format = try format(request)
        let source = DraftBuilder.Source(rawValue: request.uri.queryParameters["nguon"].map(String.init) ?? "") ?? .accepted
        let builder = DraftBuilder(services: services)
        let (data, _) = try await Offload.run { try builder.render(source, format: format) }
        let name = "\(DocumentWriter.consolidatedBaseName).\(format.rawValue)"
        return Responses.download(data, name: name, type: Responses.mediaType(name))
    }
}
