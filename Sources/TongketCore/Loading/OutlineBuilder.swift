/// Collects the parts of an outline from its files and checks that they refer to each other correctly.
struct OutlineBuilder {
    // What the files gave, read here and checked against each other in OutlineBuilder+CrossChecks.
    var diagnostics: [Diagnostic] = []
    var programme: Programme?
    var sections: [Section] = []
    var units: [ReportingUnit] = []
    var thematics: [ThematicAssignment] = []
    var appendices: [AppendixTable] = []
    var targets: [Target] = []
    /// Where each reference was written, for cross-check errors.
    var references: [(location: SourceLocation, check: Reference)] = []

    enum Reference {
        case unitKind(String)
        case unit(String)
        case unitOrKind(String)
        case section(String)
        case appendix(String)
        case indicator(appendix: String, indicator: String)
        /// A unit's `cap_tren`: a known unit of a higher level.
        case parent(unit: String, parent: String)
    }

    // MARK: Files

    mutating func readProgramme(_ node: Node, _ r: NodeReader) {
        var r = r
        guard let pairs = r.mapping(node, "tệp chương trình") else { return finish(r) }
        r.checkKeys(pairs, allowed: OutlineKeys.programme, in: "tệp chương trình")
        let f = Fields(pairs, node)
        // Read first: what may be left out depends on it. A bad value is reported; the rest is
        // still checked as the current format, so that every problem shows in one run.
        let format = OutlineFormat.read(f, &r) ?? OutlineFormat.current
        let basisNode = f.node("can_cu")
        var basis = DocumentReference(kind: "Kế hoạch", number: "", date: SimpleDate(year: 2000, month: 1, day: 1), issuer: "", title: "")
        if let basisNode, let bp = r.mapping(basisNode, "can_cu") {
            r.checkKeys(bp, allowed: OutlineKeys.basis, in: "can_cu")
            let b = Fields(bp, basisNode)
            basis.kind = OutlineFormat.Default.basisKind.read(b, format: format, basis: basis, &r)
            basis.number = b.text("so", &r) ?? ""
            basis.date = b.date("ngay", &r) ?? basis.date
            basis.issuer = b.text("co_quan", &r) ?? ""
            basis.title = b.text("ten", &r) ?? ""
        }
        if let span = f.node("giai_doan"), let sp = r.mapping(span, "giai_doan") {
            r.checkKeys(sp, allowed: OutlineKeys.period, in: "giai_doan")
        }
        let first = f.integer("giai_doan", sub: "tu", &r) ?? 0
        let last = f.integer("giai_doan", sub: "den", &r) ?? 0
        var phases: [Phase] = []
        if let list = f.node("cac_giai_doan"), let items = r.sequence(list, "cac_giai_doan") {
            for item in items {
                guard let ip = r.mapping(item, "giai đoạn") else { continue }
                r.checkKeys(ip, allowed: OutlineKeys.phase, in: "giai đoạn")
                let p = Fields(ip, item)
                if let name = p.text("ten", &r), let a = p.integer("tu", &r), let b = p.integer("den", &r) {
                    if a > b || a < first || b > last {
                        r.report(.error, .outlineInvalid, item, "giai đoạn \(a)–\(b) phải nằm trong \(first)–\(last)")
                    }
                    phases.append(Phase(name: name, firstYear: a, lastYear: b))
                }
            }
        }
        var deadlines: [SimpleDate] = []
        if let dn = f.node("thoi_han"), let dp = r.mapping(dn, "thoi_han") {
            r.checkKeys(dp, allowed: OutlineKeys.deadlines, in: "thoi_han")
            let d = Fields(dp, dn)
            for key in OutlineKeys.deadlines {
                deadlines.append(d.date(key, &r) ?? SimpleDate(year: last, month: 12, day: 31))
            }
        }
        var styles: [NumberingScheme.Style] = []
        if let sn = f.node("danh_so"), let items = r.sequence(sn, "danh_so") {
            for item in items {
                guard let word = r.text(item, "kiểu đánh số") else { continue }
                if let style = NumberingScheme.Style(rawValue: word) {
                    styles.append(style)
                } else {
                    r.report(
                        .error, .outlineInvalid, item,
                        Suggestion.message(
                            unknown:
                                "kiểu đánh số '\(word)' không có; dùng một trong: \(NumberingScheme.Style.allCases.map(\.rawValue).joined(separator: ", "))",
                            candidates: NumberingScheme.Style.allCases.map(\.rawValue), for: word))
                }
            }
        }
        var kinds: [(id: String, name: String)] = []
        if let kn = f.node("loai_don_vi"), let kp = r.mapping(kn, "loai_don_vi") {
            for pair in kp { kinds.append((pair.key, r.text(pair.value, "tên loại đơn vị") ?? pair.key)) }
        }
        let levels = readLevels(f.node("cap"), &r)
        let id = f.text("ma", &r) ?? ""
        let title = f.text("ten", &r) ?? ""
        programme = Programme(
            id: id, title: title, summary: f.text("trich_yeu", &r) ?? title,
            reviewKind: OutlineFormat.Default.reviewKind.read(f, format: format, basis: basis, &r), province: f.text("tinh", &r) ?? "",
            place: f.text("dia_danh", &r) ?? "", basis: basis, firstYear: first, lastYear: last, phases: phases,
            unitDeadline: deadlines.count == 3 ? deadlines[0] : SimpleDate(year: last, month: 12, day: 31),
            thematicDeadline: deadlines.count == 3 ? deadlines[1] : SimpleDate(year: last, month: 12, day: 31),
            consolidatedDeadline: deadlines.count == 3 ? deadlines[2] : SimpleDate(year: last, month: 12, day: 31),
            numbering: NumberingScheme(styles: styles), unitKinds: kinds,
            defaultRecipients: f.texts("noi_nhan_mac_dinh", &r), commendationForms: f.texts("hinh_thuc_khen_thuong", &r),
            consolidated: readIssuer(f.node("bao_cao_tong_hop"), owner: node, basis: basis, format: format, &r), levels: levels)
        if first < 1900 || last < first {
            r.report(.error, .outlineInvalid, node, "giai_doan phải có 'tu' và 'den' là năm, với tu ≤ den")
        }
        finish(r)
    }

    /// `bao_cao_tong_hop`: who drafts the consolidated report, its header, signer and recipients.
    private mutating func readIssuer(
        _ node: Node?, owner: Node, basis: DocumentReference, format: Int, _ r: inout NodeReader
    ) -> ConsolidatedIssuer {
        var issuer = ConsolidatedIssuer(
            drafterID: "", bodyLines: [], name: "", code: "", signer: Signer(authority: nil, title: nil, name: nil), recipients: [])
        guard let node else {
            r.report(.error, .missingField, owner, "thiếu khóa 'bao_cao_tong_hop' (cơ quan ban hành báo cáo tổng hợp)")
            return issuer
        }
        guard let pairs = r.mapping(node, "bao_cao_tong_hop") else { return issuer }
        r.checkKeys(pairs, allowed: OutlineKeys.issuer, in: "bao_cao_tong_hop")
        let f = Fields(pairs, node)
        issuer.name = OutlineFormat.Default.issuerName.read(f, format: format, basis: basis, &r)
        issuer.drafterID = f.text("don_vi_soan", &r) ?? ""
        if let n = f.node("don_vi_soan") { references.append((r.location(n), .unit(issuer.drafterID))) }
        issuer.bodyLines = f.texts("co_quan", &r)
        issuer.code = f.text("ky_hieu", &r) ?? ""
        issuer.recipients = f.texts("noi_nhan", &r)
        if let signer = readSigner(f.node("nguoi_ky"), key: "nguoi_ky", &r) { issuer.signer = signer }
        issuer.drafterSigner = readSigner(f.node("nguoi_ky_don_vi_soan"), key: "nguoi_ky_don_vi_soan", &r)
        return issuer
    }

    /// A signer block (`quyen_han`, `chuc_vu`, `ho_ten`) written under `key`.
    private func readSigner(_ node: Node?, key: String, _ r: inout NodeReader) -> Signer? {
        guard let node, let pairs = r.mapping(node, key) else { return nil }
        r.checkKeys(pairs, allowed: OutlineKeys.signer, in: key)
        let s = Fields(pairs, node)
        return Signer(authority: s.optionalText("quyen_han", &r), title: s.text("chuc_vu", &r), name: s.optionalText("ho_ten", &r))
    }

    mutating func readSections(_ node: Node, _ r: NodeReader) {
        var r = r
        guard let pairs = r.mapping(node, "đề cương") else { return finish(r) }
        r.checkKeys(pairs, allowed: OutlineKeys.sectionsFile, in: "đề cương")
        let f = Fields(pairs, node)
        if let list = f.node("muc") {
            sections = readSectionList(list, required: [], optional: [], &r)
        } else {
            r.report(.error, .missingField, node, "đề cương thiếu khóa 'muc'")
        }
        finish(r)
    }

    private mutating func readSectionList(_ node: Node, required: Set<String>, optional: Set<String>, _ r: inout NodeReader) -> [Section] {
        guard let items = r.sequence(node, "danh sách mục") else { return [] }
        var result: [Section] = []
        for item in items {
            guard let pairs = r.mapping(item, "mục") else { continue }
            r.checkKeys(pairs, allowed: OutlineKeys.section, in: "mục của đề cương")
            let f = Fields(pairs, item)
            let key = f.text("ma", &r) ?? ""
            let requiredHere = f.node("bat_buoc").map { Set(kindList($0, &r)) } ?? required
            let optionalHere = f.node("khong_bat_buoc").map { Set(kindList($0, &r)) } ?? optional
            let children = f.node("muc_con").map { readSectionList($0, required: requiredHere, optional: optionalHere, &r) } ?? []
            var kind: Section.Kind = children.isEmpty ? .text : .group
            if let kindNode = f.node("kieu"), let word = r.text(kindNode, "kieu") {
                if children.isEmpty, let known = Section.Kind(rawValue: word), known != .group {
                    kind = known
                } else if !children.isEmpty {
                    r.report(.error, .outlineInvalid, kindNode, "mục có 'muc_con' là nhóm, không ghi 'kieu'")
                } else {
                    r.report(
                        .error, .outlineInvalid, kindNode,
                        "kiểu mục '\(word)' không có; dùng van-ban, danh-sach, khen-thuong hoặc doi-chieu-muc-tieu")
                }
            }
            if key.isEmpty || key.contains(where: { !($0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-")) }) {
                r.report(.error, .outlineInvalid, item, "khóa mục '\(key)' phải gồm chữ thường không dấu, chữ số và dấu '-'")
            }
            var section = Section(
                key: key, title: f.text("tieu_de", &r) ?? key, guidance: f.optionalText("huong_dan", &r) ?? "",
                kind: kind, requiredFor: requiredHere, optionalFor: optionalHere.subtracting(requiredHere), children: children)
            if let node = f.node("de_xuat_voi"), let word = r.text(node, "de_xuat_voi") {
                if let addressee = Section.Addressee(rawValue: word) {
                    section.proposalsTo = addressee
                } else {
                    r.report(.error, .outlineInvalid, node, "'de_xuat_voi: \(word)' không có; dùng co-quan-tong-hop hoặc cap-tren")
                }
            }
            if let sentences = f.node("cau_so_lieu"), !children.isEmpty {
                r.report(
                    .error, .outlineInvalid, sentences, "mục có 'muc_con' là nhóm, không có câu số liệu; ghi 'cau_so_lieu' ở một mục con")
            } else if let sentences = f.node("cau_so_lieu"), let items = r.sequence(sentences, "cau_so_lieu") {
                for item in items {
                    guard let text = r.text(item, "câu số liệu") else { continue }
                    switch FigureSentence.parse(text) {
                    case .success(let sentence):
                        section.figureSentences.append(sentence)
                        for figure in sentence.figures.map(\.figure) where figure.kind != .targetsMet {
                            references.append((r.location(item), .indicator(appendix: figure.appendixID, indicator: figure.indicatorID)))
                        }
                    case .failure(let error): r.report(.error, .outlineInvalid, item, error.message)
                    }
                }
            }
            result.append(section)
        }
        return result
    }

    private mutating func kindList(_ node: Node, _ r: inout NodeReader) -> [String] {
        guard let items = r.sequence(node, "danh sách loại đơn vị") else { return [] }
        return items.compactMap { item in
            guard let word = r.text(item, "loại đơn vị") else { return nil }
            references.append((r.location(item), .unitKind(word)))
            return word
        }
    }

    mutating func readUnits(_ node: Node, _ r: NodeReader) {
        var r = r
        guard let pairs = r.mapping(node, "danh mục đơn vị") else { return finish(r) }
        r.checkKeys(pairs, allowed: OutlineKeys.unitsFile, in: "danh mục đơn vị")
        let f = Fields(pairs, node)
        guard let list = f.node("don_vi"), let items = r.sequence(list, "don_vi") else {
            r.report(.error, .missingField, node, "danh mục đơn vị thiếu khóa 'don_vi'")
            return finish(r)
        }
        var changes: [UnitChange] = []
        // A set, not a search of the list: a national registry has tens of thousands of units.
        var seen: Set<String> = []
        for item in items {
            guard let up = r.mapping(item, "đơn vị") else { continue }
            r.checkKeys(up, allowed: OutlineKeys.unit, in: "đơn vị")
            let u = Fields(up, item)
            guard let id = u.text("ma", &r), let name = u.text("ten", &r), let kind = u.text("loai", &r) else { continue }
            if let kindNode = u.node("loai") { references.append((r.location(kindNode), .unitKind(kind))) }
            if !seen.insert(id).inserted {
                r.report(.error, .duplicate, item, "mã đơn vị '\(id)' bị lặp lại")
            }
            let lines = u.texts("co_quan", &r)
            let change = UnitChange.read(u, unitID: id, at: item, &r)
            changes.append(change)
            units.append(
                ReportingUnit(
                    id: id, name: name, kind: kind, code: u.text("ky_hieu", &r) ?? "", parentBody: u.optionalText("chu_quan", &r),
                    bodyLines: lines.isEmpty ? [name.uppercased()] : lines, place: u.optionalText("dia_danh", &r),
                    formed: change.formed, ended: change.ended,
                    predecessorIDs: change.predecessors.map(\.id), rearrangement: change.act, parentID: u.optionalText("cap_tren", &r)))
            if let parentNode = u.node("cap_tren"), let parent = units.last?.parentID {
                references.append((r.location(parentNode), .parent(unit: id, parent: parent)))
            }
        }
        UnitChange.check(changes, units: units, &r)
        finish(r)
    }

    mutating func readThematics(_ node: Node, _ r: NodeReader) {
        var r = r
        guard let pairs = r.mapping(node, "danh sách chuyên đề") else { return finish(r) }
        r.checkKeys(pairs, allowed: OutlineKeys.thematicsFile, in: "danh sách chuyên đề")
        let f = Fields(pairs, node)
        guard let list = f.node("chuyen_de"), let items = r.sequence(list, "chuyen_de") else { return finish(r) }
        for item in items {
            guard let tp = r.mapping(item, "chuyên đề") else { continue }
            r.checkKeys(tp, allowed: OutlineKeys.thematic, in: "chuyên đề")
            let t = Fields(tp, item)
            guard let unit = t.text("don_vi", &r) else { continue }
            if let n = t.node("don_vi") { references.append((r.location(n), .unit(unit))) }
            let keys = t.texts("muc", &r, each: { references.append(($0, .section($1))) })
            let tables = t.texts("phu_luc", &r, each: { references.append(($0, .appendix($1))) })
            thematics.append(
                ThematicAssignment(
                    number: t.integer("so", &r) ?? thematics.count + 1, unitID: unit, topic: t.text("chu_de", &r) ?? "",
                    sectionKeys: keys, appendixIDs: tables))
        }
        finish(r)
    }

    mutating func readTargets(_ node: Node, _ r: NodeReader) {
        var r = r
        guard let pairs = r.mapping(node, "danh sách mục tiêu") else { return finish(r) }
        r.checkKeys(pairs, allowed: OutlineKeys.targetsFile, in: "danh sách mục tiêu")
        let f = Fields(pairs, node)
        guard let list = f.node("muc_tieu"), let items = r.sequence(list, "muc_tieu") else { return finish(r) }
        for item in items {
            guard let tp = r.mapping(item, "mục tiêu") else { continue }
            r.checkKeys(tp, allowed: OutlineKeys.target, in: "mục tiêu")
            let t = Fields(tp, item)
            guard let id = t.text("ma", &r), let ref = t.text("chi_tieu", &r), let word = t.text("so_sanh", &r),
                let value = t.number("gia_tri", &r), let year = t.integer("nam", &r)
            else { continue }
            let parts = ref.split(separator: "/").map(String.init)
            guard parts.count == 2, let comparison = Target.Comparison(rawValue: word) else {
                r.report(
                    .error, .outlineInvalid, item,
                    "mục tiêu '\(id)': 'chi_tieu' phải có dạng phu-luc/chi-tieu và 'so_sanh' là lon-hon, khong-duoi, nho-hon hoặc khong-vuot"
                )
                continue
            }
            if let n = t.node("chi_tieu") { references.append((r.location(n), .indicator(appendix: parts[0], indicator: parts[1]))) }
            targets.append(
                Target(
                    id: id, title: t.text("ten", &r) ?? id, source: t.optionalText("nguon", &r) ?? "", appendixID: parts[0],
                    indicatorID: parts[1], comparison: comparison, value: value, year: year))
        }
        finish(r)
    }

    mutating func readAppendix(_ node: Node, _ r: NodeReader) {
        var r = r
        guard let pairs = r.mapping(node, "phụ lục") else { return finish(r) }
        r.checkKeys(pairs, allowed: OutlineKeys.appendix, in: "phụ lục")
        let f = Fields(pairs, node)
        guard let id = f.text("ma", &r) else { return finish(r) }
        if appendices.contains(where: { $0.id == id }) { r.report(.error, .duplicate, node, "mã phụ lục '\(id)' bị lặp lại") }
        let owner = f.text("chu_tri", &r) ?? ""
        if let n = f.node("chu_tri") { references.append((r.location(n), .unit(owner))) }
        let filledBy = f.texts("don_vi_dien", &r, each: { references.append(($0, .unitOrKind($1))) })
        var indicators: [Indicator] = []
        var rules: [IndicatorRule] = []
        if let list = f.node("chi_tieu"), let items = r.sequence(list, "chi_tieu") {
            for item in items {
                guard let ip = r.mapping(item, "chỉ tiêu") else { continue }
                r.checkKeys(ip, allowed: OutlineKeys.indicator, in: "chỉ tiêu")
                let c = Fields(ip, item)
                guard let key = c.text("ma", &r), let typeWord = c.text("kieu", &r), let ruleWord = c.text("tong_hop", &r) else { continue }
                guard let type = Indicator.ValueType(rawValue: typeWord) else {
                    r.report(.error, .outlineInvalid, item, "kiểu chỉ tiêu '\(typeWord)' không có; dùng so-luong, ty-le, gia-tri hoặc diem")
                    continue
                }
                let aggregation: Indicator.Aggregation
                switch ruleWord {
                case "cong": aggregation = .sum
                case "trung-binh": aggregation = .average
                case "cuoi-ky": aggregation = .latest
                case "ty-so":
                    let numerator = c.text("tu_so", &r) ?? ""
                    let denominator = c.text("mau_so", &r) ?? ""
                    references.append((r.location(item), .indicator(appendix: id, indicator: numerator)))
                    references.append((r.location(item), .indicator(appendix: id, indicator: denominator)))
                    aggregation = .ratio(numerator: numerator, denominator: denominator)
                default:
                    r.report(
                        .error, .outlineInvalid, item, "cách tổng hợp '\(ruleWord)' không có; dùng cong, trung-binh, cuoi-ky hoặc ty-so")
                    continue
                }
                let who = c.texts("don_vi_dien", &r, each: { references.append(($0, .unitOrKind($1))) })
                var decimals: Int?
                if let node = c.node("thap_phan"), !NodeReader.isNull(node), let places = c.integer("thap_phan", &r) {
                    if (0...4).contains(places) {
                        decimals = places
                    } else {
                        r.report(.error, .outlineInvalid, node, "'thap_phan' là số chữ số thập phân, từ 0 đến 4, nhưng gặp \(places)")
                    }
                }
                indicators.append(
                    Indicator(
                        id: key, name: c.text("ten", &r) ?? key, measure: c.text("don_vi_tinh", &r) ?? "", type: type,
                        aggregation: aggregation, filledBy: who, isKey: c.optionalText("bieu_do", &r) == "true", decimals: decimals))
            }
        }
        if let list = f.node("rang_buoc"), let items = r.sequence(list, "rang_buoc") {
            for item in items {
                guard let rp = r.mapping(item, "ràng buộc") else { continue }
                r.checkKeys(rp, allowed: OutlineKeys.rule, in: "ràng buộc")
                let c = Fields(rp, item)
                guard let a = c.text("chi_tieu", &r), let b = c.text("khong_vuot", &r) else { continue }
                references.append((r.location(item), .indicator(appendix: id, indicator: a)))
                references.append((r.location(item), .indicator(appendix: id, indicator: b)))
                rules.append(IndicatorRule(indicatorID: a, limitID: b))
            }
        }
        appendices.append(
            AppendixTable(
                id: id, number: f.text("so", &r) ?? id, title: f.text("ten", &r) ?? id, ownerID: owner, filledBy: filledBy,
                indicators: indicators, rules: rules))
        finish(r)
    }

    private mutating func finish(_ r: NodeReader) { diagnostics += r.diagnostics }
}
