/// An account just created, with the secrets shown once and never stored in clear.
public struct NewAccount: Sendable, Equatable {
    public var login: String
    /// The unit's id and name, for a unit account.
    public var unit: String?
    public var unitName: String
    public var password: String
    public var apiToken: String
}
