/// A level of government that reports (`cap` in chuong-trinh.yaml): "Cấp xã", "Cấp huyện",
/// "Cấp tỉnh". Levels are data: the 2011-2020 plan has three (commune, district, province), the
/// two-tier shape of 2025 two (commune, province), a national review one more above. Each unit
/// kind belongs to one level, and so each unit does through its kind.
public struct Level: Sendable, Equatable {
    public var id: String
    /// "Cấp xã".
    public var name: String
    /// The unit kinds of this level, "xa", "huyen".
    public var kinds: [String]

    public init(id: String, name: String, kinds: [String]) {
        self.id = id
        self.name = name
        self.kinds = kinds
    }
}
