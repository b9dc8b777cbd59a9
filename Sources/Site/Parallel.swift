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

/// Fixed slots written by index from concurrent iterations.
///
/// The slots are one raw allocation, never a Swift `Array`: an array's mutating accessors
/// (`withUnsafeMutableBufferPointer`, subscript set) touch the array's own storage reference,
/// so calling them from several threads at once is a data race even on distinct indices.
/// Here each iteration writes only its own slot through a fixed pointer, and the slots are
/// read only after `concurrentPerform` has returned.
private final class ResultSlots<R>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: R, at index: Int) {
        slots[index] = value
    }

    var values: [R] { slots.map { $0! } }
}
