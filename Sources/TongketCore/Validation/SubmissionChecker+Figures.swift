extension SubmissionChecker {
    /// Reads `phu_luc`: appendix → indicator → year → figure, checking each figure against its
    /// indicator's type and each table's rules.
    package mutating func readFigures(_ fields: Fields, unit: ReportingUnit?) -> [String: [String: [Int: Double]]] {
        var result: [String: [String: [Int: Double]]] = [:]
        let years = unit.map { $0.reportedYears(in: outline.programme.years) } ?? Array(outline.programme.years)
        // A unit that existed in none of the years (an archive of one ended before the period)
        // is asked for nothing.
        let expected = years.isEmpty ? [] : unit.map { outline.appendices(for: $0) } ?? []
        guard let node = fields.node(Key.figures) else {
            if let first = expected.first {
                let names = expected.map { "Phụ lục \($0.number)" }.joined(separator: ", ")
                reader.report(
                    .warning, .missingFigures, fields.owner,
                    "chưa có số liệu phụ lục ('\(Key.figures)'): \(names)\(expected.count > 1 ? "" : " (\(first.title))")")
            }
            return result
        }
        guard let tables = reader.mapping(node, "'\(Key.figures)'") else { return result }
        for table in tables {
            guard let appendix = appendix(table.key, at: table.keyNode, filledBy: unit) else { continue }
            result[appendix.id] = readTable(table.value, appendix: appendix, unit: unit, years: years, block: .own)
        }
        let writtenKeys = Set(tables.map(\.key))
        for appendix in expected where !writtenKeys.contains(appendix.id) {
            reader.report(
                .warning, .missingFigures, fields.keyNode(Key.figures) ?? node,
                "chưa có số liệu Phụ lục \(appendix.number) ('\(appendix.id)')")
        }
        return result
    }

    /// Whose figures a table holds: the unit's own, or those of a unit it was formed from.
    package enum FigureBlock {
        case own
        case predecessor(ReportingUnit)
    }

    /// The appendix a table key names, or nil with an error suggesting the nearest; a warning
    /// when `unit` does not fill it (its figures will not be added up). The unit's own tables and
    /// those it reports for a predecessor are looked up the same way.
    package mutating func appendix(_ key: String, at keyNode: Node, filledBy unit: ReportingUnit?) -> AppendixTable? {
        guard let appendix = outline.appendix(key) else {
            reader.report(
                .error, .unknownAppendix, keyNode,
                Suggestion.message(unknown: "phụ lục '\(key)' không có trong đề cương", candidates: outline.appendices.map(\.id), for: key))
            return nil
        }
        if let unit, !appendix.isFilled(by: unit) {
            reader.report(
                .warning, .notApplicable, keyNode,
                "\(unit.name) không thuộc các đơn vị báo cáo Phụ lục \(appendix.number); số liệu này sẽ không được tổng hợp")
        }
        return appendix
    }

    /// One table's figures, each year checked against the years `unit` reports (`years`).
    package mutating func readTable(
        _ node: Node, appendix: AppendixTable, unit: ReportingUnit?, years reported: [Int], block: FigureBlock
    ) -> [String: [Int: Double]] {
        var figures: [String: [Int: Double]] = [:]
        var valueNodes: [String: [Int: Node]] = [:]
        var rowKeys: [String: Node] = [:]
        guard let rows = reader.mapping(node, "Phụ lục \(appendix.number)") else { return figures }
        figures.reserveCapacity(rows.count)
        rowKeys.reserveCapacity(rows.count)
        let enteredIDs = appendix.indicators.filter(\.isEntered).map(\.id)
        // Where each figure was written is kept only for the indicators a rule checks, a row at
        // a time: kept for every year of every row, it hashed the indicator's id each time.
        let ruled = Set(appendix.rules.map(\.indicatorID))
        for row in rows {
            guard let indicator = appendix.indicator(row.key) else {
                reader.report(
                    .error, .unknownIndicator, row.keyNode,
                    Suggestion.message(
                        unknown: "chỉ tiêu '\(row.key)' không có trong Phụ lục \(appendix.number)", candidates: enteredIDs, for: row.key))
                continue
            }
            guard indicator.isEntered else {
                reader.report(
                    .error, .computedIndicator, row.keyNode,
                    "chỉ tiêu '\(row.key)' được tính tự động (\(indicator.aggregation.explanation)); không ghi số liệu này")
                continue
            }
            if let unit, !indicator.isFilled(by: unit) {
                reader.report(
                    .warning, .notApplicable, row.keyNode,
                    "chỉ tiêu '\(row.key)' không do \(unit.name) báo cáo; số liệu này sẽ không được tổng hợp")
            }
            // The years' mapping read in place, pair by pair: copied into an array of (key, key
            // node, value) and then out of it, each of the figures (180,000 at 1,000 units) was
            // copied three times, a fifth of reading the figures (docs/hieu-nang.md).
            guard case .mapping(let years) = row.value else {
                _ = reader.mapping(row.value, "chỉ tiêu '\(row.key)' (các năm: số liệu)")
                continue
            }
            // Made at its size: reserving room in an empty dictionary went through the
            // general resizing, a sixth of this loop's own instructions.
            var values = [Int: Double](minimumCapacity: years.pairs.count)
            var nodes: [Int: Node] = [:]
            let placed = ruled.contains(indicator.id)
            var outsideLife: [(year: Int, node: Node)] = []
            let pairs = years.pairs
            for index in pairs.indices {
                guard case .scalar(let keyScalar) = pairs[index].key else {
                    reader.reportKeyNotText(pairs[index].key, in: "chỉ tiêu '\(row.key)' (các năm: số liệu)")
                    continue
                }
                guard let year = Self.year(keyScalar), outline.programme.years.contains(year) else {
                    let key = NodeReader.normalised(keyScalar)
                    var message =
                        "năm '\(key)' nằm ngoài giai đoạn \(outline.programme.firstYear)–\(outline.programme.lastYear); ghi năm có 4 chữ số trong giai đoạn"
                    // Block or flow, a short all-digit "year" is the tell-tale
                    // of `{2020: 84,6}`, where the comma split a Vietnamese decimal into two entries.
                    if key.count < 4, key.allSatisfy(\.isNumber) {
                        message +=
                            "; trong ngoặc {…} dấu phẩy ngăn cách các năm, nên số thập phân viết bằng dấu chấm (85.48) hoặc đặt trong ngoặc kép (\"85,48\")"
                    }
                    reader.report(.error, .yearOutOfPeriod, pairs[index].key, message)
                    continue
                }
                guard let value = readFigure(pairs[index].value, indicator: indicator, year: year) else { continue }
                guard reported.contains(year) else {
                    outsideLife.append((year, pairs[index].key))
                    continue
                }
                values[year] = value
                if placed { nodes[year] = pairs[index].value }
            }
            if placed { valueNodes[indicator.id, default: [:]].merge(nodes) { _, later in later } }
            if let unit, let first = outsideLife.first {
                reportOutsideLife(outsideLife.map(\.year), at: first.node, indicator: indicator, unit: unit, block: block)
            }
            figures[indicator.id] = values
            rowKeys[indicator.id] = row.keyNode
        }
        reportMissing(figures, rowKeys: rowKeys, tableNode: node, appendix: appendix, unit: unit, years: reported, block: block)
        for rule in appendix.rules {
            for (year, value) in figures[rule.indicatorID] ?? [:] {
                guard let limit = figures[rule.limitID]?[year], value > limit, let place = valueNodes[rule.indicatorID]?[year] else {
                    continue
                }
                let a = appendix.indicator(rule.indicatorID)?.name ?? rule.indicatorID
                let b = appendix.indicator(rule.limitID)?.name ?? rule.limitID
                reader.report(
                    .error, .ruleBroken, place,
                    "năm \(year): \(a.lowercasedFirst) (\(Self.show(value))) không được lớn hơn \(b.lowercasedFirst) (\(Self.show(limit)))")
            }
        }
        return figures
    }

    /// One warning for a table left wholly empty, otherwise one per indicator with missing years,
    /// so that an untouched skeleton table does not bury the real problems.
    private mutating func reportMissing(
        _ figures: [String: [Int: Double]], rowKeys: [String: Node], tableNode: Node, appendix: AppendixTable, unit: ReportingUnit?,
        years: [Int], block: FigureBlock
    ) {
        guard let unit, appendix.isFilled(by: unit), !years.isEmpty else { return }
        let whose: String
        switch block {
        case .own: whose = ""
        case .predecessor(let old): whose = " của \(old.name)"
        }
        if figures.values.allSatisfy(\.isEmpty) {
            reader.report(.warning, .missingFigures, tableNode, "Phụ lục \(appendix.number)\(whose) chưa có số liệu")
            return
        }
        for indicator in appendix.enteredIndicators(for: unit) {
            let values = figures[indicator.id] ?? [:]
            // The figures hold only years the unit reports, each once: as many as `years` is
            // all of them.
            if values.count == years.count { continue }
            let missing = years.filter { values[$0] == nil }
            guard !missing.isEmpty else { continue }
            let place = rowKeys[indicator.id] ?? tableNode
            let which =
                missing.count == years.count
                ? "chưa có số liệu"
                : "chưa có số liệu \(missing.count == 1 ? "năm" : "các năm") \(missing.map(String.init).joined(separator: ", "))"
            reader.report(.warning, .missingFigures, place, "chỉ tiêu '\(indicator.id)' (\(indicator.name))\(whose) \(which)")
        }
    }

    /// Figures for years the unit did not exist at year-end. In the unit's own table they are a
    /// warning (the years before a merger belong to the units it was formed from, under
    /// `so_lieu_don_vi_cu`); in a predecessor's block an error, since nothing else can be meant.
    /// Either way they are left out, so that no year is counted for two units.
    private mutating func reportOutsideLife(
        _ years: [Int], at node: Node, indicator: Indicator, unit: ReportingUnit, block: FigureBlock
    ) {
        let listed = "\(years.count == 1 ? "năm" : "các năm") \(years.map(String.init).joined(separator: ", "))"
        let life: String
        if let formed = unit.formed, years.contains(where: { SimpleDate(year: $0, month: 12, day: 31) < formed }) {
            life = "\(unit.name) được thành lập ngày \(formed) nên chỉ báo cáo số liệu từ năm \(formed.year)"
        } else if let ended = unit.ended {
            life =
                "\(unit.name) kết thúc ngày \(ended) nên chỉ báo cáo số liệu đến năm \(unit.reportsYear(ended.year) ? ended.year : ended.year - 1)"
        } else {
            life = "\(unit.name) không tồn tại vào cuối \(listed)"
        }
        switch block {
        case .own:
            let predecessors = outline.predecessors(of: unit.id).map(\.id)
            let hint =
                predecessors.isEmpty
                ? "số liệu này không được tổng hợp"
                : "số liệu này không được tổng hợp; số liệu các năm trước của các đơn vị tiền thân (\(predecessors.joined(separator: ", "))) ghi ở khóa '\(Key.predecessorFigures)', mỗi đơn vị một mục"
            reader.report(.warning, .yearOutOfPeriod, node, "chỉ tiêu '\(indicator.id)', \(listed): \(life); \(hint)")
        case .predecessor:
            reader.report(.error, .yearOutOfPeriod, node, "chỉ tiêu '\(indicator.id)', \(listed): \(life); bỏ số liệu \(listed)")
        }
    }

    /// The year a key names: four ASCII digits (NFC never makes or takes away an ASCII digit,
    /// so the key is read as libyaml gave it). Read from the bytes: `Int(String)` was a sixth of
    /// reading a figure; the signed three-digit keys it also read are no year of any programme.
    static func year(_ key: Node.Scalar) -> Int? {
        let year = key.string.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard bytes.count == 4 else { return nil }
            var year = 0
            for byte in bytes {
                guard byte &- 0x30 < 10 else { return nil }
                year = year &* 10 &+ Int(byte &- 0x30)
            }
            return year
        }
        return year ?? Int(key.string).flatMap { key.string.utf8.count == 4 ? $0 : nil }
    }

    private mutating func readFigure(_ node: Node, indicator: Indicator, year: Int) -> Double? {
        let word: String
        let value: Double
        if case .scalar(let scalar) = node, let figure = FigureText.parse(scalar.string) {
            // Most figures: a number is ASCII, which NFC leaves as it is, and never a null.
            (word, value) = (scalar.string, figure)
        } else {
            if NodeReader.isNull(node) { return nil }
            // The id alone in the message's closure: capturing the indicator copied it at every figure.
            let id = indicator.id
            guard let text = reader.text(node, "số liệu năm \(year) của '\(id)'") else { return nil }
            guard let figure = FigureText.parse(text) else {
                reader.report(
                    .error, .notANumber, node,
                    "số liệu năm \(year) của '\(indicator.id)' phải là một số (như 1234 hoặc 85,5), không có dấu chấm ngăn cách hàng nghìn, nhưng gặp '\(text)'"
                )
                return nil
            }
            (word, value) = (text, figure)
        }
        switch indicator.type {
        case .count:
            if value < 0 {
                reader.report(
                    .error, .negative, node, "số liệu năm \(year) của '\(indicator.id)' là số lượng nên không được âm (gặp \(word))")
                return nil
            }
            // A rolled-up report's average of counts is a mean, not a count.
            if value.rounded() != value && !(rolledUp && indicator.aggregation == .average) {
                reader.report(
                    .error, .notAnInteger, node,
                    "số liệu năm \(year) của '\(indicator.id)' là số lượng (\(indicator.measure)) nên phải là số nguyên, nhưng gặp '\(word)'; nếu đó là số có dấu chấm ngăn cách hàng nghìn, hãy bỏ dấu chấm"
                )
                return nil
            }
        case .percent:
            if value < 0 {
                reader.report(.error, .negative, node, "tỷ lệ năm \(year) của '\(indicator.id)' không được âm (gặp \(word))")
                return nil
            }
            if value > 100 {
                reader.report(
                    .error, .percentOver100, node, "tỷ lệ năm \(year) của '\(indicator.id)' phải từ 0 đến 100 (%), nhưng gặp \(word)")
                return nil
            }
        case .amount:
            if value < 0 {
                reader.report(
                    .error, .negative, node, "số liệu năm \(year) của '\(indicator.id)' (\(indicator.measure)) không được âm (gặp \(word))")
                return nil
            }
        case .score:
            break
        }
        return value
    }

    /// A figure as the user would recognise it in a message.
    package static func show(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

extension String {
    /// "Số văn bản" → "số văn bản", for names that continue a sentence.
    package var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
