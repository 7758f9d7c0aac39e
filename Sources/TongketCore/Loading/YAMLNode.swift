/// A YAML node with the place it starts, as libyaml reports it: tongket's own small tree, built
/// from libyaml's events (Loading/YAMLParser.swift), holding every scalar as the text written.
package enum Node {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Items)

    package struct Scalar {
        package enum Style {
            case plain
            case singleQuoted
            case doubleQuoted
            case literal
            case folded
        }

        var string: String
        package var style: Style
        /// Whether `SourceText.nfc` would leave `string` as it stands. The file was put through
        /// it (`SourceText.decode`), and only a double-quoted scalar's escapes ("\u0301") can
        /// write something it would change, so this is false only for a double-quoted scalar in
        /// a file holding a backslash.
        package var composed = true
        package var mark: Mark
    }

    package struct Mapping: Sequence {
        package var pairs: [(key: Node, value: Node)]
        package var mark: Mark

        package func makeIterator() -> IndexingIterator<[(key: Node, value: Node)]> { pairs.makeIterator() }
        package var underestimatedCount: Int { pairs.count }
    }

    package struct Items: Sequence {
        package var nodes: [Node]
        package var mark: Mark

        package func makeIterator() -> IndexingIterator<[Node]> { nodes.makeIterator() }
    }

    /// 1-based line and column (columns in Unicode scalars, as libyaml counts).
    package struct Mark {
        package var line: Int
        package var column: Int
    }

    package var mark: Mark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let items): return items.mark
        }
    }
}
