import Foundation

/// Walks a submission's node tree once, building the `Submission` and reporting every problem.
package struct SubmissionChecker {
    package typealias Key = SubmissionLoader.Key
    package let outline: Outline
    package var reader: NodeReader
    /// Whether the file is a rolled-up report (`tong_hop_tu`), whose averages may be fractions.
    package var rolledUp = false

    package mutating func check(_ root: Node) -> Submission? {
        guard let pairs = reader.mapping(root, "bản báo cáo") else {
            if NodeReader.isNull(root) { reader.report(.error, .missingField, root, "tệp trống") }
            return nil
        }
        reader.checkKeys(pairs, allowed: Key.all, in: "bản báo cáo (các khóa được dùng: \(Key.all.joined(separator: ", ")))")
        let fields = Fields(pairs, root)
        if fields.node(Key.draftingText) != nil { return checkDraftingText(fields) }

        guard let unitID = fields.text(Key.unit, &reader) else { return nil }
        let unit = outline.unit(unitID)
        if unit == nil, let node = fields.node(Key.unit) {
            reader.report(
                .error, .unknownUnit, node,
                Suggestion.message(
                    unknown: "mã đơn vị '\(unitID)' không có trong danh mục đơn vị của đề cương (xem 'tongket outline --units')",
                    candidates: outline.units.map(\.id), for: unitID))
        }
        // The archived report of a unit gone before this review was written for its own time.
        let archived = unit.map { !outline.expectsReport(from: $0) } ?? false
        let report = readReport(fields, key: Key.report, what: "báo cáo", archived: archived)
        let signer = readSigner(fields)
        let recipients = fields.texts(Key.recipients, &reader)
        rolledUp = fields.node(Key.rollUp) != nil
        let sections = readSections(fields, unit: unit)
        let thematic = readThematic(fields, unit: unit)
        let figures = readFigures(fields, unit: unit)
        let (predecessorFigures, predecessorPlaces) = readPredecessorFigures(fields, unit: unit)
        let commendations = readCommendations(fields)
        let rollUp = readRollUp(fields, unit: unit)
        guard unit != nil else { return nil }
        var submission = Submission(
            file: reader.file, unitID: unitID, report: report ?? ReportInfo(number: nil, date: nil, summary: nil),
            signer: signer, recipients: recipients.isEmpty ? outline.defaultRecipients(for: unit) : recipients,
            sections: sections, thematic: thematic, figures: figures, commendations: commendations,
            predecessorFigures: predecessorFigures, predecessorPlaces: predecessorPlaces)
        submission.rollUp = rollUp
        return submission
    }

    // MARK: Header

    private mutating func readReport(_ fields: Fields, key: String, what: String, archived: Bool) -> ReportInfo? {
        guard let node = fields.node(key) else {
            reader.report(.error, .missingField, fields.owner, "thiếu khóa '\(key)' (số, ký hiệu và ngày của \(what))")
            return nil
        }
        guard let pairs = reader.mapping(node, "'\(key)'") else {
            if NodeReader.isNull(node) { reader.report(.error, .missingField, node, "'\(key)' chưa được ghi") }
            return nil
        }
        reader.checkKeys(pairs, allowed: ["so", "ngay", "trich_yeu"], in: "'\(key)'")
        let f = Fields(pairs, node)
        let date = reportDate(f, what: what, archived: archived)
        return ReportInfo(number: f.text("so", &reader), date: date, summary: f.optionalText("trich_yeu", &reader))
    }

    /// How long after the consolidated report's deadline a report date is taken for a slip of
    /// the keyboard (2030 for 2020) rather than a late report.
    package static let implausibleDelay = 365

    /// A report's date; one before the plan was issued, or more than a year after the draft was
    /// due, is most likely a typing slip and is warned about with both dates.
    /// An archived report (`archived`) may well predate the plan: only its form is checked.
    private mutating func reportDate(_ f: Fields, what: String, archived: Bool = false) -> SimpleDate? {
        guard let date = f.date("ngay", &reader), let node = f.node("ngay") else { return nil }
        let programme = outline.programme
        if archived { return date }
        if date < programme.basis.date {
            reader.report(
                .warning, .badDate, node,
                "ngày \(what) \(date) trước ngày ban hành \(programme.basis.kind) số \(programme.basis.number) (\(programme.basis.date)); hãy kiểm tra lại ngày"
            )
        } else if programme.consolidatedDeadline.days(until: date) > Self.implausibleDelay {
            reader.report(
                .warning, .badDate, node,
                "ngày \(what) \(date) sau hạn báo cáo tổng hợp (\(programme.consolidatedDeadline)) hơn một năm; hãy kiểm tra lại ngày")
        }
        return date
    }

    private mutating func readSigner(_ fields: Fields) -> Signer {
        guard let node = fields.node(Key.signer) else {
            reader.report(.error, .missingField, fields.owner, "thiếu khóa '\(Key.signer)' (người ký báo cáo)")
            return Signer(authority: nil, title: nil, name: nil)
        }
        guard let pairs = reader.mapping(node, "'\(Key.signer)'") else {
            if NodeReader.isNull(node) { reader.report(.error, .missingField, node, "'\(Key.signer)' chưa được ghi") }
            return Signer(authority: nil, title: nil, name: nil)
        }
        reader.checkKeys(pairs, allowed: ["quyen_han", "chuc_vu", "ho_ten"], in: "'\(Key.signer)'")
        let f = Fields(pairs, node)
        return Signer(authority: f.optionalText("quyen_han", &reader), title: f.text("chuc_vu", &reader), name: f.text("ho_ten", &reader))
    }

    // MARK: Sections

    private mutating func readSections(_ fields: Fields, unit: ReportingUnit?) -> [String: SectionContent] {
        let node = fields.node(Key.sections)
        // Only what was written in: each content is asked once whether it is empty, and the
        // two tables are made as large as they will be (growing them, asking twice and filtering
        // at the end were a third of this walk, docs/hieu-nang.md).
        var written: [String: SectionContent] = [:]
        var places: [String: Node] = [:]
        if let node, let pairs = reader.mapping(node, "'\(Key.sections)'") {
            written.reserveCapacity(pairs.count)
            places.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let section = lookUpSection(pair.key, at: pair.keyNode) else { continue }
                if let unit {
                    if section.requirement(for: unit.kind) == .notApplicable {
                        let thematicKeys = outline.thematic(for: unit.id)?.sectionKeys ?? []
                        let hint =
                            thematicKeys.contains(section.key)
                            ? "đây là mục chuyên đề của đơn vị: hãy viết ở '\(Key.thematic).\(Key.sections).\(section.key)'"
                            : "nội dung này sẽ không được đưa vào báo cáo"
                        reader.report(
                            .warning, .notApplicable, pair.keyNode,
                            "mục '\(section.key)' không dành cho \(outline.programme.kindName(unit.kind).lowercased()); \(hint)")
                    }
                }
                if let content = readContent(pair.value, section: section) {
                    if !content.isEmpty { written[section.key] = content }
                    places[section.key] = pair.value
                }
            }
        } else if node == nil {
            reader.report(.error, .missingField, fields.owner, "thiếu khóa '\(Key.sections)' (nội dung báo cáo theo các mục của đề cương)")
        }
        guard let unit else { return written }
        for numbered in outline.leafSections where numbered.section.requirement(for: unit.kind) == .required {
            let section = numbered.section
            if written[section.key] != nil { continue }
            let place = places[section.key] ?? fields.keyNode(Key.sections) ?? fields.owner
            reader.report(
                .error, .emptySection, place,
                "mục '\(section.key)' (\(section.title)) là bắt buộc với \(outline.programme.kindName(unit.kind)) nhưng chưa được viết"
            )
        }
        return written
    }

    /// The leaf section named `key`, or nil after reporting why it can't be written in.
    mutating func lookUpSection(_ key: String, at node: Node) -> Section? {
        guard let section = outline.section(key) else {
            reader.report(
                .error, .unknownSection, node,
                Suggestion.message(
                    unknown: "mục '\(key)' không có trong đề cương (xem 'tongket outline')",
                    candidates: outline.leafSections.map(\.section.key), for: key))
            return nil
        }
        switch section.kind {
        case .group:
            let children = section.children.map(\.key).joined(separator: ", ")
            reader.report(.error, .unknownSection, node, "mục '\(key)' là nhóm mục; hãy viết vào các mục con: \(children)")
            return nil
        case .commendations:
            reader.report(
                .error, .wrongType, node, "đề xuất khen thưởng được ghi ở khóa '\(Key.commendations)' (bảng), không ở '\(Key.sections)'")
            return nil
        case .targets:
            reader.report(.error, .notApplicable, node, "mục '\(key)' do tongket tự lập từ số liệu khi tổng hợp; đơn vị không viết ở đây")
            return nil
        case .text, .list:
            return section
        }
    }

    mutating func readContent(_ node: Node, section: Section) -> SectionContent? {
        if NodeReader.isNull(node) { return .text("") }
        switch section.kind {
        case .list:
            guard let items = reader.sequence(node, "mục '\(section.key)'") else { return nil }
            return .list(
                items.compactMap { item in
                    if NodeReader.isNull(item) { return "" }
                    return reader.text(item, "mỗi ý của mục '\(section.key)'").map(Self.tidy)
                })
        default:
            if case .scalar = node { return reader.text(node, "mục '\(section.key)'").map { .text(Self.tidy($0)) } }
            reader.report(
                .error, .wrongType, node,
                "mục '\(section.key)' là đoạn văn: viết sau 'ký hiệu |' và thụt lề, nhưng gặp \(NodeReader.describe(node))")
            return nil
        }
    }

    /// Block scalars keep a final newline and sometimes trailing spaces; neither is the user's text.
    /// Works on UTF-8 bytes: splitting into Characters was a quarter of the time of a large run.
    package static func tidy(_ text: String) -> String {
        var copy = text
        return copy.withUTF8 { bytes in
            // Most texts have no space or tab before a line break: then only their ends change,
            // and most often not at all, so the text is kept or cut once rather than rebuilt line
            // by line (a fiftieth of a consolidation). The breaks are found with memchr, which
            // reads many bytes at a step: looking at every byte was a fiftieth of reading them.
            var spaceBeforeBreak = false
            if let base = bytes.baseAddress {
                var index = 1
                while index < bytes.count, let found = memchr(base + index, 0x0A, bytes.count - index) {
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                    if bytes[at - 1] == 0x20 || bytes[at - 1] == 0x09 {
                        spaceBeforeBreak = true
                        break
                    }
                    index = at + 1
                }
            }
            if !spaceBeforeBreak {
                var start = 0
                while start < bytes.count, bytes[start] == 0x0A { start += 1 }
                var end = bytes.count
                while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                if start == 0 && end == bytes.count { return text }
                return UTF8Text.string(cutFromValid: UnsafeBufferPointer(rebasing: bytes[start..<end]))
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 1)
            var lineStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x0A {
                var end = index
                while end > lineStart, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]))
                out.append(0x0A)
                lineStart = index + 1
            }
            // Blank lines at either end go; a line of only spaces is already empty here.
            var start = 0
            while start < out.count, out[start] == 0x0A { start += 1 }
            var end = out.count
            while end > start, out[end - 1] == 0x0A { end -= 1 }
            // Only spaces, tabs and line breaks were taken out of the String's own UTF-8: what
            // is left is valid, and checking it again was a fiftieth of a consolidation.
            return out[start..<end].withUnsafeBufferPointer { UTF8Text.string(cutFromValid: $0) }
        }
    }

    // MARK: Thematic report

    private mutating func readThematic(_ fields: Fields, unit: ReportingUnit?) -> ThematicPart? {
        let assignment = unit.flatMap { outline.thematic(for: $0.id) }
        guard let node = fields.node(Key.thematic) else {
            if let assignment {
                reader.report(
                    .warning, .missingField, fields.owner,
                    "chưa có báo cáo chuyên đề số \(assignment.number) ('\(Key.thematic)'), hạn \(outline.programme.thematicDeadline)")
            }
            return nil
        }
        guard let unit else { return nil }
        guard let assignment else {
            reader.report(
                .error, .notApplicable, fields.keyNode(Key.thematic) ?? node,
                "\(unit.name) không được giao báo cáo chuyên đề theo Kế hoạch; bỏ khóa '\(Key.thematic)'")
            return nil
        }
        guard let pairs = reader.mapping(node, "'\(Key.thematic)'") else { return nil }
        reader.checkKeys(pairs, allowed: ["so", "ngay", "trich_yeu", Key.sections], in: "'\(Key.thematic)'")
        let f = Fields(pairs, node)
        let report = ReportInfo(
            number: f.text("so", &reader), date: reportDate(f, what: "báo cáo chuyên đề"), summary: f.optionalText("trich_yeu", &reader))
        var written: [String: SectionContent] = [:]
        var places: [String: Node] = [:]
        if let body = f.node(Key.sections), let sectionPairs = reader.mapping(body, "'\(Key.thematic).\(Key.sections)'") {
            for pair in sectionPairs {
                guard let section = lookUpSection(pair.key, at: pair.keyNode) else { continue }
                if !assignment.sectionKeys.contains(section.key) {
                    reader.report(
                        .error, .notApplicable, pair.keyNode,
                        "mục '\(section.key)' không thuộc chuyên đề của \(unit.name) (các mục: \(assignment.sectionKeys.joined(separator: ", ")))"
                    )
                    continue
                }
                if let content = readContent(pair.value, section: section) {
                    written[section.key] = content
                    places[section.key] = pair.value
                }
            }
        }
        for key in assignment.sectionKeys where written[key]?.isEmpty ?? true {
            let place = places[key] ?? f.keyNode(Key.sections) ?? node
            reader.report(.error, .emptySection, place, "mục chuyên đề '\(key)' chưa được viết")
        }
        return ThematicPart(report: report, sections: written.filter { !$0.value.isEmpty })
    }

    // MARK: Commendations

    private mutating func readCommendations(_ fields: Fields) -> [Commendation] {
        guard let node = fields.node(Key.commendations), let items = reader.sequence(node, "'\(Key.commendations)'") else { return [] }
        var result: [Commendation] = []
        for item in items {
            guard let pairs = reader.mapping(item, "mỗi đề xuất khen thưởng") else { continue }
            reader.checkKeys(pairs, allowed: ["doi_tuong", "ten", "hinh_thuc", "thanh_tich"], in: "đề xuất khen thưởng")
            let f = Fields(pairs, item)
            let word = f.text("doi_tuong", &reader)
            let recipient = word.flatMap(Commendation.Recipient.init(rawValue:))
            if let word, recipient == nil, let place = f.node("doi_tuong") {
                reader.report(.error, .wrongType, place, "'doi_tuong' phải là 'tap-the' hoặc 'ca-nhan', nhưng gặp '\(word)'")
            }
            guard let name = f.text("ten", &reader), let form = f.text("hinh_thuc", &reader),
                let achievement = f.text("thanh_tich", &reader), let recipient
            else { continue }
            result.append(Commendation(recipient: recipient, name: name, form: form, achievement: achievement))
        }
        return result
    }
}
