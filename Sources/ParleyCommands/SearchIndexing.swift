import Foundation
import Ingest
import Render
import Site

/// Makes the search index of a new site in its staging folder, before the swap: the whole index
/// at once for a site of up to `SearchParts.pagesPerPart` marked pages, else in parts
/// (`SearchParts`). An index, or a part, whose pages are byte for byte the ones the output's
/// was made from is linked from the output instead of made again (`SearchIndexStamp`).
struct SearchIndexing {
    var pagefind: Pagefind
    /// The build whose site is indexed.
    var scope: String?
    var pages: ContentDigest?
    var markedPages: [SearchScope.Page]
    var staging: SiteWriter.Staging
    /// The build cache, where what the index was made from is noted; nil to note nothing.
    var cacheFolder: String?
    var environment: [String: String]
    /// Pages per part (`PARLEY_SEARCH_PART_PAGES`, else `SearchParts.pagesPerPart`).
    var perPart = SearchParts.pagesPerPart

    /// The folder Pagefind writes its index into, in the site.
    static let indexFolder = "pagefind"

    init(pagefind: Pagefind, result: BuildResult, staging: SiteWriter.Staging, cacheFolder: String?,
         environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.pagefind = pagefind
        (scope, pages, markedPages) = result.searchInputs
        self.staging = staging
        self.cacheFolder = cacheFolder
        self.environment = environment
        if let given = environment["PARLEY_SEARCH_PART_PAGES"].flatMap({ Int($0) }), given > 0 { perPart = given }
    }

    /// Indexes the site in the staging folder `folder`; returns what to report after `search: `.
    func run(in folder: String) throws(WriteError) -> String {
        let last = cacheFolder.flatMap { cache in staging.previousStamp.map { SearchIndexStamp.load(cache: cache, output: $0) } } ?? [:]
        let parts = SearchParts.split(markedPages, perPart: perPart)
        var identities: [String: ContentDigest] = [:]
        let report: String
        // What the staging folder holds of an index (a reused site's) is never this site's.
        try? removeTree(folder + "/" + Self.indexFolder)
        if parts.count <= 1 {
            // The whole site, the indexer given the glob of the marked pages' folders.
            let identity = pages.map { identityOf(pages: $0, given: scope) }
            if let identity, last[""] == identity, keep(part: "") {
                report = "Pagefind index kept (the pages it indexes did not change)"
            } else {
                report = "Pagefind " + (try pagefind.index(site: folder, scope: scope))
            }
            identities[""] = identity
        } else {
            // The parts whose pages did not change are linked first (the first part, when it is
            // one of them, before any other: a part that cannot be linked is removed), then the
            // others are made, two at a time.
            var changed: [(number: Int, part: SearchParts.Part)] = []
            for (number, part) in parts.enumerated() {
                let identity = identityOf(pages: SearchScope.digest(of: part.pages)!, given: "part " + part.folder)
                identities[part.folder] = identity
                if last[part.folder] == identity, keep(part: part.folder) { continue }
                changed.append((number, part))
            }
            let indexed = try Self.concurrently(changed, width: Self.concurrentRuns) { number, part throws(WriteError) in
                try index(part, site: folder, pages: staging.scratchFolder("search-\(number)"))
            }.reduce(0, +)
            let made = changed.count
            report = switch made {
            case 0: "Pagefind index kept: \(parts.count) parts (the pages they index did not change)"
            case parts.count: "Pagefind indexed \(indexed) pages in \(parts.count) parts"
            default: "Pagefind indexed \(indexed) pages again, \(made) of \(parts.count) parts (the others kept: their pages did not change)"
            }
        }
        try staging.put(SearchParts.list(parts).inFolder(Self.indexFolder))
        if let cacheFolder, let stamp = staging.stamp {
            try SearchIndexStamp.save(cache: cacheFolder, identities: identities, output: stamp)
        }
        return report
    }

    private func identityOf(pages: ContentDigest, given: String?) -> ContentDigest {
        SearchIndexStamp.identity(pages: pages, scope: given, indexer: pagefind.executable, environment: environment)
    }

    /// Links the output's index, or one part of it (its folder in the index folder; "" for the
    /// index of a whole site or the first part), into the new site; false, and nothing of it in
    /// the new site, when one of its files cannot be.
    func keep(part: String) -> Bool {
        let index = Self.indexFolder + "/"
        let folder = staging.root + "/" + index + part
        guard let files = try? DiskFileSystem().listFiles(in: staging.output + "/" + index + part) else { return false }
        // The first part is the index folder's own files: not the other parts, nor their list.
        let own = part.isEmpty ? files.filter { !$0.hasPrefix(SearchParts.folder) && $0 != SearchParts.listFile } : files
        guard !own.isEmpty, own.allSatisfy({ staging.keep(index + part + $0) }) else {
            try? removeTree(folder) // parts are kept in order: the first one before any other
            return false
        }
        return true
    }

    /// Pagefind runs at a time: one run keeps about one and a half cores busy (1.4 s for two
    /// parts of 630 pages one after the other, 0.9 s side by side), and each holds its part in
    /// memory (about 150 MB for 630 pages).
    static let concurrentRuns = 2

    /// `work` done on each item, `width` items at a time (each on a thread of its own), the
    /// results in the items' order; the first error thrown is thrown once every item started has
    /// finished, and no item starts after it.
    static func concurrently<Item: Sendable, Result: Sendable>(_ items: [Item], width: Int,
                                                              _ work: @escaping @Sendable (Item) throws(WriteError) -> Result) throws(WriteError) -> [Result] {
        let shared = Locked((results: [Result?](repeating: nil, count: items.count), next: 0, failure: WriteError?.none))
        @Sendable func drain() {
            while true {
                let index: Int? = shared.withLock { state in
                    guard state.failure == nil, state.next < items.count else { return nil }
                    state.next += 1
                    return state.next - 1
                }
                guard let index else { return }
                do throws(WriteError) {
                    let result = try work(items[index])
                    shared.withLock { $0.results[index] = result }
                } catch {
                    shared.withLock { $0.failure = $0.failure ?? error }
                }
            }
        }
        let finished = DispatchGroup()
        for _ in 1..<max(1, min(width, items.count)) {
            finished.enter()
            Thread { drain(); finished.leave() }.start()
        }
        drain()
        finished.wait()
        let (results, failure) = shared.withLock { ($0.results, $0.failure) }
        if let failure { throw failure }
        return results.map { $0! }
    }

    /// Indexes the pages of one part into its folder of the index: Pagefind is run on a folder
    /// (`pages`, a scratch folder) holding those pages alone, linked at their paths in the site so
    /// the addresses are the site's. Returns how many pages it indexed.
    private func index(_ part: SearchParts.Part, site folder: String, pages: String) throws(WriteError) -> Int {
        try? removeTree(pages)
        defer { try? removeTree(pages) }
        try staging.linkFiles(part.pages.map(\.path), into: pages)
        let output = folder + "/" + Self.indexFolder + (part.folder.isEmpty ? "" : "/" + part.folder.dropLast())
        let said = try pagefind.index(site: pages, outputPath: output)
        return said.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? part.pages.count
    }
}

extension OutputFile {
    /// The same file, in `folder` of the site.
    func inFolder(_ folder: String) -> OutputFile {
        OutputFile(path: folder + "/" + path, bytes: bytes)
    }
}
