/// A proposal to commend a collective or an individual.
public struct Commendation: Sendable, Equatable {
    public enum Recipient: String, Sendable, CaseIterable {
        case collective = "tap-the"
        case individual = "ca-nhan"

        public var name: String { self == .collective ? "Tập thể" : "Cá nhân" }
    }

    public var recipient: Recipient
    public var name: String
    /// The form of commendation, "Bằng khen của Chủ tịch UBND tỉnh".
    public var form: String
    public var achievement: String

    public init(recipient: Recipient, name: String, form: String, achievement: String) {
        self.recipient = recipient
        self.name = name
        self.form = form
        self.achievement = achievement
    }
}
