/// A YAML node with the place it starts, as libyaml reports it: tongket's own small tree, built
/// from libyaml's events (Loading/YAMLParser.swift), holding every scalar as the text written.
enum Node {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Items)

    struct Scalar {
        enum Style {
            case plain
            case singleQuoted
            case doubleQuoted
            case literal
            case folded
        }

        var string: String
        var style: Style
        var mark: Mark
    }

    struct Mapping: Sequence {
        var pairs: [(key: Node, value: Node)]
        var mark: Mark

        func makeIterator() -> IndexingIterator<[(key: Node, value: Node)]> { pairs.makeIterator() }
    }

    struct Items: Sequence {
        var nodes: [Node]
        var mark: Mark

        func makeIterator() -> IndexingIterator<[Node]> { nodes.makeIterator() }
    }

    /// 1-based line and column (columns in Unicode scalars, as libyaml counts).
    struct Mark {
        var line: Int
        var column: Int
    }

    var mark: Mark? {
        switch self {
        case .scalar(let scalar): return scalar.mark
        case .mapping(let mapping): return mapping.mark
        case .sequence(let items): return items.mark
        }
    }
}
