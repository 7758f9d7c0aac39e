/// Outputs of deferred pieces kept from an earlier run: a piece whose content has not changed is
/// then neither built nor rendered again (a province's draft after one unit's file changed
/// renders only the sections that file touched). The store decides what "not changed" means;
/// the tree only asks it, piece by piece, in each format.
public protocol PieceStore: Sendable {
    /// The kept output of the deferred piece `marker` in `format`, exactly as `streamPieces`
    /// emitted it, or nil when it must be rendered.
    func output(of marker: String, in format: TreeFormat) -> [UInt8]?
    /// The insertion to build the piece `marker` from when its output could not be used, for a
    /// piece whose content the caller did not make in advance (counting on the kept output);
    /// nil to use the deferred insertion given to the tree.
    func insertion(of marker: String) -> Insertion?
    /// Keeps the output of a piece just rendered.
    func keep(_ output: [UInt8], of marker: String, in format: TreeFormat)
}
