import Foundation
import Ingest
import ParleyTestSupport
import Site
import Testing

/// Builds whole fixture sites under Tests/Fixtures/sites/NAME/content with the default theme
/// and compares every output file with Tests/Fixtures/sites/NAME/expected.
///
/// After an intended change of output, regenerate with
/// `PARLEY_UPDATE_GOLDEN=1 swift test --filter GoldenSiteTests` and review the diff.
@Suite struct GoldenSiteTests {
    static let sites = ["basic"]

    @Test(arguments: sites)
    func outputMatchesGolden(site: String) throws {
        let folder = RepositoryPaths.inRepository("Tests/Fixtures/sites/\(site)")
        let result = SiteBuilder(options: BuildOptions(contentDirectory: folder + "/content",
                                                       templatesDirectory: RepositoryPaths.inRepository("templates"))).build()
        #expect(result.errorCount == 0, "\(result.diagnostics)")
        let expectedFolder = folder + "/expected"
        let produced = Dictionary(uniqueKeysWithValues: result.files.map { ($0.path, $0.bytes) })

        if ProcessInfo.processInfo.environment["PARLEY_UPDATE_GOLDEN"] == "1" {
            try? removeTree(expectedFolder)
            try SiteWriter(output: expectedFolder).write(result.files)
            try? FileManager.default.removeItem(atPath: expectedFolder + "/" + SiteWriter.marker)
            return
        }
        let fs = DiskFileSystem()
        let expectedPaths = try fs.listFiles(in: expectedFolder)
        #expect(expectedPaths == produced.keys.sorted(), "the set of output files changed")
        for path in expectedPaths {
            let expected = try fs.readFile(expectedFolder + "/" + path)
            let actual = produced[path] ?? []
            if expected != actual {
                let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                let line = Array(zip(e, a)).firstIndex { $0 != $1 } ?? min(e.count, a.count)
                Issue.record("\(path) differs from golden at line \(line + 1):\n  expected: \(line < e.count ? String(e[line]) : "<end>")\n  actual:   \(line < a.count ? String(a[line]) : "<end>")")
            }
        }
    }
}
