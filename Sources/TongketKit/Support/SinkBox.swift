import CmarkDoor
import Foundation
import TongketCore
import TongketDocument

/// Holds a sink for the worker threads and drops it on request: threads (and the closures they
/// were started with) may be released after the work is done, but the sink must not be.
final class SinkBox: @unchecked Sendable {
    private var sink: (([UInt8]) throws -> Void)?

    init(_ sink: @escaping ([UInt8]) throws -> Void) { self.sink = sink }

    func write(_ text: [UInt8]) throws { try sink?(text) }

    func release() { sink = nil }
}
