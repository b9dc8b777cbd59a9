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

    @Test func aCancelledWaitEndsAfterTheGraceWhileTheWorkGoesOn() async {
        let task = Task {
            await BlockingWork.run(grace: .milliseconds(50)) { () -> Int in
                usleep(3_000_000) // a long build
                return 1
            }
        }
        try? await Task.sleep(for: .milliseconds(100))
        task.cancel()
        #expect(await task.value == nil)
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
