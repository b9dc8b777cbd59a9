import Dispatch

/// Work started on another thread now, its result taken later with `take()`, which blocks until
/// it is done. A result never taken is dropped; `finish()` only waits for the work to end.
public final class Pending<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchGroup()
    /// Written once by the work before it leaves `done`; read (and let go of) by `take()` after
    /// waiting for it, so no lock is needed.
    private var result: Value?

    public init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { [self] in result = work() }
    }

    /// Waits for the work to end.
    public func finish() {
        done.wait()
    }

    /// The result, once the work is done. Taken once, by one thread: this pending value lets
    /// go of it, so the taker holds the only reference (changing a large result does not copy it).
    public func take() -> Value {
        done.wait()
        defer { result = nil }
        return result!
    }
}
