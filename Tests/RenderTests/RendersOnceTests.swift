import Render
import Testing

/// Whether a theme puts a value (an article's body) in its page exactly once, as it is.
struct RendersOnceTests {
    let layout = "<main>{{$main}}{{/main}}</main>{{> partials/footer}}"

    func theme(_ article: String, footer: String = "<footer>{{site}}</footer>") throws -> TemplateSet {
        try TemplateSet(sources: ["layout.mustache": layout, "partials/footer.mustache": footer, "article.mustache": article])
    }

    @Test func onceUnescapedThroughALayoutBlock() throws {
        #expect(try theme("{{< layout}}{{$main}}<h1>{{title}}</h1>{{{body}}}{{/main}}{{/layout}}").rendersOnce("body", unescapedIn: "article"))
        #expect(try theme("<div>{{&body}}</div>").rendersOnce("body", unescapedIn: "article"))
    }

    @Test func escapedTwiceInASectionOrNotAtAllIsNot() throws {
        let cases = [
            "{{< layout}}{{$main}}{{body}}{{/main}}{{/layout}}",
            "{{{body}}}<meta content=\"{{body}}\">",
            "{{{body}}}{{{body}}}",
            "{{#items}}{{{body}}}{{/items}}",
            "{{#body}}<div>{{{body}}}</div>{{/body}}",
            "<p>{{title}}</p>",
            // The default of a block that is filled elsewhere is not rendered; the filling is.
            "{{< layout}}{{$main}}{{{body}}}{{/main}}{{/layout}}{{{body.text}}}",
        ]
        for article in cases {
            #expect(try !theme(article).rendersOnce("body", unescapedIn: "article"), "\(article)")
        }
        // A partial rendered on the page that also shows it.
        #expect(try !theme("{{< layout}}{{$main}}{{{body}}}{{/main}}{{/layout}}", footer: "{{{body}}}").rendersOnce("body", unescapedIn: "article"))
        #expect(try !theme("{{{body}}}").rendersOnce("body", unescapedIn: "missing"))
    }
}
