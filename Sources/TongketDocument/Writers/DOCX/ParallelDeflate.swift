import CDeflate
import Foundation

/// Raw deflate (what a ZIP entry holds) of a long input over every core, the way pigz does it:
/// the input in chunks of a mebibyte, each compressed on its own with the 32 KiB before it as its
/// dictionary and ended by a sync flush (an empty stored block, so the pieces join on a byte
/// boundary), the last one by the end of the stream.
///
/// A province's draft is hundreds of megabytes of Word XML; zlib in one stream (ZIPFoundation's
/// way) made compressing it most of writing the .docx, on one core (docs/hieu-nang.md). The
/// output depends on the input and the level only, never on how the chunks were scheduled, so the
/// same draft gives the same bytes.
package enum ParallelDeflate {
    /// What compressing gave: the deflated bytes, the CRC-32 of the input and its size.
    package struct Result {
        package var data: Data
        package var crc: UInt32
        package var size: Int
    }

    package static let chunkSize = 1 << 20
    /// zlib's level for the package's parts. On the body of a 1,000-unit draft (30 MB of XML):
    /// level 6 (zlib's default, ZIPFoundation's) 5.02 MB in 0.77 s on one core, level 4 5.60 MB
    /// in 0.21 s, level 1 6.15 MB in 0.13 s; 4 is a ninth larger for a quarter of the time.
    package static let level: Int32 = 4
    private static let window = 32 << 10
    /// Asked once: Foundation reads the cgroup's CPU files on every call, and a Word document
    /// compresses each of its parts in a call of its own.
    private static let cores = max(1, ProcessInfo.processInfo.activeProcessorCount)

    /// Compresses what `read` gives, up to `chunkSize` bytes a call (empty at the end), at zlib
    /// `level` (0–9). Chunks are read and compressed a batch at a time (two per core), so memory
    /// holds a few megabytes of input whatever its size.
    package static func compress(level: Int32, read: (Int) throws -> Data) throws -> Result {
        var result = Result(data: Data(), crc: UInt32(crc32(0, nil, 0)), size: 0)
        var dictionary = Data()
        var next = try read(chunkSize)
        let batchSize = 2 * cores
        repeat {
            var chunks = [next]
            next = try read(chunkSize)
            while chunks.count < batchSize, !next.isEmpty {
                chunks.append(next)
                next = try read(chunkSize)
            }
            let lastBatch = next.isEmpty
            let made = Made(count: chunks.count)
            let batch = chunks
            let before = dictionary
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                let preceding = window(before: index, in: batch, history: before)
                made.set(index, deflate(batch[index], after: preceding, final: lastBatch && index == batch.count - 1, level: level))
            }
            for (chunk, piece) in zip(batch, made.all) {
                guard let piece else { throw DeflateError() }
                result.data.append(piece.data)
                result.crc = UInt32(crc32_combine(uLong(result.crc), uLong(piece.crc), off_t(chunk.count)))
                result.size += chunk.count
            }
            dictionary = window(before: batch.count, in: batch, history: before)
        } while !next.isEmpty
        return result
    }

    /// `data` compressed at `level`.
    package static func compress(_ data: Data, level: Int32 = level) throws -> Result {
        var position = data.startIndex
        return try compress(level: level) { size in
            let end = Swift.min(position + size, data.endIndex)
            defer { position = end }
            return data[position..<end]
        }
    }

    /// The CRC-32 of `data`, as a ZIP record holds it.
    package static func crc(_ data: Data) -> UInt32 {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: Bytef.self)
            return UInt32(crc32(crc32(0, nil, 0), bytes.baseAddress, uInt(bytes.count)))
        }
    }

    /// The 32 KiB of input before chunk `index` of `batch` (`history` being the input's before
    /// the batch): the same whatever the batches, so that the bytes do not depend on the cores.
    private static func window(before index: Int, in batch: [Data], history: Data) -> Data {
        var tail = Data()
        var previous = index - 1
        while tail.count < window, previous >= 0 {
            tail = batch[previous].suffix(window - tail.count) + tail
            previous -= 1
        }
        if tail.count < window { tail = history.suffix(window - tail.count) + tail }
        return tail
    }

    /// One chunk deflated with `preceding` as its dictionary; nil when zlib fails (out of memory).
    private static func deflate(_ chunk: Data, after preceding: Data, final: Bool, level: Int32) -> (data: Data, crc: UInt32)? {
        var stream = z_stream()
        guard
            deflateInit2_(&stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
                == Z_OK
        else { return nil }
        defer { deflateEnd(&stream) }
        if !preceding.isEmpty {
            let status = preceding.withUnsafeBytes { raw in
                deflateSetDictionary(&stream, raw.bindMemory(to: Bytef.self).baseAddress, uInt(raw.count))
            }
            guard status == Z_OK else { return nil }
        }
        // Room for the worst case, and the sync flush's marker.
        var output = Data(count: Int(deflateBound(&stream, uLong(chunk.count))) + 16)
        let capacity = output.count
        var crc: uLong = crc32(0, nil, 0)
        let status = chunk.withUnsafeBytes { input in
            output.withUnsafeMutableBytes { out in
                let bytes = input.bindMemory(to: Bytef.self)
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
        return (output, UInt32(crc))
    }

    /// zlib refused to compress (it ran out of memory).
    package struct DeflateError: Error {}

    /// Each chunk's output, set from the worker that made it.
    private final class Made: @unchecked Sendable {
        private var values: [(data: Data, crc: UInt32)?]
        private let lock = NSLock()

        init(count: Int) { values = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: (data: Data, crc: UInt32)?) {
            lock.lock()
            values[index] = value
            lock.unlock()
        }

        var all: [(data: Data, crc: UInt32)?] {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }
}
