import Foundation
import ParleyCore
import ParleyTestSupport
import Serve
import Testing

/// The page side of the preview server, on a site folder on disk, without a socket.
@Suite struct PageResponderTests {
    /// A small built site under `root/public`, and a secret beside it.
    static func site() -> (root: String, responder: PageResponder) {
        let root = RepositoryPaths.temporaryFolder("parley-serve-pages")
        let files = [
            "public/index.html": "<html><body><h1>Digest</h1></body></html>",
            "public/404.html": "<html><body><h1>Page not found</h1></body></html>",
            "public/style.css": "body { color: black }",
            "public/people/index.html": "<html><body>People</body></html>",
            "public/articles/a/index.md": "# A",
            "public/.parley-output": "marker",
            "secret.txt": "TOP-SECRET",
        ]
        for (path, text) in files {
            let full = root + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        return (root, PageResponder(folder: SiteFolder(root: root + "/public")))
    }

    let ok = BuildReport(failed: false, basePath: "/parley/")

    @Test func filesWithTheirTypesAndTheScriptInHTMLOnly() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let home = pages.reply(method: "GET", target: "/parley/", build: ok)
        #expect(home.status == 200)
        #expect(home.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(home.headers["Cache-Control"] == "no-store")
        #expect(home.text.contains("<h1>Digest</h1>" + LiveReload.script + "</body>"))
        let css = pages.reply(method: "GET", target: "/parley/style.css", build: ok)
        #expect(css.status == 200 && css.headers["Content-Type"] == "text/css; charset=utf-8" && css.text == "body { color: black }")
        let md = pages.reply(method: "GET", target: "/parley/articles/a/index.md", build: ok)
        #expect(md.headers["Content-Type"] == "text/markdown; charset=utf-8" && md.text == "# A")
        // Never on disk.
        let onDisk = (try? String(contentsOfFile: root + "/public/index.html", encoding: .utf8)) ?? ""
        #expect(!onDisk.contains(LiveReload.marker))
    }

    @Test func headHasTheLengthButNoBody() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let get = pages.reply(method: "GET", target: "/parley/style.css", build: ok)
        let head = pages.reply(method: "HEAD", target: "/parley/style.css", build: ok)
        #expect(head.status == 200 && head.body.isEmpty)
        #expect(head.headers["Content-Length"] == String(get.body.count))
        #expect(pages.reply(method: "POST", target: "/parley/", build: ok).status == 405)
    }

    @Test func foldersRedirectToTheirSlash() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reply = pages.reply(method: "GET", target: "/parley/people?x=1", build: ok)
        #expect(reply.status == 302 && reply.headers["Location"] == "/parley/people/?x=1")
        #expect(pages.reply(method: "GET", target: "/", build: ok).headers["Location"] == "/parley/")
        #expect(pages.reply(method: "GET", target: "/parley/people/", build: ok).text.contains("People"))
    }

    @Test func unknownPathsGetThe404Page() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for target in ["/parley/nope/", "/parley/nope.css", "/elsewhere/", "/parley/.parley-output", "/etc/passwd"] {
            let reply = pages.reply(method: "GET", target: target, build: ok)
            #expect(reply.status == 404, "\(target)")
            #expect(reply.text.contains("Page not found"), "\(target)")
        }
        // Without a 404 page, plain text.
        try? FileManager.default.removeItem(atPath: root + "/public/404.html")
        let bare = pages.reply(method: "GET", target: "/parley/nope/", build: ok)
        #expect(bare.status == 404 && bare.text == "Not found.\n")
    }

    @Test func traversalNeverReachesFilesOutsideTheSite() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let attempts = ["/parley/../secret.txt", "/parley/%2e%2e/secret.txt", "/parley/%2E%2E%2Fsecret.txt", "/parley/..%2fsecret.txt",
                        "/parley/..\\secret.txt", "/parley/..%5csecret.txt", "/../secret.txt", "/parley/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                        "/parley/" + root + "/secret.txt", root + "/secret.txt", "//" + root + "/secret.txt", "/parley/secret.txt%00.html"]
        for target in attempts {
            let reply = pages.reply(method: "GET", target: target, build: ok)
            #expect(reply.status == 400 || reply.status == 404, "\(target): \(reply.status)")
            #expect(!reply.text.contains("TOP-SECRET"), "\(target)")
            #expect(!reply.text.contains("root:x:"), "\(target)")
        }
    }

    @Test func symbolicLinksOutOfTheSiteAreNotFollowed() throws {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/public/leak.txt", withDestinationPath: root + "/secret.txt")
        try FileManager.default.createSymbolicLink(atPath: root + "/public/up", withDestinationPath: root)
        try FileManager.default.createSymbolicLink(atPath: root + "/public/inside.css", withDestinationPath: root + "/public/style.css")
        #expect(pages.reply(method: "GET", target: "/parley/leak.txt", build: ok).status == 404)
        #expect(pages.reply(method: "GET", target: "/parley/up/secret.txt", build: ok).status == 404)
        #expect(pages.reply(method: "GET", target: "/parley/inside.css", build: ok).status == 200)
    }

    @Test func badRequestsSayWhy() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let reply = pages.reply(method: "GET", target: "/parley/%2e%2e/x", build: ok)
        #expect(reply.status == 400 && reply.text.contains(".."))
    }

    @Test func whileTheBuildFailedPagesShowTheErrors() {
        let (root, pages) = Self.site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let failed = BuildReport(failed: true, diagnostics: [Diagnostic(.error, step: "render", file: "layout.mustache", line: 7, "unclosed <section>")],
                                 basePath: "/parley/")
        for target in ["/parley/", "/parley/people/", "/parley/people", "/parley/gone/index.html", "/parley/missing"] {
            let reply = pages.reply(method: "GET", target: target, build: failed)
            #expect(reply.status == 500, "\(target)")
            #expect(reply.text.contains("layout.mustache:7"), "\(target)")
            #expect(reply.text.contains("unclosed &lt;section&gt;"), "\(target)")
            #expect(reply.text.contains(LiveReload.marker), "\(target)")
        }
        // Other files are still served, so the error page is the only thing that changes.
        #expect(pages.reply(method: "GET", target: "/parley/style.css", build: failed).status == 200)
        #expect(pages.reply(method: "GET", target: "/parley/missing.css", build: failed).status == 404)
    }
}
