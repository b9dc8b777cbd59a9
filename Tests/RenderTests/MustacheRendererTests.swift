@testable import Render
import Testing

/// `MustacheRenderer` must give swift-mustache's bytes: every case renders one theme with both
/// and compares. The cases are the whitespace and lookup rules where Mustache renderers differ.
@Suite struct MustacheRendererTests {
    static var context: [String: Any] { [
        "title": "Talks <resume> & \"end\" 'soon'",
        "count": 3,
        "zero": 0,
        "yes": true,
        "no": false,
        "empty": "",
        "none": [String](),
        "names": ["Kyiv", "Kiev", "Lviv & Odesa"],
        "people": [["name": "Sergei Lavrov", "href": "people/sergei-lavrov/index.html", "roles": false],
                   ["name": "Antony Blinken", "href": "people/antony-blinken/index.html", "roles": "Secretary of State"]] as [[String: Any]],
        "mixed": ["a", 2, true, ["name": "inner"] as [String: Any]] as [Any],
        "site": ["title": "Digest", "nav": ["home": true, "people": false] as [String: Any]] as [String: Any],
        "list": ["items": ["x", "y"], "count": 2] as [String: Any],
        "root": "../../",
        "combining": "it'\u{301}s <b>\u{0600}<i> e\u{301}&",
        "multiline": "line one\nline two\n",
        "number": 2.5,
        // Names found below the top of the stack change from one item of a list to the next.
        "label": "top",
        "groups": [["label": "G1", "rows": [["x": 1], ["x": 2]]] as [String: Any],
                   ["label": "G2", "rows": [["x": 3], ["label": "own", "x": 4]]] as [String: Any],
                   ["rows": [["x": 5]]] as [String: Any]] as [[String: Any]],
    ] }

    static let themes: [[String: String]] = [
        ["t": "<h1>{{title}}</h1>{{{title}}}{{&title}} {{count}} {{zero}} {{yes}} {{no}} [{{empty}}] {{number}} {{missing}}"],
        ["t": "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}!N{{/no}}{{^yes}}!Y{{/yes}}{{#empty}}E{{/empty}}{{#zero}}Z{{.}}{{/zero}}{{^none}}no names{{/none}}{{#none}}x{{/none}}{{^missing}}M{{/missing}}"],
        ["t": "<ul>\n  {{#people}}\n  <li><a href=\"{{root}}{{href}}\">{{name}}</a>{{#roles}} ({{roles}}){{/roles}}</li>\n  {{/people}}\n</ul>\n"],
        ["t": "{{#names}}{{.}},{{/names}}|{{#mixed}}[{{.}}{{name}}]{{/mixed}}|{{#list}}{{count}}:{{#items}}{{.}}{{/items}}{{/list}}"],
        ["t": "{{site.title}} {{site.nav.home}} {{#site.nav.home}}home{{/site.nav.home}} {{#site}}{{title}}/{{count}}{{/site}} {{.title}} {{#people}}{{.name}}{{.count}}{{/people}} {{site.missing.deep}}"],
        ["t": "{{#people}}{{#site}}{{name}}{{title}}{{/site}}{{/people}}"],
        ["t": "a\n  {{! a comment }}\nb {{! inline }} c\n{{!\nmulti\nline\n}}\nd\n   \n\te{{#yes}}\n\t{{/yes}}\n"],
        ["t": "begin\n  {{> p}}\n  x {{> p}}\nend\n", "p": "<p>\n{{#names}}\n  <i>{{.}}</i>\n{{/names}}\n</p>\n{{> q}}", "q": "  q1\n    {{multiline}}\n    {{> r}}\nq2", "r": "r1\nr2\n"],
        ["t": "{{< layout}}\n{{$head}}<link>{{/head}}\n{{$main}}\n  <article>\n    {{title}}\n      deeper\n  </article>\n{{/main}}\n{{/layout}}\n",
         "layout": "<html>\n<head>\n{{$head}}{{/head}}\n</head>\n<body>\n  {{> header}}\n  {{$main}}default{{/main}}\n    {{$foot}}\n    footer {{count}}\n    {{/foot}}\n</body>\n</html>\n",
         "header": "<header>\n{{site.title}}\n</header>\n"],
        ["t": "{{< middle}}{{$a}}from t{{/a}}{{/middle}}", "middle": "{{< base}}{{$a}}from middle{{/a}}{{$b}}b from middle{{/b}}{{/base}}", "base": "[{{$a}}A{{/a}}|{{$b}}B{{/b}}|{{$c}}C{{/c}}]"],
        ["t": "line\r\n  {{#yes}}\r\n  crlf {{title}}\r\n  {{/yes}}\r\n{{> p}}\r\n", "p": "p1\r\np2\n"],
        ["t": "{{#people}}\n{{name}}\n{{/people}}   "],
        ["t": "  {{#yes}}  \n  in\n  {{/yes}}  x\n{{#no}}\n{{/no}}"],
        ["t": "{{combining}} {{{combining}}}"],
        ["t": "{{ title }} {{# yes }}ok{{/ yes }} {{{ root }}} {{#names}}{{}},{{/names}}"],
        ["t": "{ {{title}} }} {x}"],
        ["t": "{{#groups}}{{#rows}}{{label}}{{x}}{{#yes}}{{label}}{{/yes}};{{/rows}}|{{/groups}}{{label}} {{#groups}}{{> row}}{{/groups}}",
         "row": "{{#rows}}[{{label}}{{root}}]{{/rows}}{{label}}"],
    ]

    @Test(arguments: themes.indices)
    func sameBytesAsSwiftMustache(index: Int) throws {
        let theme = Self.themes[index]
        let set = try TemplateSet(sources: Dictionary(uniqueKeysWithValues: theme.map { ("\($0.key).mustache", $0.value) }))
        #expect(set.isCompiled)
        for context in [Self.context, ["people": Self.context["people"]!, "title": "other"] as [String: Any]] {
            let fast = try set.render("t", context)
            let reference = try set.renderWithSwiftMustache("t", context)
            #expect(fast == reference, "theme \(index):\n\(fast.debugDescription)\n\(reference.debugDescription)")
        }
    }

    /// A partial rendered for a list item is reused only where everything it reads is the same.
    @Test func fragmentsAreReusedOnlyWhereTheyRenderAlike() throws {
        let cache = FragmentCache()
        let sources = [
            "page.mustache": "{{< layout}}{{$main}}{{#items}}{{> card}}{{/items}}{{/main}}{{/layout}}",
            "layout.mustache": "<main>{{$main}}{{/main}}</main>",
            "card.mustache": "<a href=\"{{root}}{{href}}\">{{title}}</a>{{#extra}}{{extra}}{{/extra}}{{#tags}}[{{.}}]{{/tags}}\n",
        ]
        let set = try TemplateSet(sources: sources, fragments: cache)
        let items: [TemplateObject] = [["href": "a/", "title": "A", "tags": ["x"]], ["href": "b/", "title": "B", "tags": []]]
        cache.share(items, digests: items.map { ContentDigest.ofContext($0) })
        let list = TemplateValue.list(items.map(TemplateValue.object))
        let pages: [TemplateValue] = [
            ["root": "../", "items": list],
            ["root": "", "items": list],
            ["root": "../", "items": list, "extra": "E"],
            ["root": "../", "items": [["href": "a/", "title": "A", "tags": ["x"], "root": "/"]]],
        ]
        for _ in 0..<2 {
            for page in pages {
                #expect(try set.render("page", page) == (try set.renderWithSwiftMustache("page", page)))
            }
        }
        #expect(cache.count > 0)
    }

    @Test func themesWithUnsupportedFeaturesAreRenderedBySwiftMustache() throws {
        for text in ["{{=<% %>=}}<% title %>", "{{uppercased(title)}}", "{{%CONTENT_TYPE: TEXT}}{{title}}", "{{>*dynamic}}"] {
            let set = try TemplateSet(sources: ["t.mustache": text, "p.mustache": "p"])
            #expect(!set.isCompiled, "\(text)")
            #expect(try set.render("t", Self.context) == (try set.renderWithSwiftMustache("t", Self.context)))
        }
    }

    @Test func escapingMatchesCharacterByCharacterEscaping() {
        // Every ASCII byte, so the bytes next to the five special ones in the tables are covered.
        let ascii = String(decoding: (0..<128).map(UInt8.init), as: UTF8.self)
        for text in ["plain", "<>&\"'", "a<b", "é<", "<é", "'\u{301}", "\u{0600}<", "🇺🇦&🇷🇺", "x\r\n<", "", ascii, "<", ">x", "x&", "a>b&c\"d'e"] {
            var fast: [UInt8] = []
            HTMLEscaper.append(text, to: &fast)
            var slow = ""
            for c in text {
                switch c {
                case "<": slow += "&lt;"
                case ">": slow += "&gt;"
                case "&": slow += "&amp;"
                case "\"": slow += "&quot;"
                case "'": slow += "&#39;"
                default: slow.append(c)
                }
            }
            #expect(String(decoding: fast, as: UTF8.self) == slow, "\(text.debugDescription)")
        }
    }
}

/// Names found below the top of the stack follow the items of the lists as they change.
@Suite struct StackLookupTests {
    @Test func namesFoundBelowAListItemFollowTheOuterItem() throws {
        let set = try TemplateSet(sources: ["t.mustache": "{{#groups}}{{#rows}}{{label}}{{x}};{{/rows}}|{{/groups}}{{label}}"])
        let context: [String: Any] = ["label": "top", "groups": [
            ["label": "G1", "rows": [["x": 1], ["x": 2]]] as [String: Any],
            ["label": "G2", "rows": [["x": 3], ["label": "own", "x": 4]]] as [String: Any],
            ["rows": [["x": 5]]] as [String: Any],
        ] as [[String: Any]]]
        #expect(try set.render("t", context) == "G11;G12;|G23;own4;|top5;|top")
    }
}
