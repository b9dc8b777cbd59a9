import Serve
import Testing

@Suite struct BuildEventsTests {
    @Test func messagesFollowTheEventStreamFormat() {
        #expect(BuildEvents.message(event: "build", data: "x-2") == "event: build\ndata: x-2\n\n")
        #expect(BuildEvents.message(event: "build", data: "a\nb") == "event: build\ndata: a\ndata: b\n\n")
    }

    @Test func subscribersHearTheCurrentGenerationThenEachBuild() async {
        let events = BuildEvents(prefix: "t")
        let stream = await events.subscribe()
        var iterator = stream.makeAsyncIterator()
        let hello = await iterator.next()
        #expect(hello?.hasPrefix("retry: ") == true)
        #expect(hello?.hasSuffix("event: build\ndata: t-1\n\n") == true)
        await events.buildFinished()
        #expect(await iterator.next() == "event: build\ndata: t-2\n\n")
        #expect(await events.generation == "t-2")
        await events.finishAll()
        #expect(await iterator.next() == nil)
        // After the server stops, no new streams stay open.
        var late = await events.subscribe().makeAsyncIterator()
        #expect(await late.next() == nil)
    }

    @Test func keepAliveOnlyWhenQuiet() async {
        let events = BuildEvents(prefix: "t")
        var iterator = await events.subscribe().makeAsyncIterator()
        _ = await iterator.next()
        await events.keepAlive(every: .seconds(3600))
        await events.keepAlive(every: .zero)
        await events.buildFinished()
        #expect(await iterator.next() == ": keep-alive\n\n")
        #expect(await iterator.next() == "event: build\ndata: t-2\n\n")
    }
}
