import CDeflate
import Foundation

/// Raw deflate (what a ZIP entry holds) of a long input, compressed while it is still being
/// written, the way pigz does it: the input in chunks of a mebibyte, each compressed on its own
/// with the 32 KiB before it as its dictionary and ended by a sync flush (an empty stored block,
/// so the pieces join on a byte boundary), the last one by the end of the stream.
///
/// A province's draft is hundreds of megabytes of Word XML, written on one thread. Compressed
/// after it was written, even over every core, compressing was a third of writing the .docx,
/// with the writer's thread done and idle (docs/hieu-nang.md); here each chunk goes to a worker as
/// soon as the writer is past it. The output depends on the input and the level only, never on
/// how the chunks were scheduled or how the input was handed in, so the same draft gives the same
/// bytes.
///
/// The workers are threads of its own, not Dispatch's: a writer inside a `concurrentPerform`
/// waiting for chunks queued on Dispatch's pool could wait for the pool's only threads.
package final class ParallelDeflate {
    /// What compressing gave: the deflated bytes, the CRC-32 of the input and its size.
    package struct Result {
        package var data: Data
        package var crc: UInt32
        package var size: Int
    }

    package static let chunkSize = 1 << 20
    /// zlib's level for the package's parts. On the body of a 1,000-unit draft (30 MB of XML) in
    /// these chunks, one core, measured 05/12/2026: level 6 (zlib's default, ZIPFoundation's)
    /// 5.02 MB in 1.13 s, level 4 5.60 MB in 0.47 s, level 3 5.77 MB in 0.38 s, level 2 6.01 MB
    /// in 0.22 s, level 1 6.15 MB in 0.19 s. Compressed beside the writer, the level's time is
    /// the run's: 2 is 7% larger than 4 for under half the time (levels 1 to 3 are zlib's fast
    /// matcher, 4 and up its lazy one).
    package static let level: Int32 = 2
    private static let window = 32 << 10
    /// Asked once: Foundation reads the cgroup's CPU files on every call, and a Word document
    /// compresses each of its parts in a call of its own.
    private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    private let level: Int32
    private let work: Work
    /// Input not yet handed to a worker: the last chunk is kept until more comes, since only the
    /// last one ends the stream.
    private var pending: [UInt8] = []
    /// The 32 KiB of input before `pending`.
    private var history: [UInt8] = []
    private var size = 0
    private var finished = false

    package init(level: Int32 = ParallelDeflate.level) {
        self.level = level
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
            work.add(Chunk(input: chunk, dictionary: history, final: false, level: level))
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
        let last = Chunk(input: pending, dictionary: history, final: true, level: level)
        pending = []
        let pieces = work.finish(last)
        var result = Result(data: Data(), crc: UInt32(crc32(0, nil, 0)), size: size)
        result.data.reserveCapacity(pieces.reduce(0) { $0 + ($1?.data.count ?? 0) })
        for piece in pieces {
            guard let piece else { throw DeflateError() }
            result.data.append(piece.data)
            result.crc = UInt32(crc32_combine(uLong(result.crc), uLong(piece.crc), off_t(piece.size)))
        }
        return result
    }

    /// `data` compressed at `level`.
    package static func compress(_ data: Data, level: Int32 = level) throws -> Result {
        let stream = ParallelDeflate(level: level)
        stream.append(data)
        return try stream.finish()
    }

    /// The CRC-32 of `data`, as a ZIP record holds it.
    package static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: Bytef.self)
            return UInt32(crc32(crc32(0, nil, 0), bytes.baseAddress, uInt(bytes.count)))
        }
    }

    /// zlib refused to compress (it ran out of memory).
    package struct DeflateError: Error {}

    /// A chunk of input with what compressing it needs.
    fileprivate struct Chunk {
        var input: [UInt8]
        var dictionary: [UInt8]
        var final: Bool
        var level: Int32

        /// Deflated with `dictionary` before it; nil when zlib fails (out of memory).
        func deflated() -> Piece? {
            var stream = z_stream()
            guard
                deflateInit2_(
                    &stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                    == Z_OK
            else { return nil }
            defer { deflateEnd(&stream) }
            if !dictionary.isEmpty {
                let status = dictionary.withUnsafeBufferPointer { deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
                guard status == Z_OK else { return nil }
            }
            // Room for the worst case, and the sync flush's marker.
            var output = Data(count: Int(deflateBound(&stream, uLong(input.count))) + 16)
            let capacity = output.count
            var crc: uLong = crc32(0, nil, 0)
            let status = input.withUnsafeBufferPointer { bytes in
                output.withUnsafeMutableBytes { out in
                    crc = crc32(crc, bytes.baseAddress, uInt(bytes.count))
                    stream.next_in = UnsafeMutablePointer(mutating: bytes.baseAddress)
                    stream.avail_in = uInt(bytes.count)
                    stream.next_out = out.bindMemory(to: Bytef.self).baseAddress
                    stream.avail_out = uInt(capacity)
                    return CDeflate.deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
                }
            }
            guard status == (final ? Z_STREAM_END : Z_OK), stream.avail_in == 0 else { return nil }
            output.count = capacity - Int(stream.avail_out)
            return Piece(data: output, crc: UInt32(crc), size: input.count)
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
        waiting[next].chunk = ParallelDeflate.Chunk(input: [], dictionary: [], final: false, level: 0)
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
