import Dispatch

/// Runs blocking work — a build — on a thread of its own, not on one of the few threads that
/// run async tasks.
///
/// When the waiting task is cancelled (the server is stopping), the wait ends `grace` later even
/// if the work goes on. That is safe for a build: the output folder is swapped into place in one
/// step, so a process that exits half-way through leaves the last complete site, and Ctrl-C need
/// not wait out a long rebuild.
public enum BlockingWork {
    /// The work's result, or nil when the task was cancelled and the work outlasted `grace`.
    public static func run<T: Sendable>(grace: Duration, _ work: @escaping @Sendable () -> T) async -> T? {
        let slot = ResultSlot<T>()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                slot.attach(continuation)
                DispatchQueue.global(qos: .userInitiated).async { slot.resolve(work()) }
            }
        } onCancel: {
            let nanoseconds = grace.components.seconds * 1_000_000_000 + grace.components.attoseconds / 1_000_000_000
            DispatchQueue.global().asyncAfter(deadline: .now() + .nanoseconds(Int(nanoseconds))) { slot.resolve(nil) }
        }
    }
}

/// Resumes a continuation once, with whichever comes first: the result or the end of the grace.
private final class ResultSlot<T: Sendable>: @unchecked Sendable {
    private let lock = DispatchQueue(label: "parley.serve.result-slot")
    private var continuation: CheckedContinuation<T?, Never>?
    /// A result that came before the continuation was attached.
    private var early: T??
    private var resumed = false

    func attach(_ continuation: CheckedContinuation<T?, Never>) {
        lock.sync {
            if let early {
                continuation.resume(returning: early)
                resumed = true
            } else {
                self.continuation = continuation
            }
        }
    }

    func resolve(_ value: T?) {
        lock.sync {
            guard !resumed else { return }
            if let continuation {
                continuation.resume(returning: value)
                self.continuation = nil
                resumed = true
            } else if early == nil {
                early = .some(value)
            }
        }
    }
}
