import Serve
import Testing

@Suite struct ContentTypeTests {
    @Test func byExtension() {
        #expect(ContentType.of("index.html") == "text/html; charset=utf-8")
        #expect(ContentType.of("people/INDEX.HTML") == "text/html; charset=utf-8")
        #expect(ContentType.of("style.css") == "text/css; charset=utf-8")
        #expect(ContentType.of("app.js") == "text/javascript; charset=utf-8")
        #expect(ContentType.of("articles/x/index.md") == "text/markdown; charset=utf-8")
        #expect(ContentType.of("feed.xml") == "application/xml")
        #expect(ContentType.of("feed.json") == "application/json")
        #expect(ContentType.of("logo.svg") == "image/svg+xml")
        #expect(ContentType.of("photo.JPG") == "image/jpeg")
        #expect(ContentType.of("font.woff2") == "font/woff2")
        #expect(ContentType.of("robots.txt") == "text/plain; charset=utf-8")
    }

    @Test func unknownAndExtensionless() {
        #expect(ContentType.of("archive.tar.zst") == ContentType.fallback)
        #expect(ContentType.of("README") == ContentType.fallback)
        #expect(ContentType.of(".htaccess") == ContentType.fallback)
        #expect(ContentType.of("dir.html/file") == ContentType.fallback)
    }

    @Test func htmlIsRecognized() {
        #expect(ContentType.isHTML(ContentType.of("a.htm")))
        #expect(!ContentType.isHTML(ContentType.of("a.css")))
    }
}
