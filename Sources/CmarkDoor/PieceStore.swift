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
    /// The key of a chunk of a section rendered in chunks (`renderedInChunks`): the chunk's
    /// content and how it joins its neighbours, or nil for a chunk not to keep.
    func chunkKey(_ chunk: Insertion, continuesList: Bool, listGoesOn: Bool) -> String?
    /// The finished text of every chunk of `marker`'s kept output in `format`, by key, whatever
    /// the content the whole was kept for: a section that changed takes back its unchanged chunks.
    func keptChunks(of marker: String, in format: TreeFormat) -> [String: ArraySlice<UInt8>]
    /// Keeps the output of a piece rendered in chunks, with where each chunk lies in it, and how
    /// many of them were taken from the store.
    func keep(_ output: [UInt8], of marker: String, in format: TreeFormat, chunks: [KeptChunk], reused: Int)
}

extension PieceStore {
    /// A store that keeps whole pieces only.
    public func chunkKey(_ chunk: Insertion, continuesList: Bool, listGoesOn: Bool) -> String? { nil }
    public func keptChunks(of marker: String, in format: TreeFormat) -> [String: ArraySlice<UInt8>] { [:] }
    public func keep(_ output: [UInt8], of marker: String, in format: TreeFormat, chunks: [KeptChunk], reused: Int) {
        keep(output, of: marker, in: format)
    }
}

/// Where one chunk's finished text lies in its section's output, in bytes.
public struct KeptChunk: Sendable, Equatable {
    public var key: String
    public var offset: Int
    public var count: Int

    public init(key: String, offset: Int, count: Int) {
        self.key = key
        self.offset = offset
        self.count = count
    }
}
