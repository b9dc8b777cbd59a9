import Ingest
import ParleyTestSupport
import Site
import Testing

/// A build that writes its files as it renders them (`build(into:)` a staging folder) makes the
/// same site as a build in memory, and leaves the output alone until it is committed.
@Suite struct StreamingBuildTests {
    static let options = BuildOptions(contentDirectory: RepositoryPaths.inRepository("content"),
                                      templatesDirectory: RepositoryPaths.inRepository("templates"))

    @Test func writtenAsRenderedIsTheSiteBuiltInMemory() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let output = root + "/public"
        let memory = SiteBuilder(options: Self.options).build()
        let staging = try SiteWriter(output: output).begin()
        let streamed = SiteBuilder(options: Self.options).build(into: staging)
        #expect(streamed.files.isEmpty, "nothing is kept in memory")
        #expect(streamed.paths == memory.files.map(\.path))
        #expect(streamed.summary == memory.summary)
        #expect(DiskFileSystem().isDirectory(output) == false, "the output is untouched until the commit")
        try staging.commit()
        let disk = DiskFileSystem()
        let written = try disk.listFiles(in: output).filter { $0 != SiteWriter.marker }.sorted()
        #expect(written == memory.files.map(\.path))
        for file in memory.files {
            #expect(try disk.readFile(output + "/" + file.path) == file.bytes, "\(file.path)")
        }
    }

    @Test func aTemplateErrorGivesNoPathsSoTheStagingIsDiscarded() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { try? removeTree(root) }
        let templates = root + "/templates"
        let disk = DiskFileSystem()
        let theme = try disk.listFiles(in: RepositoryPaths.inRepository("templates")).map { name in
            var bytes = try disk.readFile(RepositoryPaths.inRepository("templates") + "/" + name)
            if name == "person.mustache" { bytes += Array("{{#unclosed}}".utf8) }
            return OutputFile(path: name, bytes: bytes)
        }
        try SiteWriter(output: templates).write(theme)
        let staging = try SiteWriter(output: root + "/public").begin()
        let result = SiteBuilder(options: BuildOptions(contentDirectory: RepositoryPaths.inRepository("content"), templatesDirectory: templates))
            .build(into: staging)
        #expect(result.paths.isEmpty)
        #expect(result.diagnostics.contains { $0.severity == .error && $0.file == "person.mustache" })
        staging.discard()
        #expect(try disk.listFiles(in: root).allSatisfy { $0.hasPrefix("templates/") }, "no staging folder is left")
    }

}
