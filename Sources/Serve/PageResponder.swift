import ParleyCore

/// What the last build left, as far as the preview server cares.
public struct BuildReport: Sendable, Equatable {
    /// The build had errors, or nothing could be written: HTML requests get the error page.
    public var failed: Bool
    /// Shown on the error page (its errors only).
    public var diagnostics: [Diagnostic]
    /// Failures that belong to no file, such as an output folder that cannot be written.
    public var problems: [String]
    /// The path of the site's base URL (`/parley/`): the site is served under it.
    public var basePath: String

    public init(failed: Bool, diagnostics: [Diagnostic] = [], problems: [String] = [], basePath: String = "/") {
        self.failed = failed
        self.diagnostics = diagnostics
        self.problems = problems
        self.basePath = basePath.hasPrefix("/") ? basePath : "/" + basePath
    }
}

/// A response before it meets the HTTP library: status, headers and body.
public struct Reply: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Answers the page requests of the preview server (everything but the event stream) from the
/// site folder on disk: files with their content types, the live-reload script in HTML, the
/// site's 404 page for unknown paths, redirects to canonical folder URLs, 400 for paths that
/// try to leave the site, and the error page for HTML while the last build failed.
public struct PageResponder: Sendable {
    public let folder: SiteFolder

    public init(folder: SiteFolder) {
        self.folder = folder
    }

    /// `target` is the request target as sent (`/parley/people/?q=1`).
    public func reply(method: String, target: String, build: BuildReport) -> Reply {
        guard method == "GET" || method == "HEAD" else {
            return plain(405, "Method not allowed: the preview server only serves pages.\n", extra: ["Allow": "GET, HEAD"])
        }
        let reply = pageReply(target: target, build: build)
        guard method == "HEAD" else { return reply }
        var head = reply
        head.headers["Content-Length"] = String(reply.body.count)
        head.body = []
        return head
    }

    private func pageReply(target: String, build: BuildReport) -> Reply {
        switch RequestPath.resolve(target, basePath: build.basePath) {
        case .badRequest(let reason):
            return plain(400, "Bad request: \(reason).\n")
        case .redirect(let location):
            return redirect(location, query: query(of: target))
        case .notFound:
            return notFound(wantsHTML: wantsHTML(path: target), build: build)
        case .file(let relative):
            if build.failed && wantsHTML(path: relative) { return errorPage(build) }
            switch folder.entry(relative) {
            case .file(let bytes):
                let type = ContentType.of(relative)
                return Reply(status: 200, headers: headers(type), body: ContentType.isHTML(type) ? LiveReload.inject(into: bytes) : bytes)
            case .directory:
                return redirect(RequestPath.directoryURL(basePath: build.basePath, relative: relative), query: query(of: target))
            case .missing:
                return notFound(wantsHTML: wantsHTML(path: relative), build: build)
            }
        }
    }

    private func notFound(wantsHTML: Bool, build: BuildReport) -> Reply {
        if build.failed && wantsHTML { return errorPage(build) }
        if case .file(let bytes) = folder.entry("404.html") {
            return Reply(status: 404, headers: headers(ContentType.of("404.html")), body: LiveReload.inject(into: bytes))
        }
        return plain(404, "Not found.\n")
    }

    private func errorPage(_ build: BuildReport) -> Reply {
        Reply(status: 500, headers: headers(ContentType.of("error.html")),
              body: Array(ErrorPage.html(diagnostics: build.diagnostics, problems: build.problems).utf8))
    }

    private func redirect(_ location: String, query: String?) -> Reply {
        var reply = plain(302, "Found: \(location)\n")
        reply.headers["Location"] = location + (query.map { "?" + $0 } ?? "")
        return reply
    }

    private func plain(_ status: Int, _ text: String, extra: [String: String] = [:]) -> Reply {
        Reply(status: status, headers: headers("text/plain; charset=utf-8").merging(extra) { _, new in new }, body: Array(text.utf8))
    }

    private func headers(_ contentType: String) -> [String: String] {
        // A preview must never show yesterday's stylesheet.
        ["Content-Type": contentType, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"]
    }

    /// Pages are HTML files, folders and extension-less paths (which are folders without their slash).
    private func wantsHTML(path: String) -> Bool {
        var path = Substring(path)
        if let end = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<end] }
        if path.isEmpty || path.hasSuffix("/") { return true }
        let last = path.split(separator: "/").last ?? ""
        return !last.contains(".") || ContentType.isHTML(ContentType.of(String(last)))
    }

    /// The query of a request target, kept on redirects when it is plain (no line breaks).
    private func query(of target: String) -> String? {
        guard let mark = target.firstIndex(of: "?") else { return nil }
        var query = target[target.index(after: mark)...]
        if let hash = query.firstIndex(of: "#") { query = query[..<hash] }
        guard !query.isEmpty, query.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return nil }
        return String(query)
    }
}
