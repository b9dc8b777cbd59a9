import Foundation
import ParleyTestSupport
import Serve
import Testing

/// `parley serve` as a user runs it: the real executable on a free loopback port, a copy of a
/// fixture site, pages fetched over HTTP, an article edited, a template broken and fixed, and
/// Ctrl-C at the end. Every wait is bounded.
@Suite(.serialized) struct ServeIntegrationTests {
    /// A running `parley serve` on a copy of the basic fixture site.
    final class Session {
        let root: String
        let process = Process()
        var port = 0
        var basePath = "/"

        init() throws {
            root = RepositoryPaths.temporaryFolder("parley-serve")
            try FileManager.default.copyItem(atPath: RepositoryPaths.inRepository("Tests/Fixtures/sites/basic/content"), toPath: root + "/content")
            try FileManager.default.copyItem(atPath: RepositoryPaths.inRepository("templates"), toPath: root + "/templates")
            _ = FileManager.default.createFile(atPath: root + "/secret.txt", contents: Data("TOP-SECRET-7c1e".utf8))
            _ = FileManager.default.createFile(atPath: root + "/stdout.log", contents: nil)
            _ = FileManager.default.createFile(atPath: root + "/stderr.log", contents: nil)
            process.executableURL = URL(fileURLWithPath: RepositoryPaths.parleyExecutable)
            process.currentDirectoryURL = URL(fileURLWithPath: root)
            process.arguments = ["serve", "--content", "content", "--templates", "templates", "--output", "public", "--port", "0"]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle(forWritingAtPath: root + "/stdout.log")
            process.standardError = FileHandle(forWritingAtPath: root + "/stderr.log")
            try process.run()
        }

        deinit {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
            try? FileManager.default.removeItem(atPath: root)
        }

        var stdout: String { (try? String(contentsOfFile: root + "/stdout.log", encoding: .utf8)) ?? "" }
        var stderr: String { (try? String(contentsOfFile: root + "/stderr.log", encoding: .utf8)) ?? "" }

        /// Waits for `Serving http://127.0.0.1:PORT/PATH` on standard output.
        func waitUntilServing(seconds: Double) -> Bool {
            let deadline = monotonicSeconds() + seconds
            while monotonicSeconds() < deadline, process.isRunning {
                if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("Serving http://127.0.0.1:") }) {
                    let address = line.dropFirst("Serving http://127.0.0.1:".count).prefix { $0 != " " }
                    let digits = address.prefix { $0.isNumber }
                    port = Int(digits) ?? 0
                    basePath = String(address.dropFirst(digits.count))
                    return port > 0
                }
                usleep(50_000)
            }
            return false
        }

        var http: HTTPProbe { HTTPProbe(port: port) }

        func get(_ path: String) throws -> HTTPProbe.Reply { try http.request(basePath + path) }

        /// Polls `path` until `condition` holds; returns the last reply and the seconds it took.
        func poll(_ path: String, seconds: Double, until condition: (HTTPProbe.Reply) -> Bool) throws -> (HTTPProbe.Reply, Double) {
            let start = monotonicSeconds()
            var reply = try get(path)
            while !condition(reply), monotonicSeconds() - start < seconds {
                usleep(50_000)
                reply = try get(path)
            }
            return (reply, monotonicSeconds() - start)
        }

        func write(_ relative: String, _ text: String) {
            _ = FileManager.default.createFile(atPath: root + "/" + relative, contents: Data(text.utf8))
        }

        func read(_ relative: String) -> String {
            (try? String(contentsOfFile: root + "/" + relative, encoding: .utf8)) ?? ""
        }
    }

    static let article = "articles/foreign-ministers-meet-in-antalya/"

    @Test func serveEditBreakFixAndStop() throws {
        #expect(RepositoryPaths.exists(RepositoryPaths.parleyExecutable), "no parley executable at \(RepositoryPaths.parleyExecutable)")
        let session = try Session()
        try #require(session.waitUntilServing(seconds: 60), "parley serve did not start: \(session.stdout) \(session.stderr)")
        #expect(session.basePath == "/fixture/", "served at the path of the fixture's base_url")

        // Pages, with content types, the reload script added in responses only.
        let root = try session.http.request("/")
        #expect(root.status == 302 && root.headers["location"] == "/fixture/")
        let home = try session.get("")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.text.contains("Fixture Digest"))
        #expect(home.text.contains(LiveReload.marker))
        #expect(!session.read("public/index.html").contains(LiveReload.marker), "the script must never be written to public/")
        #expect(try session.get("style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try session.get(Self.article + "index.md").headers["content-type"] == "text/markdown; charset=utf-8")
        let folder = try session.get("people")
        #expect(folder.status == 302 && folder.headers["location"] == "/fixture/people/")
        let missing = try session.get("no-such-page/")
        #expect(missing.status == 404 && missing.text.contains("Page not found") && missing.text.contains(LiveReload.marker))
        let head = try session.http.request("/fixture/style.css", method: "HEAD")
        let css = try session.get("style.css")
        #expect(head.status == 200 && head.body.isEmpty && Int(head.headers["content-length"] ?? "") == css.body.count)

        // Nothing outside the site folder, however the path is spelled.
        for target in ["/fixture/../secret.txt", "/fixture/%2e%2e/secret.txt", "/fixture/%2E%2E%2Fsecret.txt", "/fixture/..%2fsecret.txt",
                       "/fixture/..\\secret.txt", "/fixture/..%5csecret.txt", "/../secret.txt", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                       "/fixture/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "//etc/passwd", session.root + "/secret.txt",
                       "/fixture/" + session.root + "/secret.txt", "/fixture/%00", "/fixture/index.html%00.css", "/fixture/.parley-output"] {
            let reply = try session.http.request(target)
            #expect(reply.status == 400 || reply.status == 404, "\(target): \(reply.status)")
            #expect(!reply.text.contains("TOP-SECRET"), "\(target)")
            #expect(!reply.text.contains("root:x:"), "\(target)")
        }

        // Edit an article: the page changes within a second or two, and open pages are told.
        let events = try session.http.stream(LiveReload.eventsPath)
        #expect(events.read(until: "event: build", seconds: 5), "no first event: \(events.received)")
        let before = try session.get(Self.article)
        #expect(before.status == 200 && !before.text.contains("Zanzibar"))
        let original = session.read("content/articles/antalya.txt")
        session.write("content/articles/antalya.txt", original + "\nThe delegations agreed to meet again in Zanzibar.\n")
        let (edited, _) = try session.poll(Self.article, seconds: 10) { $0.text.contains("Zanzibar") }
        #expect(edited.status == 200 && edited.text.contains("Zanzibar"), "the edit did not show within 10 s")
        #expect(events.read(until: "event: build", count: 2, seconds: 5), "no reload event after the edit: \(events.received)")

        // Break a template: every page shows the error with its file and line; the server stays up.
        let layout = session.read("templates/layout.mustache")
        var lines = layout.components(separatedBy: "\n")
        lines.insert("{{> partials/no-such-partial}}", at: 13) // line 14
        session.write("templates/layout.mustache", lines.joined(separator: "\n"))
        let (broken, _) = try session.poll("", seconds: 10) { $0.status == 500 }
        #expect(broken.status == 500)
        #expect(broken.text.contains("layout.mustache:14"), "\(broken.text)")
        #expect(broken.text.contains("partials/no-such-partial"))
        #expect(broken.text.contains(LiveReload.marker), "the error page must reload itself once fixed")
        #expect(try session.get(Self.article).status == 500)
        #expect(try session.get("style.css").status == 200)
        #expect(session.process.isRunning)

        // Fix it: the site comes back without a restart.
        session.write("templates/layout.mustache", layout)
        let (fixed, _) = try session.poll("", seconds: 10) { $0.status == 200 }
        #expect(fixed.status == 200 && fixed.text.contains("Fixture Digest"))
        #expect(try session.get(Self.article).text.contains("Zanzibar"))

        // Ctrl-C: open event streams end, the server stops, exit 0.
        kill(session.process.processIdentifier, SIGINT)
        let deadline = monotonicSeconds() + 10
        while session.process.isRunning, monotonicSeconds() < deadline { usleep(50_000) }
        #expect(!session.process.isRunning, "still running 10 s after SIGINT")
        if !session.process.isRunning {
            #expect(session.process.terminationReason == .exit && session.process.terminationStatus == 0)
        }
        #expect(events.waitForClose(seconds: 2), "the event stream stayed open")
        #expect(session.stdout.hasSuffix("Stopped.\n"))

        // Output fit for a log: no colour, no progress line when not on a terminal.
        #expect(!session.stdout.contains("\u{1B}") && !session.stdout.contains("\r"))
        #expect(!session.stderr.contains("\u{1B}") && !session.stderr.contains("\r"))
    }

    @Test func aBusyPortIsAClearFailure() throws {
        // Find the port of a first server, then ask a second one for the same port.
        let first = try Session()
        try #require(first.waitUntilServing(seconds: 60))
        let second = Process()
        second.executableURL = URL(fileURLWithPath: RepositoryPaths.parleyExecutable)
        second.currentDirectoryURL = URL(fileURLWithPath: first.root)
        second.arguments = ["serve", "--output", "public2", "--port", String(first.port)]
        let errors = Pipe()
        second.standardOutput = FileHandle.nullDevice
        second.standardError = errors
        try second.run()
        let deadline = monotonicSeconds() + 30
        while second.isRunning, monotonicSeconds() < deadline { usleep(50_000) }
        if second.isRunning { kill(second.processIdentifier, SIGKILL) }
        second.waitUntilExit()
        #expect(second.terminationStatus == 1)
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(message.contains("cannot serve on 127.0.0.1:\(first.port)"), "\(message)")
        kill(first.process.processIdentifier, SIGTERM)
        first.process.waitUntilExit()
        #expect(first.process.terminationStatus == 0, "SIGTERM stops it cleanly too")
    }
}
