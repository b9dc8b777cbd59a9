#if canImport(Glibc)
import Glibc
#endif
import Ingest
import ParleyTestSupport
import Site
import Testing

@Suite struct SiteWriterTests {
    func read(_ path: String) -> String? {
        guard let bytes = try? DiskFileSystem().readFile(path) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    func entries(_ folder: String) -> [String] {
        (try? DiskFileSystem().listFiles(in: folder)) ?? []
    }

    /// The names in a folder, hidden ones included.
    func names(in folder: String) -> [String] {
        var names: [String] = []
        if let dir = opendir(folder) {
            while let entry = readdir(dir) {
                let name = directoryEntryName(entry)
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(dir)
        }
        return names.sorted()
    }

    @Test func writesAndReplacesTheWholeSite() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let output = root + "/public"
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "one"), OutputFile(path: "a/b/index.html", text: "b")])
        #expect(read(output + "/index.html") == "one")
        #expect(read(output + "/a/b/index.html") == "b")
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "two")])
        #expect(read(output + "/index.html") == "two")
        #expect(read(output + "/a/b/index.html") == nil, "files of the previous build are gone")
        // Nothing is left beside the output: no staging or old folder.
        #expect(names(in: root) == ["public"])
    }

    @Test func refusesToReplaceAFolderParleyDidNotBuild() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let output = root + "/mine"
        mkdir(output, 0o755)
        let fd = open(output + "/thesis.txt", O_WRONLY | O_CREAT, 0o644)
        close(fd)
        #expect(throws: WriteError.self) { try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "x")]) }
        #expect(read(output + "/thesis.txt") == "")
    }

    @Test func unsafePathsAreRefusedAndTheOldSiteStays() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let output = root + "/public"
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "good")])
        #expect(throws: WriteError.self) {
            try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "bad"), OutputFile(path: "../escape.html", text: "x")])
        }
        #expect(read(output + "/index.html") == "good")
        #expect(read(root + "/escape.html") == nil)
    }

    @Test func staleStagingFoldersOfKilledBuildsAreRemoved() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        // A staging folder of a build that no longer runs (pid 999999 does not exist).
        mkdir(root + "/.public.staging-999999", 0o755)
        try SiteWriter(output: root + "/public").write([OutputFile(path: "index.html", text: "x")])
        #expect(!RepositoryPaths.exists(root + "/.public.staging-999999"))
    }

    @Test func beforeSwapSeesTheWholeNewSiteWhileTheOldOneIsStillInPlace() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let output = root + "/public"
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "old")])
        var seen: (staged: String?, live: String?) = (nil, nil)
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "new"), OutputFile(path: "a/index.html", text: "a")]) { staging in
            seen = (read(staging + "/index.html"), read(output + "/index.html"))
            #expect(read(staging + "/a/index.html") == "a")
            let fd = open(staging + "/added.txt", O_WRONLY | O_CREAT, 0o644)
            _ = write(fd, "index", 5)
            close(fd)
        }
        #expect(seen.staged == "new")
        #expect(seen.live == "old", "the hook runs before the swap")
        #expect(read(output + "/index.html") == "new")
        #expect(read(output + "/added.txt") == "index", "what the hook adds is swapped in with the site")
    }

    @Test func aFailingBeforeSwapLeavesTheOldSiteAndNoStaging() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let output = root + "/public"
        try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "old")])
        #expect(throws: WriteError.self) {
            try SiteWriter(output: output).write([OutputFile(path: "index.html", text: "new")]) { staging throws(WriteError) in
                throw WriteError(path: staging, message: "indexer failed")
            }
        }
        #expect(read(output + "/index.html") == "old")
        #expect(names(in: root) == ["public"], "no staging folder is left")
    }
}
