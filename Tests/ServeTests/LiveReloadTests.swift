import Serve
import Testing

@Suite struct LiveReloadTests {
    func inject(_ html: String) -> String {
        String(decoding: LiveReload.inject(into: Array(html.utf8)), as: UTF8.self)
    }

    @Test func theScriptGoesBeforeTheLastBodyClose() {
        let page = "<html><body><p>Hi</p></body>\n</html>\n"
        let out = inject(page)
        #expect(out == "<html><body><p>Hi</p>" + LiveReload.script + "</body>\n</html>\n")
    }

    @Test func anyCaseAndOnlyTheLastBodyClose() {
        let page = "<BODY><pre>&lt;/body&gt; </body> in text</pre></BODY></HTML>"
        let out = inject(page)
        #expect(out.hasSuffix(LiveReload.script + "</BODY></HTML>"))
        #expect(out.components("</body>") == 1)
    }

    @Test func withoutABodyCloseTheScriptIsAppended() {
        #expect(inject("<p>fragment") == "<p>fragment" + LiveReload.script)
        #expect(inject("") == LiveReload.script)
    }

    @Test func multibyteTextIsKeptIntact() {
        let page = "<body>Дмитро Кулеба — café</body>"
        #expect(inject(page) == "<body>Дмитро Кулеба — café" + LiveReload.script + "</body>")
    }

    @Test func theScriptListensToTheEventStream() {
        #expect(LiveReload.script.contains("new EventSource(\"\(LiveReload.eventsPath)\")"))
        #expect(LiveReload.script.contains(LiveReload.marker))
    }
}

extension String {
    func components(_ needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let range = rest.range(of: needle) {
            count += 1
            rest = rest[range.upperBound...]
        }
        return count
    }
}
