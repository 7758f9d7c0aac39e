extension Programme {
    /// "Báo cáo tổng kết", "Báo cáo sơ kết": the kind of review as a title names its report.
    public var reportTitle: String { "Báo cáo " + reviewKind }

    /// "BÁO CÁO SƠ KẾT", for a heading in capitals.
    public var reportTitleCapitals: String { reportTitle.uppercased() }

    /// A date written in the programme's own time, for the examples in messages: its unit
    /// report deadline ("30/04/2020" for the 2020 summary, a 2025 date for a 2025 review).
    public var exampleDate: String { unitDeadline.description }
}
