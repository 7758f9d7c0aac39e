import Foundation
import TongketKit

extension WebServices {
    /// Stores the files (synced), checks them as `unit`'s submission and records the upload in
    /// one transaction; returns once committed.
    func upload(_ files: [(name: String, data: Data)], unit: String, account: Account, address: String) throws -> (
        UploadRecord, SubmissionCheck
    ) {
        guard (1...2).contains(files.count) else {
            throw WebError(
                .badRequest, "Hãy chọn một tệp YAML, hoặc hai tệp: Word (.nhap.docx) và Excel (.bieu.xlsx) của đơn vị.")
        }
        var stored: [UploadFile] = []
        for file in files {
            let sha256 = try blobs.store(file.data)
            stored.append(UploadFile(name: UploadFile.safeName(file.name), sha256: sha256, size: file.data.count))
        }
        let check = try SubmissionCheck.read(stored, unit: unit, outline: settings.outline, services: self)
        let record = try uploads.record(unit: unit, account: account.login, address: address, files: stored, check: check)
        return (record, check)
    }

    /// The rendered report of a valid upload in `formats` (every web format by default).
    func report(of record: UploadRecord, formats: [DocumentFormat] = [.markdown, .html, .docx]) throws -> RenderedDocument {
        let check = try check(record)
        guard check.isValid, let submission = check.submission else {
            throw WebError(.conflict, "Lần nộp này có lỗi nên không dựng được báo cáo; hãy sửa rồi nộp lại.")
        }
        return try renderer.unitReport(submission, formats: formats)
    }

    /// The upload `id` of `unit`, 404 otherwise (another unit's upload looks absent).
    func upload(_ id: String, of unit: String) throws -> UploadRecord {
        guard let number = Int64(id), let record = try uploads.upload(number), record.unit == unit else { throw WebError.notFound }
        return record
    }

    /// The unit of the outline, 404 otherwise.
    func unit(_ id: String) throws -> ReportingUnit {
        guard let unit = settings.outline.unit(id) else { throw WebError.notFound }
        return unit
    }
}
