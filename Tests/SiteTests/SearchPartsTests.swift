import Foundation
import Ingest
import ParleyCore
import ParleyTestSupport
import Render
@testable import Site
import Testing

/// A large site's search index in parts: how many, which page goes where, what the search page
/// is told, and what each part was made from.
@Suite struct SearchPartsTests {
    func pages(_ count: Int, prefix: String = "articles/story-") -> [SearchScope.Page] {
        (0..<count).map { SearchScope.Page(path: "\(prefix)\($0)/index.html", digest: ContentDigest.of("page \($0)")) }
    }

    @Test func aPartHoldsAtMostAThousandPagesOnAverageInAPowerOfTwoOfParts() {
        #expect(SearchParts.count(pages: 0) == 1)
        #expect(SearchParts.count(pages: 1000) == 1, "up to a part's worth, the site is indexed whole")
        #expect(SearchParts.count(pages: 1001) == 2)
        #expect(SearchParts.count(pages: 2000) == 2)
        #expect(SearchParts.count(pages: 2001) == 4)
        #expect(SearchParts.count(pages: 10_000) == 16)
        #expect(SearchParts.count(pages: 1_000_000) == SearchParts.maximumParts)
        #expect(SearchParts.count(pages: 5, perPart: 2) == 4)
        #expect(SearchParts.count(pages: 5, perPart: 0) == 1)
    }

    @Test func everyPageIsInExactlyOnePartChosenByItsPathAlone() {
        let all = pages(5000)
        let parts = SearchParts.split(all)
        #expect(parts.count == 8)
        #expect(parts.map(\.folder) == [""] + (1..<8).map { "parts/\($0)/" })
        // A partition: each page once, in path order within its part.
        let placed = parts.flatMap(\.pages)
        #expect(placed.count == all.count)
        #expect(Set(placed.map(\.path)) == Set(all.map(\.path)))
        for part in parts { #expect(part.pages.map(\.path) == part.pages.map(\.path).sorted()) }
        // Random samples of the site: no part far from an eighth.
        for part in parts { #expect((500...750).contains(part.pages.count), "\(part.folder): \(part.pages.count) pages") }
        // The order the pages come in does not matter.
        var generator = SplitMix64(seed: 7)
        #expect(SearchParts.split(all.shuffled(using: &generator)) == parts)
        // A page added (the number of parts unchanged) goes into one part; the others are as they were.
        let grown = SearchParts.split(all + pages(1, prefix: "articles/new-"))
        #expect(grown.count == parts.count)
        let changed = zip(grown, parts).filter { $0 != $1 }
        #expect(changed.count == 1)
        #expect(changed.first.map { $0.0.pages.count == $0.1.pages.count + 1 } == true)
    }

    @Test func emptyPartsAreLeftOutAndTheFirstPartIsTheSitesIndex() {
        let parts = SearchParts.split(pages(5), perPart: 2)
        #expect(!parts.isEmpty)
        #expect(parts.allSatisfy { !$0.pages.isEmpty })
        #expect(parts.first?.folder == "")
        #expect(parts.dropFirst().allSatisfy { $0.folder.hasPrefix("parts/") && $0.folder.hasSuffix("/") })
        #expect(parts.flatMap(\.pages).count == 5)
        #expect(SearchParts.split([]).isEmpty)
    }

    @Test func theSearchPageIsToldTheOtherParts() {
        let parts = [SearchParts.Part(folder: "", pages: pages(1)), SearchParts.Part(folder: "parts/2/", pages: pages(1)),
                     SearchParts.Part(folder: "parts/3/", pages: pages(1))]
        let list = SearchParts.list(parts)
        #expect(list.path == "parts.json")
        #expect(String(decoding: list.bytes, as: UTF8.self) == "{\"parts\":[\"parts/2/\",\"parts/3/\"]}\n")
        let decoded = try? JSONSerialization.jsonObject(with: Data(list.bytes)) as? [String: [String]]
        #expect(decoded?["parts"] == ["parts/2/", "parts/3/"])
        #expect(String(decoding: SearchParts.list(Array(parts.prefix(1))).bytes, as: UTF8.self) == "{\"parts\":[]}\n")
    }

    @Test func whatEachPartWasMadeFromIsKeptForTheSiteItDescribes() throws {
        let folder = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(folder) }
        let site = FileFingerprint(size: 10, modified: 1, changed: 1, inode: 2, device: 1)
        let other = FileFingerprint(size: 10, modified: 1, changed: 1, inode: 3, device: 1)
        #expect(SearchIndexStamp.load(cache: folder, output: site).isEmpty, "nothing kept yet")
        let identities = ["": ContentDigest.of("a"), "parts/3/": ContentDigest.of("b"), "parts/1/": ContentDigest.of("c")]
        try SearchIndexStamp.save(cache: folder, identities: identities, output: site)
        #expect(SearchIndexStamp.load(cache: folder, output: site) == identities)
        #expect(SearchIndexStamp.load(cache: folder, output: other).isEmpty, "another site's index is not this one")
        // A part's identity changes with its pages and with what the indexer is given.
        let one = SearchIndexStamp.identity(pages: ContentDigest.of("p"), scope: "part parts/1/", indexer: "/bin/true", environment: [:])
        #expect(one == SearchIndexStamp.identity(pages: ContentDigest.of("p"), scope: "part parts/1/", indexer: "/bin/true", environment: ["HOME": "/"]))
        #expect(one != SearchIndexStamp.identity(pages: ContentDigest.of("q"), scope: "part parts/1/", indexer: "/bin/true", environment: [:]))
        #expect(one != SearchIndexStamp.identity(pages: ContentDigest.of("p"), scope: "part parts/2/", indexer: "/bin/true", environment: [:]))
        #expect(one != SearchIndexStamp.identity(pages: ContentDigest.of("p"), scope: "part parts/1/", indexer: "/bin/true",
                                                 environment: ["PAGEFIND_FORCE_LANGUAGE": "en"]))
    }
}
