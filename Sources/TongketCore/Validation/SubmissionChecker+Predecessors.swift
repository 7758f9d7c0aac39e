extension SubmissionChecker {
    /// Reads `so_lieu_don_vi_cu`: the figures of the units this one was formed from, for the
    /// years they existed, each under its own id. Each predecessor stays a unit of its own in the
    /// totals, which is what keeps averages, ratios and stocks the same as if it had reported
    /// itself; a block that added the predecessors up would not.
    package mutating func readPredecessorFigures(
        _ fields: Fields, unit: ReportingUnit?
    ) -> (figures: [String: [String: [String: [Int: Double]]]], places: [String: SourceLocation]) {
        var figures: [String: [String: [String: [Int: Double]]]] = [:]
        var places: [String: SourceLocation] = [:]
        guard let unit else { return (figures, places) }
        let predecessors = outline.predecessors(of: unit.id)
        // The predecessors asked for: those that existed at the end of a year of the period and
        // fill a table. Their own archived reports may serve instead, which a single file cannot
        // tell: so a warning, never an error.
        let asked = predecessors.filter {
            !$0.reportedYears(in: outline.programme.years).isEmpty && !outline.appendices(for: $0).isEmpty
        }
        guard let node = fields.node(Key.predecessorFigures) else {
            if !asked.isEmpty {
                reader.report(
                    .warning, .missingFigures, fields.owner,
                    "chưa có số liệu của các đơn vị tiền thân ('\(Key.predecessorFigures)'): \(Self.describe(asked, in: outline.programme.years)); không cần ghi nếu báo cáo lưu trữ của các đơn vị đó được tổng hợp cùng"
                )
            }
            return (figures, places)
        }
        let keyNode = fields.keyNode(Key.predecessorFigures) ?? node
        guard !predecessors.isEmpty else {
            reader.report(
                .error, .notApplicable, keyNode,
                "\(unit.name) không có đơn vị tiền thân ('tien_than' trong don-vi.yaml của đề cương); bỏ khóa '\(Key.predecessorFigures)'")
            return (figures, places)
        }
        guard let blocks = reader.mapping(node, "'\(Key.predecessorFigures)' (mã đơn vị cũ: phụ lục: chỉ tiêu: năm: số)") else {
            return (figures, places)
        }
        let ids = predecessors.map(\.id)
        for block in blocks {
            guard let predecessor = predecessors.first(where: { $0.id == block.key }) else {
                reader.report(
                    .error, .unknownUnit, block.keyNode,
                    Suggestion.message(
                        unknown:
                            "'\(block.key)' không phải đơn vị tiền thân của \(unit.name) (các đơn vị tiền thân: \(ids.joined(separator: ", ")))",
                        candidates: ids, for: block.key))
                continue
            }
            places[predecessor.id] = reader.location(block.keyNode)
            figures[predecessor.id] = readPredecessorTables(block.value, keyNode: block.keyNode, predecessor: predecessor)
        }
        let missing = asked.filter { places[$0.id] == nil }
        if !missing.isEmpty {
            reader.report(
                .warning, .missingFigures, keyNode,
                "chưa có số liệu của \(Self.describe(missing, in: outline.programme.years)); không cần ghi nếu báo cáo lưu trữ của các đơn vị đó được tổng hợp cùng"
            )
        }
        return (figures, places)
    }

    /// "x-dinh-lien (UBND xã Định Liên, 2021–2024), …".
    private static func describe(_ units: [ReportingUnit], in period: ClosedRange<Int>) -> String {
        units.map { unit in
            let years = unit.reportedYears(in: period)
            let span = years.count == 1 ? "năm \(years[0])" : "\(years[0])–\(years[years.count - 1])"
            return "\(unit.id) (\(unit.name), \(span))"
        }.joined(separator: ", ")
    }

    private mutating func readPredecessorTables(_ node: Node, keyNode: Node, predecessor: ReportingUnit) -> [String: [String: [Int:
        Double]]]
    {
        var result: [String: [String: [Int: Double]]] = [:]
        guard let tables = reader.mapping(node, "số liệu của \(predecessor.name) (phụ lục: chỉ tiêu: năm: số)") else { return result }
        let years = predecessor.reportedYears(in: outline.programme.years)
        if years.isEmpty {
            reader.report(
                .error, .yearOutOfPeriod, keyNode,
                "\(predecessor.name) không tồn tại vào cuối năm nào của giai đoạn \(outline.programme.firstYear)–\(outline.programme.lastYear); bỏ mục này"
            )
            return result
        }
        for table in tables {
            guard let appendix = appendix(table.key, at: table.keyNode, filledBy: predecessor) else { continue }
            result[appendix.id] = readTable(
                table.value, appendix: appendix, unit: predecessor, years: years, block: .predecessor(predecessor))
        }
        let written = Set(tables.map(\.key))
        for appendix in outline.appendices(for: predecessor) where !written.contains(appendix.id) {
            reader.report(
                .warning, .missingFigures, keyNode, "chưa có số liệu Phụ lục \(appendix.number) ('\(appendix.id)') của \(predecessor.name)")
        }
        return result
    }
}
