import Dispatch

/// Maps `items` on all cores, keeping order. `transform` must be free of shared mutable state.
func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
    guard items.count > 1 else { return items.map(transform) }
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.store(transform(items[index]), at: index)
    }
    return results.values
}

/// Fixed slots written by index from concurrent iterations; each slot is written exactly once
/// and read only after `concurrentPerform` returns, so no two threads touch the same memory.
private final class ResultSlots<R>: @unchecked Sendable {
    private var slots: [R?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ value: R, at index: Int) {
        slots.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [R] { slots.map { $0! } }
}
