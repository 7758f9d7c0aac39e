import CmarkDoor
import TongketCore
import TongketDocument

/// The comments of one section, or of the draft as a whole, or of a section that is gone.
public struct CommentGroup: Sendable, Equatable {
    public var title: String
    public var rows: [(body: String, comment: Comment)]

    public static func == (a: CommentGroup, b: CommentGroup) -> Bool {
        a.title == b.title && a.rows.map(\.body) == b.rows.map(\.body) && a.rows.map(\.comment) == b.rows.map(\.comment)
    }
}

extension ReportRenderer {
    /// The table of comments received and how each was handled ("bảng tổng hợp tiếp thu, giải
    /// trình ý kiến góp ý"), by section in the outline's order.
    /// A draft table carries "DỰ THẢO" and counts the comments not yet handled; a `final` one has
    /// neither, and is only made once `CommentSet.unhandled` is empty (the command checks).
    public func commentsTable(
        _ sets: [CommentSet], formats: [DocumentFormat] = [.markdown, .html], final: Bool = false
    ) throws(RenderError) -> RenderedDocument {
        try render(commentParts(sets, final: final), formats: formats)
    }

    /// Comments on the draft as a whole first, then by section in the outline's order, then those
    /// on sections the outline no longer has; within a group, bodies in Vietnamese order.
    public func commentGroups(_ sets: [CommentSet]) -> [CommentGroup] {
        let ordered = VietnameseOrder.sorted(sets) { $0.body }
        var byKey: [String: [(body: String, comment: Comment)]] = [:]
        for set in ordered {
            for comment in set.comments { byKey[comment.sectionKey, default: []].append((set.body, comment)) }
        }
        var groups: [CommentGroup] = []
        if let general = byKey.removeValue(forKey: CommentSet.general) { groups.append(CommentGroup(title: "Ý kiến chung", rows: general)) }
        for numbered in outline.flattened {
            guard let rows = byKey.removeValue(forKey: numbered.section.key) else { continue }
            groups.append(CommentGroup(title: sectionTitle(numbered), rows: rows))
        }
        // What is left points at sections the outline no longer has: the key stays visible.
        let gone = byKey.keys.sorted().flatMap { key in
            (byKey[key] ?? []).map { row -> (body: String, comment: Comment) in
                var comment = row.comment
                comment.text = "(Mục “\(key)”) " + comment.text
                return (row.body, comment)
            }
        }
        if !gone.isEmpty { groups.append(CommentGroup(title: "Ý kiến về mục không còn trong đề cương", rows: gone)) }
        return groups
    }

    /// "Phần I, mục III.5: Cải cách tài chính công", numbered as in the outline.
    func sectionTitle(_ numbered: NumberedSection) -> String {
        let chain = outline.flattened.filter { numbered.parents.contains($0.section.key) }.map(\.label) + [numbered.label]
        let part = chain.first { $0.hasPrefix("Phần ") }
        let rest = chain.filter { !$0.hasPrefix("Phần ") }.map { String($0.dropLast()) }
        var place = part ?? ""
        if !rest.isEmpty { place += (place.isEmpty ? "Mục " : ", mục ") + rest.joined(separator: ".") }
        return "\(place): \(numbered.section.title)"
    }

    func commentParts(_ sets: [CommentSet], final: Bool = false) -> Parts {
        let programme = outline.programme
        let groups = commentGroups(sets)
        var tables: [InsertionKey: Table] = [:]
        var insertions: [InsertionKey: Insertion] = [:]
        var entries: [CommentsTableView.Group] = []
        var number = 0
        for (index, group) in groups.enumerated() {
            let key = InsertionKey.comments(group: index + 1)
            let rows = group.rows.map { row -> [String] in
                number += 1
                return [
                    String(number), row.body, row.comment.text, row.comment.response?.rawValue ?? "Chưa xử lý", row.comment.explanation,
                ]
            }
            tables[key] = Table(
                kind: "gop-y",
                columns: [
                    .init("TT", alignment: .center, share: 6), .init("Cơ quan, đơn vị góp ý", alignment: .left, share: 17),
                    .init("Nội dung góp ý", alignment: .left, share: 34), .init("Tiếp thu, giải trình", alignment: .center, share: 12),
                    .init("Nội dung tiếp thu, giải trình", alignment: .left, share: 31),
                ], rows: rows)
            insertions[key] = .native(key)
            entries.append(CommentsTableView.Group(number: index + 1, title: group.title, insertion: key))
        }
        let all = groups.flatMap(\.rows).map(\.comment)
        let count = { (response: CommentResponse?) in all.filter { $0.response == response }.count }
        let drafter = outline.unit(programme.consolidated.drafterID)
        let body =
            drafter
            ?? Self.issuingBody(programme.consolidated)
        let summary =
            "Tổng hợp \(all.count) ý kiến của \(Set(sets.map(\.body)).count) cơ quan, đơn vị góp ý dự thảo báo cáo; "
            + "tiếp thu \(count(.accepted)), tiếp thu một phần \(count(.partly)), giải trình \(count(.explained))"
            + (final ? "" : ", chưa xử lý \(count(nil))") + ". Số mục ghi theo đề cương."
        let context = CommentsTableView(
            header: HeaderView(
                unit: body, number: "…", placeAndDate: "\(programme.place), ngày … tháng … năm \(programme.consolidatedDeadline.year)",
                draftMark: final ? nil : "DỰ THẢO"),
            documentType: "BẢNG TỔNG HỢP",
            summary: "Tiếp thu, giải trình ý kiến góp ý dự thảo Báo cáo \(programme.summary.lowercasedFirst)", counts: summary,
            bodies: VietnameseOrder.sorted(sets) { $0.body }.map {
                CommentsTableView.Body(name: $0.body, letter: $0.reference, count: $0.comments.count)
            }, groups: entries, signature: programme.consolidated.drafterSigner.map(SignatureView.init))
        let title = "Bảng tổng hợp tiếp thu, giải trình ý kiến góp ý – \(programme.province)"
        return Parts(
            template: "bang-gop-y", context: context, insertions: insertions, tables: tables, title: title,
            baseName: "bang-tiep-thu-y-kien", source: "\(sets.count) tệp góp ý",
            info: documentInfo(
                title: title, summary: context.summary, author: body.name, date: programme.consolidatedDeadline))
    }
}
