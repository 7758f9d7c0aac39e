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
        guard let node = fields.node(Key.predecessorFigures), let unit else { return (figures, places) }
        let keyNode = fields.keyNode(Key.predecessorFigures) ?? node
        let predecessors = outline.predecessors(of: unit.id)
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
        return (figures, places)
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
            guard let appendix = outline.appendix(table.key) else {
                reader.report(
                    .error, .unknownAppendix, table.keyNode,
                    Suggestion.message(
                        unknown: "phụ lục '\(table.key)' không có trong đề cương", candidates: outline.appendices.map(\.id), for: table.key)
                )
                continue
            }
            if !appendix.isFilled(by: predecessor) {
                reader.report(
                    .warning, .notApplicable, table.keyNode,
                    "\(predecessor.name) không thuộc các đơn vị báo cáo Phụ lục \(appendix.number); số liệu này sẽ không được tổng hợp")
            }
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
