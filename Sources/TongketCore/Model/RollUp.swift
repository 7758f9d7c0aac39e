/// What a rolled-up submission rests on (`tong_hop_tu`): a unit's report for the level above,
/// made by `tongket consolidate --for UNIT` from its own report and its children's. The level
/// above can then tell exactly which files it was made from, and whether one has changed since.
public struct RollUp: Sendable, Equatable {
    /// One submission the roll-up was made from: the unit's own or a child's.
    public struct Source: Sendable, Equatable {
        public var unitID: String
        /// SHA-256 of the exact file used, in lower-case hexadecimal.
        public var sha256: String

        public init(unitID: String, sha256: String) {
            self.unitID = unitID
            self.sha256 = sha256
        }
    }

    /// The outline's digest (`Outline.sourceDigest`) the roll-up was checked against.
    public var outlineDigest: String
    public var sources: [Source]
    /// For indicators added up as an average (`trung-binh`): how many reports each year's
    /// figure is the mean of (`so_bao_cao`), so that the level above weighs it as that many
    /// reports and the mean of all is the same whichever way it is taken.
    public var weights: [String: [String: [Int: Double]]]

    public init(outlineDigest: String, sources: [Source], weights: [String: [String: [Int: Double]]]) {
        self.outlineDigest = outlineDigest
        self.sources = sources
        self.weights = weights
    }

    /// Whether `text` has the form of a SHA-256 digest as tongket writes it.
    public static func isDigest(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
