/// `tong_hop_tu`: the provenance `tongket consolidate --for` writes into a rolled-up report.
/// Its form is checked here (digests, units that report to this one, weights of averages);
/// whether the files it names have changed since is `status`'s question, which sees the folder.
extension SubmissionChecker {
    package static let rollUpKeys = ["de_cuong", "bao_cao", "so_bao_cao"]
    package static let rollUpSourceKeys = ["don_vi", "sha256"]

    mutating func readRollUp(_ fields: Fields, unit: ReportingUnit?) -> RollUp? {
        guard let node = fields.node(Key.rollUp) else { return nil }
        guard let pairs = reader.mapping(node, "'\(Key.rollUp)'") else { return nil }
        reader.checkKeys(pairs, allowed: Self.rollUpKeys, in: "'\(Key.rollUp)'")
        let f = Fields(pairs, node)
        var digest = ""
        if let text = f.text("de_cuong", &reader), let place = f.node("de_cuong") {
            digest = text
            if !RollUp.isDigest(text) {
                reader.report(.error, .outlineInvalid, place, "'de_cuong' phải là mã SHA-256 của đề cương (64 chữ số hệ 16, chữ thường)")
            } else if let current = outline.sourceDigest, current != text {
                reader.report(
                    .warning, .outlineInvalid, place,
                    "báo cáo này được tổng hợp theo một phiên bản đề cương khác; chạy lại 'tongket consolidate --for \(unit?.id ?? "MÃ")'")
            }
        }
        let sources = readRollUpSources(f, unit: unit)
        let weights = readWeights(f.node("so_bao_cao"))
        return RollUp(outlineDigest: digest, sources: sources, weights: weights)
    }

    private mutating func readRollUpSources(_ f: Fields, unit: ReportingUnit?) -> [RollUp.Source] {
        guard let node = f.node("bao_cao"), let items = reader.sequence(node, "'\(Key.rollUp).bao_cao'") else {
            if f.node("bao_cao") == nil { reader.report(.error, .missingField, f.owner, "thiếu khóa 'bao_cao' (các báo cáo đã tổng hợp)") }
            return []
        }
        var sources: [RollUp.Source] = []
        for item in items {
            guard let pairs = reader.mapping(item, "một báo cáo đã tổng hợp (don_vi, sha256)") else { continue }
            reader.checkKeys(pairs, allowed: Self.rollUpSourceKeys, in: "báo cáo đã tổng hợp")
            let s = Fields(pairs, item)
            guard let id = s.text("don_vi", &reader), let sha = s.text("sha256", &reader) else { continue }
            if let place = s.node("sha256"), !RollUp.isDigest(sha) {
                reader.report(.error, .wrongType, place, "'sha256' phải có 64 chữ số hệ 16, chữ thường")
                continue
            }
            let place = s.node("don_vi") ?? item
            if sources.contains(where: { $0.unitID == id }) {
                reader.report(.error, .duplicate, place, "báo cáo của '\(id)' được ghi hai lần")
                continue
            }
            guard let source = outline.unit(id) else {
                reader.report(
                    .error, .unknownUnit, place,
                    Suggestion.message(
                        unknown: "đơn vị '\(id)' không có trong danh mục đơn vị", candidates: outline.units.map(\.id), for: id))
                continue
            }
            if let unit, source.id != unit.id, source.parentID != unit.id {
                reader.report(
                    .error, .unknownUnit, place,
                    "\(source.name) không báo cáo \(unit.name) ('cap_tren' trong don-vi.yaml), nên không thể có trong báo cáo tổng hợp của đơn vị này"
                )
                continue
            }
            sources.append(RollUp.Source(unitID: id, sha256: sha))
        }
        return sources
    }

    /// `so_bao_cao`: appendix → indicator (an average) → year → number of reports, a whole number ≥ 1.
    private mutating func readWeights(_ node: Node?) -> [String: [String: [Int: Double]]] {
        guard let node, let tables = reader.mapping(node, "'so_bao_cao' (phụ lục: chỉ tiêu: năm: số báo cáo)") else { return [:] }
        var result: [String: [String: [Int: Double]]] = [:]
        for table in tables {
            guard let appendix = outline.appendix(table.key) else {
                reader.report(.error, .unknownAppendix, table.keyNode, "phụ lục '\(table.key)' không có trong đề cương")
                continue
            }
            guard let rows = reader.mapping(table.value, "Phụ lục \(appendix.number)") else { continue }
            for row in rows {
                guard let indicator = appendix.indicator(row.key), indicator.aggregation == .average else {
                    reader.report(
                        .error, .unknownIndicator, row.keyNode,
                        "'\(row.key)' không phải chỉ tiêu tính bình quân của Phụ lục \(appendix.number); 'so_bao_cao' chỉ ghi cho chỉ tiêu bình quân"
                    )
                    continue
                }
                guard let years = reader.mapping(row.value, "chỉ tiêu '\(row.key)' (các năm: số báo cáo)") else { continue }
                for entry in years {
                    guard let year = Int(entry.key), outline.programme.years.contains(year) else {
                        reader.report(.error, .yearOutOfPeriod, entry.keyNode, "năm '\(entry.key)' nằm ngoài giai đoạn")
                        continue
                    }
                    guard let text = reader.text(entry.value, "số báo cáo"), let count = Int(text), count >= 1 else {
                        reader.report(.error, .notANumber, entry.value, "số báo cáo phải là số nguyên từ 1 trở lên")
                        continue
                    }
                    result[appendix.id, default: [:]][indicator.id, default: [:]][year] = Double(count)
                }
            }
        }
        return result
    }
}
