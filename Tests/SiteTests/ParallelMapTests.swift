import ParleyCore
import Testing
@testable import Site

/// `parallelMap` runs on every core; a race in how it stores results crashes or loses values
/// only under contention, so these tests map many reference-counted values many times.
struct ParallelMapTests {
    @Test func keepsEveryResultInOrderUnderContention() {
        let items = (0..<2_000).map { "item \($0)" }
        for _ in 0..<200 {
            let mapped = parallelMap(items) { $0 + "!" }
            #expect(mapped == items.map { $0 + "!" })
        }
    }

    @Test func emptyAndSingleInputs() {
        #expect(parallelMap([Int]()) { $0 * 2 }.isEmpty)
        #expect(parallelMap([21]) { $0 * 2 } == [42])
    }

    /// `Pending` runs its work beside the caller and hands over the result once done.
    @Test func pendingWorkGivesItsResultWhenTaken() {
        let started = Locked(false)
        let pending = Pending { () -> [String] in
            started.withLock { $0 = true }
            return (0..<1_000).map { "value \($0)" }
        }
        pending.finish()
        #expect(started.withLock { $0 })
        #expect(pending.take() == (0..<1_000).map { "value \($0)" })
        let many = (0..<50).map { n in Pending { n * n } }
        #expect(many.map { $0.take() } == (0..<50).map { $0 * $0 })
    }
}
