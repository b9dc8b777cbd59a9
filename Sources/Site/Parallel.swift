import Dispatch

/// Maps `items` on all cores, keeping order. `transform` must be free of shared mutable state.
///
/// The results are written straight into the storage of the array returned, so they are never
/// held twice (once in slots, once in the array): for the page jobs of a large site that
/// would be megabytes at the moment memory use peaks.
///
/// The storage is written only through its fixed base address, each iteration initializing
/// its own element, never through the array's accessors: those touch the array's own storage
/// reference, so calling them from several threads at once is a data race even on distinct
/// indices. `concurrentPerform` returns once every iteration is done, so every element is
/// initialized when the count is set.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
        let slots = Slots(base: buffer.baseAddress!)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            slots.initialize(index, to: transform(items[index]))
        }
        initialized = items.count
    }
}

/// The storage of the results, shared by the iterations, each of which writes only its own
/// element.
private struct Slots<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>

    func initialize(_ index: Int, to value: R) {
        (base + index).initialize(to: value)
    }
}

/// Work started on another thread now, its result taken later with `take()`, which blocks until
/// it is done. A result never taken is dropped; `finish()` only waits for the work to end.
final class Pending<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Locked<Value?>(nil)

    init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) { [result] in
            let value = work()
            result.withLock { $0 = value }
        }
    }

    /// Waits for the work to end.
    func finish() {
        done.wait()
    }

    /// The result, once the work is done. Taken once: this pending value lets go of it, so the
    /// taker holds the only reference (changing a large result does not copy it).
    func take() -> Value {
        done.wait()
        return result.withLock { value in
            defer { value = nil }
            return value!
        }
    }
}
