/// A phase of the programme, such as 2011–2015.
public struct Phase: Sendable, Equatable {
    public var name: String
    public var firstYear: Int
    public var lastYear: Int
}
