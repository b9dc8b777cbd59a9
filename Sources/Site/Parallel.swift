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

/// A value made by the first thread that asks for it, then shared by all; never made when
/// none does.
final class Lazy<Value: Sendable>: Sendable {
    private let make: @Sendable () -> Value
    private let made = Locked<Value?>(nil)

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        made.withLock { value in
            if value == nil { value = make() }
            return value!
        }
    }
}
