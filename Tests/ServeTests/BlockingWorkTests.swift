import Dispatch
import Serve
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct BlockingWorkTests {
    @Test func theResultOfWorkThatFinishes() async {
        let value = await BlockingWork.run(grace: .seconds(1)) { 6 * 7 }
        #expect(value == 42)
    }

    /// The work (a long build) goes on until the test has seen the wait end: however late the
    /// test gets to cancel on a busy machine (a fixed 3 s build once finished first there), the
    /// work cannot finish first.
    @Test func aCancelledWaitEndsAfterTheGraceWhileTheWorkGoesOn() async {
        let buildGoesOn = DispatchSemaphore(value: 0)
        // Should the wait not end, the work does, after 120 s: the test fails instead of hanging.
        // (Not sooner: the test's own cancel runs on the few threads of async tasks, which the
        // suite's other tests can hold for over 30 s on a loaded 2-core machine.)
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { buildGoesOn.signal() }
        let task = Task {
            await BlockingWork.run(grace: .milliseconds(50)) { () -> Int in
                buildGoesOn.wait()
                return 1
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        task.cancel()
        #expect(await task.value == nil)
        buildGoesOn.signal()
    }

    @Test func workThatFinishesWithinTheGraceIsWaitedFor() async {
        let task = Task {
            await BlockingWork.run(grace: .seconds(30)) { () -> Int in
                usleep(300_000)
                return 7
            }
        }
        task.cancel()
        #expect(await task.value == 7)
    }
}
