import ParleyTestSupport
import Render
import Testing

@Suite struct CommonMarkTests {
    @Test func rendersMarkdown() {
        #expect(CommonMark.html("Hello *world*") == "<p>Hello <em>world</em></p>\n")
        #expect(CommonMark.html("") == "")
    }

    @Test func rawHTMLNeverReachesThePage() {
        let html = CommonMark.html("<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> more\n\n<!-- c -->")
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("onerror"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dangerousLinksAreEmptied() {
        for url in ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "vbscript:x", "data:text/html;base64,PHNjcmlwdD4="] {
            let html = CommonMark.html("[click](\(url))")
            #expect(!html.lowercased().contains(url.lowercased()), "\(url) survived: \(html)")
        }
    }

    @Test func textIsPreservedIncludingNonASCII() {
        let text = "Mevlüt Çavuşoğlu said “meaningful” – Kyiv’s"
        #expect(HTMLText.text(CommonMark.html(text)) == text + "\n")
    }
}

@Suite struct PlainTextTests {
    @Test func dropsMarkupKeepsText() {
        #expect(CommonMark.plainText("The **meeting** in [Antalya](x.html) was `first`.\nNext line.") == "The meeting in Antalya was first. Next line.")
        #expect(CommonMark.plainText("# Head\n\nBody <b>x</b>") == "Head Body x")
        #expect(CommonMark.plainText("<script>alert(1)</script>") == "")
    }
}
