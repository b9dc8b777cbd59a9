/// The server-sent event stream at `LiveReload.eventsPath`: every open page subscribes, and each
/// finished build is announced to all of them as a `build` event carrying its generation.
///
/// A subscriber first gets the current generation, so a page that reconnects after a rebuild
/// (or to a restarted server) notices that it is out of date.
public actor BuildEvents {
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var finished = false
    /// Identifies the last build: unique to this server process, then a counter.
    public private(set) var generation: String
    private let prefix: String
    private var count = 1
    private var lastSent = ContinuousClock.now

    /// `prefix` tells servers apart (the process id, say), so generations never repeat across restarts.
    public init(prefix: String) {
        self.prefix = prefix
        self.generation = "\(prefix)-1"
    }

    /// The number of open event streams.
    public var subscriberCount: Int { subscribers.count }

    /// A stream of encoded messages: the current generation first, then one per build.
    public func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        if finished {
            continuation.finish()
            return stream
        }
        let id = nextID
        nextID += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in
            Task { await self.remove(id) }
        }
        continuation.yield("retry: 1000\n\n" + Self.message(event: "build", data: generation))
        return stream
    }

    /// Announces a finished build to every subscriber.
    public func buildFinished() {
        count += 1
        generation = "\(prefix)-\(count)"
        send(Self.message(event: "build", data: generation))
    }

    /// Sends a comment line, which browsers ignore, when nothing was sent for `interval`:
    /// writing is how the server finds out which pages have gone away.
    public func keepAlive(every interval: Duration = .seconds(15)) {
        guard ContinuousClock.now - lastSent >= interval else { return }
        send(": keep-alive\n\n")
    }

    /// Ends every stream (the server is stopping) and refuses new subscribers.
    public func finishAll() {
        finished = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func send(_ message: String) {
        lastSent = .now
        for continuation in subscribers.values { continuation.yield(message) }
    }

    private func remove(_ id: Int) {
        subscribers[id] = nil
    }

    /// One event in the `text/event-stream` format; each line of `data` gets its own `data:` field.
    public static func message(event: String, data: String) -> String {
        var text = "event: \(event)\n"
        for line in data.split(separator: "\n", omittingEmptySubsequences: false) {
            text += "data: \(line)\n"
        }
        return text + "\n"
    }
}
