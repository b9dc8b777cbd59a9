import Serve
import Testing

/// Request paths: what reaches the disk is always a clean path inside the site folder.
@Suite struct RequestPathTests {
    @Test func pagesFoldersAndFiles() {
        #expect(RequestPath.resolve("/") == .file("index.html"))
        #expect(RequestPath.resolve("/index.html") == .file("index.html"))
        #expect(RequestPath.resolve("/people/") == .file("people/index.html"))
        #expect(RequestPath.resolve("/people") == .file("people"))
        #expect(RequestPath.resolve("/style.css?v=2#top") == .file("style.css"))
        #expect(RequestPath.resolve("/people/?sort=name") == .file("people/index.html"))
        #expect(RequestPath.resolve("/articles/caf%C3%A9/") == .file("articles/café/index.html"))
        #expect(RequestPath.resolve("/a%20b.html") == .file("a b.html"))
    }

    @Test func theSiteLivesAtItsBasePath() {
        #expect(RequestPath.resolve("/parley/", basePath: "/parley/") == .file("index.html"))
        #expect(RequestPath.resolve("/parley/people/", basePath: "/parley/") == .file("people/index.html"))
        #expect(RequestPath.resolve("/", basePath: "/parley/") == .redirect("/parley/"))
        #expect(RequestPath.resolve("/parley", basePath: "/parley/") == .redirect("/parley/"))
        #expect(RequestPath.resolve("/parley?x=1", basePath: "/parley/") == .redirect("/parley/"))
        #expect(RequestPath.resolve("/people/", basePath: "/parley/") == .notFound)
        #expect(RequestPath.resolve("/parleyx/", basePath: "/parley/") == .notFound)
        #expect(RequestPath.resolve("/a/b/c.html", basePath: "/a/b/") == .file("c.html"))
        #expect(RequestPath.resolve("/my%20site/", basePath: "/my%20site/") == .file("index.html"))
    }

    @Test func dotSegmentsPlainOrEncodedAreRefused() {
        for target in ["/../etc/passwd", "/a/../../etc/passwd", "/..", "/./index.html", "/%2e%2e/etc/passwd",
                       "/%2E%2E/%2E%2E/etc/passwd", "/.%2e/x", "/%2e./x", "/%2e/index.html", "/parley/../secret", "/parley/%2e%2e/secret"] {
            guard case .badRequest = RequestPath.resolve(target, basePath: "/parley/") else {
                Issue.record("\(target) was not refused: \(RequestPath.resolve(target, basePath: "/parley/"))")
                continue
            }
        }
    }

    @Test func encodedSlashesBackslashesNulAndControlsAreRefused() {
        for target in ["/..%2fetc%2fpasswd", "/a%2Fb", "/%2f%2fetc/passwd", "/..\\..\\etc\\passwd", "/a%5cb", "/a%5C..%5Cb",
                       "/index.html%00.css", "/%00", "/a%0d%0aSet-Cookie:x", "/a%7f", "/a%", "/a%2", "/a%zz", "/%ff%fe"] {
            guard case .badRequest = RequestPath.resolve(target) else {
                Issue.record("\(target) was not refused: \(RequestPath.resolve(target))")
                continue
            }
        }
    }

    @Test func absolutePathsStayInsideTheSite() {
        // A file-system path is just a path of the site, which has no such file.
        #expect(RequestPath.resolve("/etc/passwd") == .file("etc/passwd"))
        #expect(RequestPath.resolve("//etc/passwd") == .file("etc/passwd"))
        #expect(RequestPath.resolve("///tmp//x.html") == .file("tmp/x.html"))
        #expect(RequestPath.resolve("/%2Fetc/passwd") == .badRequest("an encoded / in the path"))
        // Not a path at all.
        #expect(RequestPath.resolve("etc/passwd") == .badRequest("the path does not start with /"))
        #expect(RequestPath.resolve("*") == .badRequest("the path does not start with /"))
        #expect(RequestPath.resolve("") == .badRequest("the path does not start with /"))
    }

    @Test func hiddenFilesAreNotServed() {
        #expect(RequestPath.resolve("/.parley-output") == .notFound)
        #expect(RequestPath.resolve("/.git/config") == .notFound)
        #expect(RequestPath.resolve("/a/.hidden/b.html") == .notFound)
    }

    @Test func redirectsAreCanonicalAndCannotLeaveTheHost() {
        #expect(RequestPath.directoryURL(basePath: "/parley/", relative: "people") == "/parley/people/")
        #expect(RequestPath.directoryURL(basePath: "/", relative: "people") == "/people/")
        #expect(RequestPath.directoryURL(basePath: "/", relative: "a b/café") == "/a%20b/caf%C3%A9/")
        // Even from a request with doubled slashes, never a protocol-relative `//host/` location.
        guard case .file(let relative) = RequestPath.resolve("//evil.example/x") else {
            Issue.record("not a file")
            return
        }
        #expect(RequestPath.directoryURL(basePath: "/", relative: relative) == "/evil.example/x/")
    }
}
