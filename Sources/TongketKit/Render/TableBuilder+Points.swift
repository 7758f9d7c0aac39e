import TongketDocument

extension TableBuilder {
    /// The annex of points shared by more units than the body names: each point, its section and
    /// every unit that wrote it.
    static func sharedPoints(_ points: [(section: String, point: MergedPoint)]) -> Table {
        let columns = [
            Table.Column("TT", alignment: .center), Table.Column("Mục", alignment: .left),
            Table.Column("Nội dung", alignment: .left), Table.Column("Cơ quan, đơn vị nêu", alignment: .left),
        ]
        let rows = points.enumerated().map { index, entry in
            [String(index + 1), entry.section, entry.point.text, entry.point.sources.joined(separator: "; ")]
        }
        return Table(kind: "noi-dung-chung", columns: columns, rows: rows)
    }
}
