/// The drafting body's own text for the consolidated report: `tong_hop: <its unit id>` and the
/// sections it writes in the province's voice. Any written section may be filled, none has to
/// be; header, signer and recipients are the outline's (`bao_cao_tong_hop`), and figures are
/// never written here: the province's figures are the units' added up.
extension SubmissionChecker {
    mutating func checkDraftingText(_ fields: Fields) -> Submission? {
        let drafter = outline.programme.consolidated.drafterID
        let name = outline.unit(drafter)?.name ?? drafter
        if fields.node(Key.unit) != nil, let node = fields.keyNode(Key.unit) {
            reader.report(
                .error, .outlineInvalid, node,
                "tệp có cả '\(Key.unit)' và '\(Key.draftingText)': báo cáo của đơn vị ghi '\(Key.unit)', văn bản tổng hợp của \(name) ghi '\(Key.draftingText)'; hãy tách thành hai tệp"
            )
        }
        for key in [
            Key.report, Key.signer, Key.recipients, Key.thematic, Key.figures, Key.predecessorFigures, Key.commendations, Key.rollUp,
        ] {
            guard let node = fields.keyNode(key) else { continue }
            let why =
                key == Key.figures || key == Key.predecessorFigures
                ? "số liệu của báo cáo tổng hợp được cộng từ báo cáo của các đơn vị"
                : "phần này của báo cáo tổng hợp lấy từ đề cương (bao_cao_tong_hop) hoặc từ báo cáo của các đơn vị"
            reader.report(.error, .notApplicable, node, "văn bản tổng hợp không ghi '\(key)': \(why)")
        }
        guard let id = fields.text(Key.draftingText, &reader), let idNode = fields.node(Key.draftingText) else { return nil }
        if id != drafter {
            reader.report(
                .error, .unknownUnit, idNode,
                "'\(Key.draftingText): \(id)': văn bản tổng hợp do đơn vị soạn báo cáo tổng hợp viết, theo đề cương là '\(drafter)' (\(name))"
            )
            return nil
        }
        var sections: [String: SectionContent] = [:]
        if let node = fields.node(Key.sections), let pairs = reader.mapping(node, "'\(Key.sections)'") {
            for pair in pairs {
                guard let section = lookUpSection(pair.key, at: pair.keyNode) else { continue }
                guard section.isWritten else {
                    reader.report(
                        .warning, .notApplicable, pair.keyNode,
                        "mục '\(section.key)' do tongket lập từ số liệu của các đơn vị; nội dung này sẽ không được đưa vào báo cáo")
                    continue
                }
                if let content = readContent(pair.value, section: section), !content.isEmpty { sections[section.key] = content }
            }
        } else if fields.node(Key.sections) == nil {
            reader.report(.error, .missingField, fields.owner, "thiếu khóa '\(Key.sections)' (nội dung của báo cáo tổng hợp theo các mục)")
        }
        var text = Submission(
            file: reader.file, unitID: id, report: ReportInfo(number: nil, date: nil, summary: nil),
            signer: outline.programme.consolidated.signer, recipients: [], sections: sections, thematic: nil, figures: [:],
            commendations: [])
        text.isDraftingText = true
        return text
    }
}
