import ParleyCore
import ParleyTestSupport
import Site
import Testing

/// Every kind of bad input gives a clear diagnostic naming the file, and the rest of the
/// site is still built.
@Suite struct BadInputTests {
    func built(_ result: BuildResult, _ path: String) -> Bool {
        result.files.contains { $0.path == path }
    }

    func goodArticleSurvives(_ result: BuildResult) -> Bool {
        built(result, "articles/a-good-story/index.html")
    }

    @Test(arguments: ["empty.txt", "whitespace.txt", "binary.txt"])
    func unreadableArticlesAreErrorsNamingTheFile(name: String) {
        var site = FixtureContent()
        site.add("articles/\(name)", badInput: name)
        let result = site.build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.file == "articles/\(name)")
        #expect(goodArticleSurvives(result))
        #expect(result.articleCount == 1)
        #expect(result.summary.hasSuffix("1 error"))
    }

    @Test func windows1252IsDecodedWithAWarning() throws {
        var site = FixtureContent()
        site.add("articles/latin.txt", badInput: "windows-1252.txt")
        let result = site.build()
        let warning = try #require(result.diagnostics.first { $0.file == "articles/latin.txt" })
        #expect(warning.severity == .warning)
        #expect(warning.message.contains("Windows-1252"))
        let library = try #require(result.library)
        let article = try #require(library.articles.first { $0.article.source.path == "articles/latin.txt" })
        #expect(article.article.title == "Café talks in Kiev")
        #expect(article.article.paragraphs.contains { $0.text.contains("“no” – twice") })
    }

    @Test(arguments: ["bom.txt", "crlf.txt", "cr.txt"])
    func byteOrderMarksAndLineEndsAreClean(name: String) throws {
        var site = FixtureContent()
        site.add("articles/\(name)", badInput: name)
        let result = site.build()
        #expect(result.errorCount == 0)
        let library = try #require(result.library)
        let article = try #require(library.articles.first { $0.article.source.path == "articles/\(name)" })
        #expect(article.article.title.hasPrefix("Talks with"))
        #expect(!article.article.title.unicodeScalars.contains("\u{FEFF}"))
        for paragraph in article.article.paragraphs {
            #expect(!paragraph.text.contains("\r"))
        }
    }

    @Test func hugeArticlesAndLinesAreBuilt() throws {
        var site = FixtureContent()
        let paragraph = String(repeating: "Talks continued in Geneva on the question of the ceasefire, officials said. ", count: 12) + "\n\n"
        var big = "A very long article\n\n"
        while big.utf8.count < 10_000_000 { big += paragraph }
        site.add("articles/ten-megabytes.txt", text: big)
        site.add("articles/one-line.txt", text: "One long line\n\n" + String(repeating: "word ", count: 210_000))
        let result = site.build()
        #expect(result.errorCount == 0)
        #expect(built(result, "articles/a-very-long-article/index.html"))
        #expect(built(result, "articles/one-long-line/index.html"))
    }

    @Test func frontMatterThatDoesNotParseIsAnErrorWithItsLine() throws {
        var site = FixtureContent()
        site.add("articles/bad.md", badInput: "bad-yaml.md")
        site.add("articles/types.md", badInput: "wrong-types.md")
        let result = site.build()
        let bad = try #require(result.diagnostics.first { $0.file == "articles/bad.md" })
        #expect(bad.severity == .error)
        #expect(bad.line != nil)
        let types = try #require(result.diagnostics.first { $0.file == "articles/types.md" })
        #expect(types.severity == .error)
        #expect(types.line == 4)
        #expect(types.message.contains("'people'"))
        #expect(goodArticleSurvives(result))
    }

    @Test func unknownFrontMatterKeysAreWarnings() throws {
        var site = FixtureContent()
        site.add("articles/unknown.md", badInput: "unknown-keys.md")
        let result = site.build()
        let warning = try #require(result.diagnostics.first { $0.file == "articles/unknown.md" })
        #expect(warning.severity == .warning)
        #expect(warning.line == 3)
        #expect(built(result, "articles/unknown-keys/index.html"))
    }

    @Test func unsafeSlugsBecomeSafeAddresses() {
        var site = FixtureContent()
        site.add("articles/climb.md", badInput: "slug-traversal.md")
        site.add("articles/slash.md", badInput: "slug-slash.md")
        let result = site.build()
        #expect(built(result, "articles/etc-passwd/index.html"))
        #expect(built(result, "articles/a-b-c/index.html"))
        #expect(result.files.allSatisfy { !$0.path.contains("..") })
        #expect(result.diagnostics.filter { $0.message.contains("not a safe address") }.count == 2)
    }

    @Test func sameTitlesGetDistinctStableSlugs() {
        var site = FixtureContent()
        site.add("articles/same-1.txt", badInput: "same-title-1.txt")
        site.add("articles/same-2.txt", badInput: "same-title-2.txt")
        let first = site.build()
        let again = site.build()
        #expect(built(first, "articles/same-title/index.html"))
        #expect(built(first, "articles/same-title-2/index.html"))
        #expect(first.files == again.files)
        let page = first.files.first { $0.path == "articles/same-title/index.html" }?.text ?? ""
        #expect(page.contains("The first story."), "slugs follow the order of file names")
    }

    @Test func registriesAndSettingsThatDoNotParse() {
        var site = FixtureContent()
        site.add("people.yml", badInput: "broken-people.yml")
        site.add("site.yml", badInput: "broken-site.yml")
        let result = site.build()
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.file == "people.yml" && $0.line != nil })
        #expect(errors.contains { $0.file == "site.yml" && $0.line != nil })
        #expect(goodArticleSurvives(result))
    }

    @Test func sameAliasOnTwoPeopleNamesBoth() {
        var site = FixtureContent()
        site.add("people.yml", badInput: "duplicate-alias-people.yml")
        let result = site.build()
        #expect(result.diagnostics.contains { $0.file == "people.yml" && $0.message.contains("Ivan Lavrov and Sergei Lavrov") })
    }

    @Test(arguments: [("syntax-error.mustache", "closed with the wrong name"), ("missing-partial.mustache", "partials/does-not-exist")])
    func brokenTemplatesStopTheBuildWithFileAndLine(name: String, message: String) throws {
        var site = FixtureContent()
        site.files["templates/article.mustache"] = FixtureContent.badInput(name)
        let result = site.build()
        let error = try #require(result.diagnostics.first { $0.step == "render" })
        #expect(error.severity == .error)
        #expect(error.file == "article.mustache")
        #expect(error.line != nil)
        #expect(error.message.contains(message))
        #expect(result.files.isEmpty, "no half-rendered site")
    }
}

/// Content can never put script on a page; it shows as text.
@Suite struct HostileContentTests {
    static let result: BuildResult = {
        var site = FixtureContent()
        site.add("articles/hostile.md", badInput: "hostile.md")
        site.add("articles/hostile.txt", badInput: "hostile.txt")
        site.add("people.yml", text: "- name: \"<script>alert('registry')</script> Smith\"\n  aliases: [\"Smith\"]\n")
        return site.build()
    }()

    @Test func noScriptOrHandlerFromContentReachesAPage() {
        #expect(Self.result.errorCount == 0, "\(Self.result.diagnostics)")
        let pages = Self.result.files.filter { $0.path.hasSuffix(".html") }
        #expect(pages.count > 5)
        // The theme's own scripts (static/*.js, such as the search page's) are the only ones allowed.
        let themeScripts = Self.result.files.map(\.path).filter { $0.hasSuffix(".js") && !$0.contains("/") }
        func isThemeScript(_ tag: HTMLTags.Tag) -> Bool {
            guard tag.name == "script", let src = tag.attributes.first(where: { $0.name == "src" })?.value else { return false }
            return themeScripts.contains { src == $0 || src.hasSuffix("/" + $0) && src.split(separator: "/").dropLast().allSatisfy { $0 == ".." } }
        }
        for page in pages {
            for tag in HTMLTags.scan(page.text) where !isThemeScript(tag) {
                // Parley's own JSON-LD is the one inline script allowed; its text has no `<`, so
                // nothing inside it can open or close a tag (the scan would see it).
                let isJSONLD = tag.name == "script" && tag.attributes.map(\.name) == ["type"] && tag.attributes.first?.value == "application/ld+json"
                #expect(isJSONLD || !["script", "iframe", "object", "embed"].contains(tag.name), "\(page.path) has <\(tag.name)>")
                for attribute in tag.attributes {
                    #expect(!attribute.name.hasPrefix("on"), "\(page.path): <\(tag.name) \(attribute.name)=…>")
                    if ["href", "src", "action", "formaction"].contains(attribute.name) {
                        let value = attribute.value.lowercased().filter { !$0.isWhitespace }
                        for scheme in ["javascript:", "vbscript:", "data:"] {
                            #expect(!value.hasPrefix(scheme), "\(page.path): <\(tag.name) \(attribute.name)=\"\(attribute.value)\">")
                        }
                    }
                }
            }
        }
    }

    @Test func hostileTextStillShowsLiterally() throws {
        let page = try #require(Self.result.files.first { $0.path.hasPrefix("articles/") && $0.path.hasSuffix(".html") && $0.text.contains("hostile title") })
        #expect(page.text.contains("&lt;script&gt;alert(&#39;hostile title&#39;)&lt;/script&gt;"))
        #expect(page.text.contains("{{site.title}}"))
        let md = try #require(Self.result.files.first { $0.path.hasSuffix(".md") && $0.text.contains("Hostile {{site.title}}") })
        #expect(md.text.contains("title: \"<script>alert('title')</script> Hostile {{site.title}}\""))
    }
}
