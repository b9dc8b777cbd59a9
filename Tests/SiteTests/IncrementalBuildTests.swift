import Foundation
import Ingest
import ParleyCore
import ParleyTestSupport
import Site
import Testing

/// Incremental builds (a build cache and the previous site): after every kind of edit, the
/// site is byte for byte what a full build of the edited content makes, unchanged files are
/// not rewritten, and an edit renders few pages.
///
/// The content is the shipped sample (five seeds, the registries) with the 40 Reuters stories
/// of ../shared beside them, so articles share people, events, places and outlets.
@Suite(.serialized) struct IncrementalBuildTests {
    /// A scratch project: content/, templates/, the output and the cache.
    struct Project {
        let root: String
        var content: String { root + "/content" }
        var templates: String { root + "/templates" }
        var output: String { root + "/public" }
        var cache: String { root + "/cache" }
        let disk = DiskFileSystem()

        init() throws {
            root = RepositoryPaths.temporaryFolder("parley-incremental")
            var files: [OutputFile] = []
            for name in try disk.listFiles(in: RepositoryPaths.inRepository("content")) {
                files.append(OutputFile(path: name, bytes: try disk.readFile(RepositoryPaths.inRepository("content/" + name))))
            }
            let reuters = RepositoryPaths.inShared("corpora/reuters-dev")
            for name in try disk.listFiles(in: reuters) where name.hasSuffix(".txt") {
                files.append(OutputFile(path: "articles/" + name, bytes: try disk.readFile(reuters + "/" + name)))
            }
            try SiteWriter(output: content).write(files)
            let theme = try disk.listFiles(in: RepositoryPaths.inRepository("templates")).map { name in
                OutputFile(path: name, bytes: try disk.readFile(RepositoryPaths.inRepository("templates/" + name)))
            }
            try SiteWriter(output: templates).write(theme)
        }

        /// Adds `count` copies of Reuters stories under new headlines, so the library has more
        /// articles than the site's feeds list.
        func addCopies(_ count: Int) throws {
            for number in 1...count {
                let name = String(format: "dev_%03d.txt", (number - 1) % 40 + 1)
                try write("content/articles/copy_\(number)_\(name)", "Second look \(number): " + read("content/articles/" + name))
            }
        }

        func options(cache: Bool, memory: BuildMemory? = nil) -> BuildOptions {
            BuildOptions(contentDirectory: content, templatesDirectory: templates, cacheFolder: cache ? self.cache : nil, memory: memory)
        }

        /// The site before the last, kept beside the output for the next build to write over.
        var previousSite: String { root + "/.public.previous" }

        /// Builds into `folder` (the output by default) and swaps it into place; with the cache,
        /// as `parley build` does, the replaced site is kept for the next build to start from.
        @discardableResult
        func build(into folder: String? = nil, cache: Bool = true, fileSystem: any FileSystem = DiskFileSystem(),
                   memory: BuildMemory? = nil) throws -> BuildResult {
            let staging = try SiteWriter(output: folder ?? output, keepsPrevious: cache).begin()
            let result = SiteBuilder(options: options(cache: cache, memory: memory), fileSystem: fileSystem).build(into: staging)
            #expect(result.writeError == nil)
            #expect(!result.paths.isEmpty)
            try staging.commit()
            return result
        }

        /// Every file of a built folder (the marker aside), by path.
        func files(_ folder: String) throws -> [String: [UInt8]] {
            var files: [String: [UInt8]] = [:]
            for name in try disk.listFiles(in: folder) where name != SiteWriter.marker {
                files[name] = try disk.readFile(folder + "/" + name)
            }
            return files
        }

        func inode(_ path: String) -> UInt64? { FileFingerprint.of(output + "/" + path)?.inode }

        func read(_ relative: String) throws -> String { String(decoding: try disk.readFile(root + "/" + relative), as: UTF8.self) }

        func write(_ relative: String, _ text: String) throws {
            let path = root + "/" + relative
            unlink(path)
            let handle = try #require(fopen(path, "wb"))
            defer { fclose(handle) }
            _ = Array(text.utf8).withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
        }

        /// The incremental build equals a full build of the same content, file for file.
        func expectSameAsFullBuild(_ incremental: BuildResult, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let fresh = root + "/fresh"
            try? removeTree(fresh)
            let full = try build(into: fresh, cache: false)
            let mine = try files(output)
            let theirs = try files(fresh)
            #expect(Set(mine.keys) == Set(theirs.keys), "same files", sourceLocation: sourceLocation)
            let differing = theirs.keys.filter { mine[$0] != theirs[$0] }.sorted()
            #expect(differing.isEmpty, "differs from a full build: \(differing.prefix(10))", sourceLocation: sourceLocation)
            #expect(incremental.diagnostics.map(\.description) == full.diagnostics.map(\.description), sourceLocation: sourceLocation)
            #expect(incremental.paths == full.paths, sourceLocation: sourceLocation)
        }
    }

    /// The pages rendered when nothing changed: none (the timeline and the indexes too have
    /// their inputs).
    static let alwaysRendered = 0

    /// After an edit of the article whose file is `name`, `result` rendered something, and no
    /// more than the article's own page and the one page of each person and event list showing
    /// its quotes (as `first` had them).
    static func expectOnlyPagesShowing(_ name: String, built first: BuildResult, then result: BuildResult,
                                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let library = try #require(first.library, sourceLocation: sourceLocation)
        let edited = try #require(library.articles.first { $0.article.source.path.hasSuffix(name) }, sourceLocation: sourceLocation)
        let showingIt = 1 + edited.analyzed.people.count + edited.analyzed.events.count
        #expect(result.pagesRendered > alwaysRendered, sourceLocation: sourceLocation)
        #expect(result.pagesRendered <= alwaysRendered + showingIt, "\(result.pagesRendered) of \(first.pagesRendered)",
                sourceLocation: sourceLocation)
    }

    /// The pages the search indexer looks at (the default theme marks article pages only) are
    /// known to a whole build, to a build that keeps every page, and to a build of body edits.
    @Test func everyKindOfBuildKnowsThePagesTheSearchLooksAt() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        #expect(try project.build().searchScope == "articles/**/*.html")
        let kept = try project.build()
        #expect(kept.pagesRendered == 0)
        #expect(kept.searchScope == "articles/**/*.html")
        let text = try project.read("content/articles/dev_002.txt")
        try project.write("content/articles/dev_002.txt", text + "\nOfficials said the talks would resume in the spring.\n")
        let edited = try project.build()
        #expect(edited.bodyEditsOnly)
        #expect(edited.searchScope == "articles/**/*.html")
        #expect(try project.build(cache: false).searchScope == "articles/**/*.html")
    }

    @Test func aSecondBuildWithNothingChangedKeepsEveryPage() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let first = try project.build()
        #expect(first.pagesRendered > 100)
        let home = try #require(project.inode("index.html"))
        let article = try #require(first.library?.articles.first?.path)
        let articleInode = try #require(project.inode(article))
        let second = try project.build()
        #expect(second.pagesRendered == Self.alwaysRendered)
        #expect(project.inode(article) == articleInode, "an unchanged page is the same file, not rewritten")
        #expect(project.inode("index.html") == home)
        try project.expectSameAsFullBuild(second)
    }

    @Test func touchingAFileWithoutChangingItRendersNothingMore() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        let text = try project.read("content/articles/dev_001.txt")
        try project.write("content/articles/dev_001.txt", text)
        let result = try project.build()
        #expect(result.pagesRendered == Self.alwaysRendered)
        try project.expectSameAsFullBuild(result)
    }

    @Test func appendingAParagraphRendersOnlyThePagesShowingTheArticle() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let first = try project.build()
        let text = try project.read("content/articles/dev_003.txt")
        try project.write("content/articles/dev_003.txt", text + "\nOfficials said the talks would continue.\n")
        let result = try project.build()
        // Its own page and the one page of each person and event list showing its quotes; not
        // the home, outlet, place and related-article lists, whose cards did not change.
        try Self.expectOnlyPagesShowing("dev_003.txt", built: first, then: result)
        try project.expectSameAsFullBuild(result)
    }

    @Test func theSiteBeforeTheLastIsWrittenOverAndWhatItHadMoreGoes() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let text = try project.read("content/articles/dev_005.txt")
        try project.write("content/articles/dev_005_copy.txt", "A second look\n\n" + text)
        let withCopy = try project.build()
        let copyPage = try #require(withCopy.paths.first { $0.contains("a-second-look") })
        unlink(project.content + "/articles/dev_005_copy.txt")
        try project.build()
        // The first site is kept, with the page the second one no longer has; and something at
        // its top that no site has (a search index made after the pages).
        #expect(access(project.previousSite + "/" + copyPage, F_OK) == 0)
        try project.write(".public.previous/junk.txt", "junk")
        let third = try project.build()
        #expect(third.pagesRendered == Self.alwaysRendered, "pages are right in the first site or kept from the second")
        #expect(access(project.output + "/" + copyPage, F_OK) != 0)
        #expect(access(project.output + "/junk.txt", F_OK) != 0)
        try project.expectSameAsFullBuild(third)
        // The second site is now the kept one.
        #expect(access(project.previousSite + "/" + copyPage, F_OK) != 0)
        #expect(access(project.previousSite + "/" + SiteWriter.marker, F_OK) == 0)
    }

    /// A kept site whose list is lost (or was made by other code, another theme or registry) is
    /// looked at, not emptied: each of its files that is the last site's own (a link of it) is
    /// left as it is, and what the new site has not goes.
    @Test func aKeptSiteWhoseListIsLostIsLookedAtNotEmptied() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let first = try project.build()
        try project.build()
        try project.write("cache/previous.bin", "garbage")
        try project.write(".public.previous/junk.txt", "junk")
        let page = try #require(first.paths.first { $0.hasPrefix("articles/") && $0.hasSuffix("/index.html") })
        let before = try #require(FileFingerprint.of(project.previousSite + "/" + page))
        #expect(FileFingerprint.of(project.output + "/" + page)?.inode == before.inode, "the two sites share the page's file")
        usleep(20_000) // any change of the file's links would show in its status time
        let third = try project.build()
        #expect(FileFingerprint.of(project.output + "/" + page) == before, "the file is left as it was, not removed and linked again")
        #expect(access(project.output + "/junk.txt", F_OK) != 0)
        try project.expectSameAsFullBuild(third)
    }

    @Test func withoutTheCacheNoSiteIsKept() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        try project.build()
        #expect(access(project.previousSite, F_OK) == 0)
        try project.build(cache: false)
        #expect(access(project.previousSite, F_OK) != 0)
    }

    @Test func editsOfTitleDateAndPeopleGiveTheFullBuildsSite() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        // A new title (the article's address changes), a quote by a registry person, a new date.
        let first = try project.read("content/articles/dev_002.txt")
        try project.write("content/articles/dev_002.txt", "Envoys meet again in Istanbul\n\n" + first)
        let retitled = try project.build()
        // `--timings` says why the whole library was read.
        let because = retitled.wholeLibraryBecause ?? ""
        #expect(because.contains("articles/dev_002.txt") && because.contains("title"), "\(because)")
        try project.expectSameAsFullBuild(retitled)
        let seed = try project.read("content/articles/001_d046daa32b3b511d.txt")
        try project.write("content/articles/001_d046daa32b3b511d.txt",
                          seed + "\n“We are ready to talk,” Russian Foreign Minister Sergei Lavrov said on Tuesday.\n")
        try project.expectSameAsFullBuild(try project.build())
        let other = try project.read("content/articles/dev_010.txt")
        try project.write("content/articles/dev_010.txt", other.replacingOccurrences(of: "2022", with: "2019"))
        try project.expectSameAsFullBuild(try project.build())
    }

    /// The disk, counting how often each file's fingerprint is asked for.
    final class CountingFileSystem: FileSystem, @unchecked Sendable {
        let disk = DiskFileSystem()
        private let lock = NSLock()
        private var counts: [String: Int] = [:]

        var fingerprints: [String: Int] { lock.withLock { counts } }
        func readFile(_ path: String) throws -> [UInt8] { try disk.readFile(path) }
        func listFiles(in directory: String) throws -> [String] { try disk.listFiles(in: directory) }
        func isDirectory(_ path: String) -> Bool { disk.isDirectory(path) }
        func isFile(_ path: String) -> Bool { disk.isFile(path) }
        func fingerprint(_ path: String) -> FileFingerprint? {
            lock.withLock { counts[path, default: 0] += 1 }
            return disk.fingerprint(path)
        }
    }

    /// An edit other pages show is tried as a body edit first, then built the whole way with
    /// what the try found: each article file is looked at once in the build, not once by each.
    @Test func aWholeBuildAfterABodyEditTryLooksAtEachArticleOnce() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        let seed = try project.read("content/articles/001_d046daa32b3b511d.txt")
        try project.write("content/articles/001_d046daa32b3b511d.txt",
                          seed + "\n“We are ready to talk,” Russian Foreign Minister Sergei Lavrov said on Tuesday.\n")
        let counting = CountingFileSystem()
        let result = try project.build(fileSystem: counting)
        #expect(!result.bodyEditsOnly)
        #expect(result.pagesRendered > 1)
        let articles = counting.fingerprints.filter { $0.key.contains("/articles/") }
        #expect(articles.count == result.articleCount)
        #expect(articles.values.allSatisfy { $0 == 1 }, "\(articles.values.max() ?? 0) looks at one file")
        try project.expectSameAsFullBuild(result)
    }

    /// A body edit the shortcut gives up on late (a paragraph removed: its anchor, which
    /// other pages may link to, is gone) is built the whole way from the last build's pages,
    /// not from nothing: only the pages showing the article are rendered.
    @Test func aBodyEditGivenUpLateStillReusesTheLastBuild() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let text = try project.read("content/articles/dev_003.txt")
        let extra = "\nOfficials said the talks would continue.\n\nThe next round was not yet scheduled.\n"
        try project.write("content/articles/dev_003.txt", text + extra)
        let first = try project.build()
        try project.write("content/articles/dev_003.txt", text + "\nOfficials said the talks would continue.\n")
        let result = try project.build()
        #expect(!result.bodyEditsOnly)
        try Self.expectOnlyPagesShowing("dev_003.txt", built: first, then: result)
        try project.expectSameAsFullBuild(result)
    }

    @Test func addingAndRemovingArticlesGiveTheFullBuildsSite() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        let text = try project.read("content/articles/dev_005.txt")
        try project.write("content/articles/dev_005_copy.txt", "A second look\n\n" + text)
        let added = try project.build()
        #expect(added.wholeLibraryBecause == "articles were added or removed")
        try project.expectSameAsFullBuild(added)
        unlink(project.content + "/articles/dev_005.txt")
        unlink(project.content + "/articles/dev_007.txt")
        try project.expectSameAsFullBuild(try project.build())
    }

    @Test func registryTemplateAndSettingChangesGiveTheFullBuildsSite() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        let people = try project.read("content/people.yml")
        try project.write("content/people.yml", people.replacingOccurrences(of: "country: Russia", with: "country: Russian Federation"))
        try project.expectSameAsFullBuild(try project.build())
        let article = try project.read("templates/article.mustache")
        try project.write("templates/article.mustache", article.replacingOccurrences(of: "</article>", with: "<!-- edited --></article>"))
        let afterTemplate = try project.build()
        #expect(afterTemplate.pagesRendered > 40, "every article page again")
        try project.expectSameAsFullBuild(afterTemplate)
        let site = try project.read("content/site.yml")
        try project.write("content/site.yml", site.replacingOccurrences(of: "title: Parley Digest", with: "title: Parley Test Digest"))
        try project.expectSameAsFullBuild(try project.build())
    }

    @Test func anEditNoOtherPageShowsWritesOnlyTheArticlesPage() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.addCopies(20)
        let first = try project.build()
        let library = try #require(first.library)
        #expect(library.articles.count > 50)
        // The oldest article: beyond the newest, whose bodies the site's feeds carry.
        let oldest = try #require(library.articles.last)
        let path = "content/" + oldest.article.source.path
        let text = try project.read(path)
        try project.write(path, text + "\nFurther details were not immediately available.\n")
        let home = try #require(project.inode("index.html"))
        let edited = try project.build()
        #expect(edited.bodyEditsOnly)
        #expect(edited.pagesRendered == 1)
        #expect(project.inode("index.html") == home, "the other pages are the last build's files")
        #expect(try project.read("public/" + oldest.path).contains("Further details were not immediately available."))
        try project.expectSameAsFullBuild(edited)

        // Nothing changed: nothing is made, the site starting from the one before the last.
        let same = try project.build()
        #expect(same.bodyEditsOnly)
        #expect(same.pagesRendered == 0)
        try project.expectSameAsFullBuild(same)

        // A quote by a registry person shows on the person's page: the whole way.
        try project.write(path, text + "\n“We are ready to talk,” Russian Foreign Minister Sergei Lavrov said on Tuesday.\n")
        let quoted = try project.build()
        #expect(!quoted.bodyEditsOnly)
        try project.expectSameAsFullBuild(quoted)

        // The newest article's body is in the site's feeds too, with absolute links.
        let newest = "content/" + library.articles[0].article.source.path
        try project.write(newest, try project.read(newest) + "\nFurther details were not immediately available.\n")
        let inFeeds = try project.build()
        #expect(inFeeds.bodyEditsOnly)
        #expect(try project.read("public/feed.xml").contains("Further details were not immediately available."))
        try project.expectSameAsFullBuild(inFeeds)
    }

    /// An article whose last quote is past its summary, with that quote as the file has it.
    static func quotedPastTheSummary(_ library: Library, in project: Project, skipping: Set<String> = [])
        throws -> (entry: ArticleEntry, path: String, text: String, quote: String)? {
        for entry in library.articles.reversed() where !skipping.contains(entry.path) {
            guard let quote = entry.analyzed.quotes.last?.text, quote.count > 30, quote.contains(" "),
                  !entry.summary.contains(quote.prefix(12)) else { continue }
            let path = "content/" + entry.article.source.path
            let text = try project.read(path)
            if text.contains(quote) { return (entry, path, text, quote) }
        }
        return nil
    }

    /// The text of a file with a word put after the first word of `quote`.
    static func reworded(_ text: String, quote: String, word: String) throws -> String {
        let space = try #require(quote.firstIndex(of: " "))
        let changed = quote[..<space] + " \(word)" + quote[space...]
        let at = try #require(text.range(of: quote))
        return text.replacingCharacters(in: at, with: changed)
    }

    /// Words changed in a quote past the summary: the article's page and the pages of the people
    /// and events listing it are made again, from the outline of the last library, and nothing
    /// else. Again after a body edit elsewhere (the outline stays right) and after a second
    /// quote edit (it was brought up to date).
    @Test func aQuoteEditRendersOnlyThePagesShowingTheArticle() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.addCopies(20)
        let first = try project.build()
        let library = try #require(first.library)
        let (entry, path, text, quote) = try #require(try Self.quotedPastTheSummary(library, in: project))
        let home = try #require(project.inode("index.html"))
        try project.write(path, try Self.reworded(text, quote: quote, word: "indeed"))
        let edited = try project.build()
        let (fromOutline, rendered) = (edited.bodyEditsOnly, edited.pagesRendered)
        #expect(fromOutline, "built from the outline, not the whole way")
        #expect(rendered > 1, "the pages listing the article are made again")
        try Self.expectOnlyPagesShowing(entry.article.source.path, built: first, then: edited)
        #expect(project.inode("index.html") == home, "the other pages are the last build's files")
        try project.expectSameAsFullBuild(edited)

        // A body edit of another article, then the same quote edited again.
        let other = try #require(library.articles.last { $0.path != entry.path })
        let otherPath = "content/" + other.article.source.path
        try project.write(otherPath, try project.read(otherPath) + "\nFurther details were not immediately available.\n")
        let bodyEdit = try project.build().bodyEditsOnly
        #expect(bodyEdit)
        try project.write(path, try Self.reworded(text, quote: quote, word: "surely"))
        let again = try project.build()
        let againFromOutline = again.bodyEditsOnly
        #expect(againFromOutline)
        try project.expectSameAsFullBuild(again)

        // A quote made plain words (its marks taken away): one quote fewer, the outline's quotes
        // brought up to date and kept again (after the edits of words only, it was left as it was).
        let outlineFile = project.cache + "/library.bin"
        let outlineBefore = FileFingerprint.of(outlineFile)
        let current = try project.read(path)
        let words = try #require(current.range(of: "surely"))
        let open = try #require(current.range(of: "\u{201C}", options: .backwards, range: current.startIndex..<words.lowerBound))
        let close = try #require(current.range(of: "\u{201D}", range: words.upperBound..<current.endIndex))
        var unquoted = current
        unquoted.removeSubrange(close)
        unquoted.removeSubrange(open)
        try project.write(path, unquoted)
        let fewer = try project.build()
        let fewerFromOutline = fewer.bodyEditsOnly
        #expect(fewerFromOutline, "\(fewer.wholeLibraryBecause ?? "")")
        #expect(outlineBefore != nil && FileFingerprint.of(outlineFile) != outlineBefore, "the outline kept again")
        try project.expectSameAsFullBuild(fewer)

        // A second article's quote, the outline carried from the last quote edit.
        let (_, secondPath, secondText, secondQuote) = try #require(try Self.quotedPastTheSummary(library, in: project, skipping: [entry.path]))
        try project.write(secondPath, try Self.reworded(secondText, quote: secondQuote, word: "plainly"))
        let second = try project.build()
        let secondFromOutline = second.bodyEditsOnly
        #expect(secondFromOutline)
        try project.expectSameAsFullBuild(second)
    }

    /// The file's text with a word added in the article's summary (its first sentences): in a
    /// quote of it (`inQuote`), or else after a common word; nil when the summary is not in the
    /// file as it is, or is where the title or standfirst comes from too.
    static func summaryEdited(_ entry: ArticleEntry, _ text: String, inQuote: Bool) throws -> String? {
        let a = entry.article
        guard !a.titleDerived, a.standfirst.map({ !entry.summary.contains($0) && !$0.contains(entry.summary) }) ?? true,
              let summary = text.range(of: entry.summary) else { return nil }
        if inQuote {
            guard let quote = entry.analyzed.quotes.map(\.text).first(where: { entry.summary.contains($0) && $0.contains(" ") }) else { return nil }
            return try reworded(text, quote: quote, word: "indeed")
        }
        for word in [" the ", " a ", " to ", " and "] where entry.summary.contains(word) {
            return text.replacingCharacters(in: summary, with: entry.summary.replacingOccurrences(of: word, with: word + "very "))
        }
        return nil
    }

    /// Words changed in an article's first sentences, which are its summary: the pages listing
    /// it (its people's, events', outlet's and places' pages, the home page, the articles naming
    /// it as related), the feeds of its people and events and its own page are made again from
    /// the outline, and the site is a full build's. Once in a quote of the summary, once
    /// outside quotes, once in one of the newest articles (the site's feeds carry its summary);
    /// with a theme that shows related articles' summaries.
    @Test func aSummaryEditRendersThePagesListingTheArticle() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.addCopies(20)
        // A theme that shows the summaries of related articles too.
        let article = try project.read("templates/article.mustache")
        let related = "<a href=\"{{root}}{{href}}\">{{title}}</a>{{#date}} <span class=\"when\">{{date}}</span>{{/date}}{{#source}}"
        #expect(article.contains(related))
        try project.write("templates/article.mustache", article.replacingOccurrences(of: related, with: "{{summary}} " + related))
        let first = try project.build()
        let library = try #require(first.library)
        let oldestFirst = Array(library.articles.indices.reversed())
        let newest = Array(library.articles.indices.prefix(20)) // among the newest 50 the feeds carry
        var used: Set<Int> = []
        for (candidates, inQuote) in [(oldestFirst, true), (oldestFirst, false), (newest, false)] {
            var chosen: (index: Int, path: String, text: String)?
            for index in candidates where !used.contains(index) {
                let entry = library.articles[index]
                let path = "content/" + entry.article.source.path
                if let edited = try Self.summaryEdited(entry, try project.read(path), inQuote: inQuote) {
                    chosen = (index, path, edited)
                    break
                }
            }
            let (index, path, edited) = try #require(chosen)
            used.insert(index)
            try project.write(path, edited)
            let result = try project.build()
            let (fromOutline, rendered) = (result.bodyEditsOnly, result.pagesRendered)
            #expect(fromOutline, "\(path): built from the outline, not the whole way")
            #expect(rendered > 1 && rendered < result.pageJobs / 4, "\(rendered) pages of \(result.pageJobs)")
            try project.expectSameAsFullBuild(result)
        }

        // In one build, a summary edited and a paragraph added to an article listing it as related.
        var pair: (summary: (path: String, text: String), body: String)?
        for index in library.articles.indices.reversed() where !used.contains(index) && pair == nil {
            let entry = library.articles[index]
            let path = "content/" + entry.article.source.path
            guard let edited = try Self.summaryEdited(entry, try project.read(path), inQuote: false),
                  let other = library.articles.indices.first(where: { $0 != index && library.related(to: $0).contains(index) })
            else { continue }
            pair = ((path, edited), "content/" + library.articles[other].article.source.path)
        }
        let (summary, body) = try #require(pair)
        try project.write(summary.path, summary.text)
        try project.write(body, try project.read(body) + "\nFurther details were not immediately available.\n")
        let both = try project.build()
        let bothFromOutline = both.bodyEditsOnly
        #expect(bothFromOutline)
        try project.expectSameAsFullBuild(both)
    }

    /// Without the outline (a cache of an older Parley, or one lost), a quote edit is built the
    /// whole way, and right.
    @Test func aQuoteEditWithoutTheOutlineIsBuiltTheWholeWay() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let first = try project.build()
        let library = try #require(first.library)
        let (_, path, text, quote) = try #require(try Self.quotedPastTheSummary(library, in: project))
        #expect(unlink(project.cache + "/library.bin") == 0)
        try project.write(path, try Self.reworded(text, quote: quote, word: "indeed"))
        let edited = try project.build()
        let fromOutline = edited.bodyEditsOnly
        #expect(!fromOutline)
        try project.expectSameAsFullBuild(edited)
    }

    @Test func linksInAnEditedBodyAreCheckedAsInAWholeBuild() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.addCopies(20)
        let notes = "---\ntitle: Notes from the archive\ndate: 2001-01-01\n---\nThe archive holds older material. See [the report](../../missing/).\n"
        try project.write("content/articles/zz_notes.md", notes)
        let first = try project.build()
        #expect(first.errorCount == 1, "\(first.diagnostics.filter { $0.severity == .error })")
        let twoLinks = notes + "\nA second look, with [another link](../../gone/).\n"
        try project.write("content/articles/zz_notes.md", twoLinks)
        let moreBroken = try project.build()
        #expect(moreBroken.bodyEditsOnly)
        #expect(moreBroken.errorCount == 2)
        try project.expectSameAsFullBuild(moreBroken)
        try project.write("content/articles/zz_notes.md", twoLinks.replacingOccurrences(of: "../../missing/", with: "../../people/")
            .replacingOccurrences(of: "../../gone/", with: "../../events/"))
        let mended = try project.build()
        #expect(mended.bodyEditsOnly)
        #expect(mended.errorCount == 0)
        try project.expectSameAsFullBuild(mended)
        // A paragraph taken out takes its anchor with it, which another page may link to.
        try project.write("content/articles/zz_notes.md", notes)
        let shorter = try project.build()
        #expect(!shorter.bodyEditsOnly)
        try project.expectSameAsFullBuild(shorter)
    }

    @Test func aThemeShowingTheBodyTwiceIsBuiltTheWholeWay() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.addCopies(20)
        let article = try project.read("templates/article.mustache")
        try project.write("templates/article.mustache", article.replacingOccurrences(of: "</article>", with: "<template>{{{body}}}</template></article>"))
        let first = try project.build()
        let oldest = try #require(first.library?.articles.last)
        let path = "content/" + oldest.article.source.path
        try project.write(path, try project.read(path) + "\nFurther details were not immediately available.\n")
        let edited = try project.build()
        let fromOutline = edited.bodyEditsOnly
        #expect(!fromOutline)
        try project.expectSameAsFullBuild(edited)
    }

    @Test func aChangedOutputFolderIsNotTrusted() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        // Another tool rebuilt the output (a new marker): nothing of it is kept.
        try project.build(cache: false)
        let result = try project.build()
        #expect(result.pagesRendered > 100)
        try project.expectSameAsFullBuild(result)
    }

    /// Every file of the cache, damaged: a build that reads one finds it unusable.
    static func damageCache(of project: Project) throws -> [String] {
        let names = try project.disk.listFiles(in: project.cache)
        for name in names { try project.write("cache/" + name, "garbage") }
        return names
    }

    /// A process that keeps the cache in memory between its builds (`parley serve`) takes the
    /// articles' records and the manifests from there, not from the files: with every file of
    /// the cache damaged after each build, an edit of a quote (which person and event pages
    /// show) still renders only the pages showing the article, the other articles' files are
    /// not read (they stay damaged: a build that reads a damaged record analyzes the article
    /// again and writes its record anew), and the site is a full build's. The third build
    /// starts from the site before the last, whose manifest the memory holds as the file's
    /// rename left it.
    @Test func aProcessKeepsTheCacheInMemoryBetweenBuilds() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let memory = BuildMemory()
        let name = "000_7f7ece3c25ce500e.txt"
        // The library of the whole build: the edits below change a quote, not who is listed where.
        let first = try project.build(memory: memory)
        for (old, new) in [("in close contact", "in close and daily contact"), ("in close and daily contact", "in close and constant contact")] {
            let damaged = try Self.damageCache(of: project).filter { $0.hasPrefix("analysis/") }
            #expect(damaged.count > 40)
            let text = try project.read("content/articles/" + name)
            #expect(text.contains("“We are " + old))
            try project.write("content/articles/" + name, text.replacingOccurrences(of: "“We are " + old, with: "“We are " + new))
            let result = try project.build(memory: memory)
            try Self.expectOnlyPagesShowing(name, built: first, then: result)
            let rewritten = try damaged.filter { try project.read("cache/" + $0) != "garbage" }
            #expect(rewritten.count == 1, "records read from the damaged files: \(rewritten.count)")
            try project.expectSameAsFullBuild(result)
        }
    }

    /// `parley serve` keeps the library outline in memory: a quote edit takes it from there
    /// (here the file is gone), and the site is a full build's.
    @Test func aProcessKeepsTheLibraryOutlineInMemory() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let memory = BuildMemory()
        let first = try project.build(memory: memory)
        let library = try #require(first.library)
        let (_, path, text, quote) = try #require(try Self.quotedPastTheSummary(library, in: project))
        #expect(unlink(project.cache + "/library.bin") == 0)
        try project.write(path, try Self.reworded(text, quote: quote, word: "indeed"))
        let edited = try project.build(memory: memory)
        let fromOutline = edited.bodyEditsOnly
        #expect(fromOutline, "the outline kept in memory")
        try project.expectSameAsFullBuild(edited)
    }

    /// What the memory holds of the manifests is used only for the output folder it was made
    /// for. Here another process builds an edit, and the edit is undone: the memory's manifest
    /// says the article's page is as the undone content makes it, but the output holds the
    /// edited page. The build goes by the files instead (damaged, so every page is rendered)
    /// and the site is a full build's.
    @Test func theMemoryOfAnotherOutputIsNotUsed() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        let memory = BuildMemory()
        try project.build(memory: memory)
        let path = "content/articles/dev_002.txt"
        let text = try project.read(path)
        try project.write(path, text + "\nOfficials said the talks would resume in the spring.\n")
        try project.build()
        try project.write(path, text)
        _ = try Self.damageCache(of: project)
        let result = try project.build(memory: memory)
        #expect(result.pagesRendered > 100)
        try project.expectSameAsFullBuild(result)
    }

    @Test func aDamagedCacheMeansAFullBuild() throws {
        let project = try Project()
        defer { try? removeTree(project.root) }
        try project.build()
        for name in try project.disk.listFiles(in: project.cache) {
            try project.write("cache/" + name, "garbage")
        }
        let result = try project.build()
        #expect(result.pagesRendered > 100)
        try project.expectSameAsFullBuild(result)
    }
}
