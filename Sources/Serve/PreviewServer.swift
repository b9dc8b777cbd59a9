import Dispatch
import Hummingbird
import Logging
import ServiceLifecycle

/// `parley serve`: serves the site folder on the loopback interface with Hummingbird, watches the
/// input folders, rebuilds on every change and tells open pages to reload.
///
/// The build itself is the caller's (the same build as `parley build`); the server only learns
/// from it whether it failed and where the site lives. It stops cleanly on SIGINT and SIGTERM:
/// open event streams are ended, requests in flight finish, a rebuild in progress completes.
public struct PreviewServer: Sendable {
    public var host: String
    /// 0 picks a free port; `onListening` tells which.
    public var port: Int
    /// The output folder the build writes and the server reads.
    public var siteFolder: String
    /// Folders (or files) whose changes trigger a rebuild: the content and templates folders.
    public var watched: [String]

    public init(host: String = "127.0.0.1", port: Int, siteFolder: String, watched: [String]) {
        self.host = host
        self.port = port
        self.siteFolder = siteFolder
        self.watched = watched
    }

    /// Serves until SIGINT or SIGTERM.
    /// - Parameters:
    ///   - first: the build made before serving.
    ///   - before: the watched folders as they were before that build.
    ///   - build: builds the site again, synchronously; it runs on a thread of its own.
    ///   - onListening: gets the site's address (`http://127.0.0.1:8000/parley/`) once the server listens.
    ///   - onChange: gets the changed files before each rebuild.
    public func run(first: BuildReport,
                    before: FolderSnapshot? = nil,
                    build: @escaping @Sendable () -> BuildReport,
                    onListening: @escaping @Sendable (String) -> Void,
                    onChange: @escaping @Sendable ([String]) -> Void = { _ in }) async throws {
        let lastBuild = LastBuild(first)
        let events = BuildEvents(prefix: String(UInt64.random(in: 0...UInt64.max), radix: 36))
        let responder = PreviewResponder(pages: PageResponder(folder: SiteFolder(root: siteFolder)), lastBuild: lastBuild, events: events)
        // Hummingbird's own messages: only trouble, and on standard error with the diagnostics.
        var logger = Logger(label: "parley.serve") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        let host = host
        var app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                onListening("http://\(host):\(port)\(await lastBuild.report.basePath)")
            },
            logger: logger
        )
        app.addServices(RebuildService(watcher: Watcher(roots: watched), start: before, build: build,
                                       lastBuild: lastBuild, events: events, onChange: onChange))
        try await app.runService(gracefulShutdownSignals: [.sigint, .sigterm])
    }
}

/// The report of the last build, read by every request.
actor LastBuild {
    private(set) var report: BuildReport

    init(_ report: BuildReport) {
        self.report = report
    }

    func set(_ report: BuildReport) {
        self.report = report
    }
}

/// Hummingbird's side of the server: the event stream, and every other request to `PageResponder`.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let pages: PageResponder
    let lastBuild: LastBuild
    let events: BuildEvents

    func respond(to request: Request, context: Context) async throws -> Response {
        let target = request.head.path ?? "/"
        if request.method == .get, target.split(separator: "?", maxSplits: 1).first == Substring(LiveReload.eventsPath) {
            return await eventStream()
        }
        let reply = pages.reply(method: request.method.rawValue, target: target, build: await lastBuild.report)
        var headers = HTTPFields()
        for (name, value) in reply.headers {
            if let field = HTTPFields.Element.Name(name) { headers[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: reply.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: reply.body)))
    }

    /// Server-sent events until the page goes away or the server stops.
    private func eventStream() async -> Response {
        let stream = await events.subscribe()
        let events = events
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: ResponseBody { writer in
                try await withGracefulShutdownHandler {
                    for await message in stream {
                        try await writer.write(ByteBuffer(string: message))
                    }
                } onGracefulShutdown: {
                    Task { await events.finishAll() }
                }
                try await writer.finish(nil)
            }
        )
    }
}

/// Watches the input folders and rebuilds after each change, one build at a time.
struct RebuildService: Service {
    let watcher: Watcher
    let start: FolderSnapshot?
    let build: @Sendable () -> BuildReport
    let lastBuild: LastBuild
    let events: BuildEvents
    let onChange: @Sendable ([String]) -> Void

    func run() async throws {
        let (watcher, start, build, lastBuild, events, onChange) = (watcher, start, build, lastBuild, events, onChange)
        await cancelWhenGracefulShutdown {
            await watcher.run(from: start, tick: { await events.keepAlive() }) { changed in
                onChange(changed)
                let report = await Self.offThread(build)
                await lastBuild.set(report)
                await events.buildFinished()
            }
        }
        await events.finishAll()
    }

    /// Runs blocking work on a thread of its own, not on one of the few that run async tasks.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: work())
            }
        }
    }
}
