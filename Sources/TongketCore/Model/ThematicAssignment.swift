/// One of the thematic reports the plan assigns to a department.
public struct ThematicAssignment: Sendable {
    public var number: Int
    public var unitID: String
    public var topic: String
    public var sectionKeys: [String]
    public var appendixIDs: [String]
}
