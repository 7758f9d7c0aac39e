/// Runs one body at a time.
actor SerialGate {
    func run<T: Sendable>(_ body: @Sendable () throws -> T) throws -> T { try body() }
}
