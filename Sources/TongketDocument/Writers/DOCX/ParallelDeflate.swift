import CDeflate
import CIgzip
import Foundation

/// Raw deflate (what a ZIP entry holds) of a long input, compressed while it is still being
/// written, the way pigz does it: the input in chunks of a mebibyte, each compressed on its own
/// with the 32 KiB before it as its dictionary and ended by a sync flush (an empty stored block,
/// so the pieces join on a byte boundary), the last one by the end of the stream.
///
/// A province's draft is hundreds of megabytes of Word XML, written on one thread. Compressed
/// after it was written, even over every core, compressing was a third of writing the .docx,
/// with the writer's thread done and idle (docs/hieu-nang.md); here each chunk goes to a worker as
/// soon as the writer is past it. The output depends on the input only, never on how the chunks
/// were scheduled or how the input was handed in, so the same draft gives the same bytes. The
/// chunks are deflated by ISA-L's igzip; zlib joins their CRC-32s. igzip has code of its own for
/// each instruction set and promises the same bytes across them only as valid deflate: another
/// machine (or libisal) may pack the same parts into other bytes.
///
/// The workers are threads of its own, not Dispatch's: a writer inside a `concurrentPerform`
/// waiting for chunks queued on Dispatch's pool could wait for the pool's only threads.
package final class ParallelDeflate {
    /// What compressing gave: the deflated bytes, the CRC-32 of the input and its size.
    package struct Result {
        package var data: Data
        package var crc: UInt32
        package var size: Int
        /// How many of `data`'s bytes each chunk's piece is, in order: what the tests check the
        /// scheme by.
        package var pieces: [Int] = []
    }

    package static let chunkSize = 1 << 20
    /// igzip's level (ISA-L, 0 to 3). On the body of a 1,000-unit draft (30 MB of XML) in these
    /// chunks, one core, measured 06/12/2026: zlib's level 2 (used until then) 6.01 MB in 0.23 s,
    /// its level 1 6.15 MB in 0.20 s; igzip's level 1 6.05 MB in 0.048 s, level 2 6.01 MB in
    /// 0.049 s, level 3 5.91 MB in 0.068 s. Level 2 gives zlib's size in a fifth of its time.
    package static let level: UInt32 = 2
    private static let window = 32 << 10
    /// Asked once: Foundation reads the cgroup's CPU files on every call, and a Word document
    /// compresses each of its parts in a call of its own (and writes its body over as many).
    static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    private let work: Work
    /// Input not yet handed to a worker: the last chunk is kept until more comes, since only the
    /// last one ends the stream.
    private var pending: [UInt8] = []
    /// The 32 KiB of input before `pending`.
    private var history: [UInt8] = []
    private var size = 0
    private var finished = false

    package init() {
        // The writer's own thread is busy writing: one core fewer for the workers, and the
        // writer lends a hand when they fall behind (`Work.add`).
        work = Work(workers: max(1, Self.cores - 1), backlog: 2 * Self.cores)
    }

    deinit { work.close() }

    /// More input. Every full chunk but the last goes to the workers.
    package func append(_ bytes: some Collection<UInt8>) {
        precondition(!finished, "ParallelDeflate: input after finish")
        size += bytes.count
        pending.append(contentsOf: bytes)
        guard pending.count > Self.chunkSize else { return }
        var start = 0
        while pending.count - start > Self.chunkSize {
            let chunk = Array(pending[start..<start + Self.chunkSize])
            work.add(Chunk(input: chunk, dictionary: history, final: false))
            history = Array(chunk.suffix(Self.window))
            start += Self.chunkSize
        }
        pending.removeFirst(start)
    }

    /// The whole input compressed; the last chunk is compressed on the caller's thread, which
    /// then helps with what is left before waiting for the workers.
    package func finish() throws -> Result {
        precondition(!finished, "ParallelDeflate: finished twice")
        finished = true
        let last = Chunk(input: pending, dictionary: history, final: true)
        pending = []
        let pieces = work.finish(last)
        var result = Result(data: Data(), crc: 0, size: size)
        result.data.reserveCapacity(pieces.reduce(0) { $0 + ($1?.data.count ?? 0) })
        for piece in pieces {
            guard let piece else { throw DeflateError() }
            result.data.append(piece.data)
            result.pieces.append(piece.data.count)
            result.crc = UInt32(crc32_combine(uLong(result.crc), uLong(piece.crc), off_t(piece.size)))
        }
        return result
    }

    /// `data` compressed.
    package static func compress(_ data: Data) throws -> Result {
        let stream = ParallelDeflate()
        stream.append(data)
        return try stream.finish()
    }

    /// The CRC-32 of `data`, as a ZIP record holds it.
    package static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { crc32_gzip_refl(0, $0.bindMemory(to: UInt8.self).baseAddress, UInt64($0.count)) }
    }

    /// igzip refused to compress: what it was given is not what it takes (never seen), or the
    /// room for its output was too small.
    package struct DeflateError: Error {}

    /// A chunk of input with what compressing it needs.
    fileprivate struct Chunk {
        var input: [UInt8]
        var dictionary: [UInt8]
        var final: Bool

        /// Deflated with `dictionary` before it, ended by a sync flush or, the last, the end of
        /// the stream; nil when igzip fails.
        func deflated() -> Piece? {
            var stream = isal_zstream()
            isal_deflate_init(&stream)
            // A small input (a part of the package, the body of one unit's report, the body's
            // last chunk) gets the least working memory: the default, zeroed and given back for
            // each of a report's dozen parts, was 4 ms of page faults in a 30 ms render (its
            // 121 KB body 0.7% larger for it: 10,810 bytes instead of 10,733).
            let size = input.count < ParallelDeflate.chunkSize ? tongket_igzip_level2_least_buffer() : tongket_igzip_level2_buffer()
            var working = [UInt8](repeating: 0, count: Int(size))
            // Room for input that does not compress: igzip then stores its blocks, a few bytes of
            // header each.
            var output = Data(count: input.count + input.count / 8 + 4096)
            let capacity = output.count
            let done = input.withUnsafeBufferPointer { bytes in
                dictionary.withUnsafeBufferPointer { before in
                    working.withUnsafeMutableBufferPointer { level in
                        output.withUnsafeMutableBytes { out in
                            stream.level = ParallelDeflate.level
                            stream.level_buf = level.baseAddress
                            stream.level_buf_size = UInt32(level.count)
                            stream.flush = UInt16(SYNC_FLUSH)
                            stream.end_of_stream = final ? 1 : 0
                            if let start = before.baseAddress, !before.isEmpty {
                                guard isal_deflate_set_dict(&stream, UnsafeMutablePointer(mutating: start), UInt32(before.count)) == COMP_OK
                                else { return false }
                            }
                            stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
                            stream.avail_in = UInt32(bytes.count)
                            stream.next_out = out.bindMemory(to: UInt8.self).baseAddress
                            stream.avail_out = UInt32(capacity)
                            // One call takes it all when the room suffices; the end state says so.
                            let end = final ? ZSTATE_END : ZSTATE_NEW_HDR
                            while stream.avail_out > 0 {
                                guard isal_deflate(&stream) == COMP_OK else { return false }
                                if stream.avail_in == 0, stream.internal_state.state == end { return true }
                            }
                            return false
                        }
                    }
                }
            }
            guard done else { return nil }
            output.count = capacity - Int(stream.avail_out)
            let crc = input.withUnsafeBufferPointer { crc32_gzip_refl(0, $0.baseAddress, UInt64($0.count)) }
            return Piece(data: output, crc: crc, size: input.count)
        }
    }

    /// A chunk deflated.
    fileprivate struct Piece {
        var data: Data
        var crc: UInt32
        var size: Int
    }
}

/// The chunks waiting, the workers compressing them and the pieces made, in the input's order.
/// Its own object, not the stream's, so that the workers never keep a stream nobody finished
/// alive: the stream's `deinit` closes it and they leave.
private final class Work: @unchecked Sendable {
    // Everything below is read and changed under `condition` only.
    private let condition = NSCondition()
    private var waiting: [(index: Int, chunk: ParallelDeflate.Chunk)] = []
    private var next = 0
    private var pieces: [ParallelDeflate.Piece?] = []
    private var busy = 0
    private var started = 0
    private var closed = false
    private let workers: Int
    private let backlog: Int

    init(workers: Int, backlog: Int) {
        self.workers = workers
        self.backlog = backlog
    }

    /// Queues a chunk for the workers, starting them with the first; when the queue is already
    /// `backlog` long, the caller compresses the oldest chunk itself, which bounds the memory
    /// the input waiting holds.
    func add(_ chunk: ParallelDeflate.Chunk) {
        condition.lock()
        waiting.append((pieces.count, chunk))
        pieces.append(nil)
        if started < workers {
            started += 1
            let thread = Thread { [self] in serve() }
            thread.start()
        }
        condition.signal()
        let behind = waiting.count - next > backlog
        condition.unlock()
        if behind { helpOnce() }
    }

    /// The last chunk compressed here, the queue emptied with the workers, and every piece in
    /// order once all are made; the workers then leave.
    func finish(_ last: ParallelDeflate.Chunk) -> [ParallelDeflate.Piece?] {
        condition.lock()
        let index = pieces.count
        pieces.append(nil)
        condition.unlock()
        let piece = last.deflated()
        condition.lock()
        pieces[index] = piece
        condition.unlock()
        while helpOnce() {}
        condition.lock()
        while busy > 0 { condition.wait() }
        closed = true
        condition.broadcast()
        let all = pieces
        condition.unlock()
        return all
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Compresses the oldest waiting chunk on the calling thread; false when none waits.
    @discardableResult
    private func helpOnce() -> Bool {
        condition.lock()
        guard let (index, chunk) = take() else {
            condition.unlock()
            return false
        }
        condition.unlock()
        let piece = chunk.deflated()
        condition.lock()
        store(piece, at: index)
        condition.unlock()
        return true
    }

    /// A worker: compresses chunks as they come, until closed. Closed before the queue is empty
    /// means the stream was dropped unfinished (an error on the way): what waits is not needed.
    private func serve() {
        condition.lock()
        while !closed {
            if let (index, chunk) = take() {
                condition.unlock()
                let piece = chunk.deflated()
                condition.lock()
                store(piece, at: index)
            } else {
                condition.wait()
            }
        }
        condition.unlock()
    }

    /// The oldest waiting chunk, counted busy until stored (under the lock).
    private func take() -> (Int, ParallelDeflate.Chunk)? {
        guard next < waiting.count else { return nil }
        let taken = waiting[next]
        // The chunk's bytes are let go of here, not when the whole queue is.
        waiting[next].chunk = ParallelDeflate.Chunk(input: [], dictionary: [], final: false)
        next += 1
        busy += 1
        return (taken.index, taken.chunk)
    }

    /// A piece made (under the lock).
    private func store(_ piece: ParallelDeflate.Piece?, at index: Int) {
        pieces[index] = piece
        busy -= 1
        condition.broadcast()
    }
}
