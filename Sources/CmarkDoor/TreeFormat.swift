/// The formats cmark renders the tree to.
public enum TreeFormat: Sendable {
    case html
    case commonMark
}
