import Ingest
import ParleyTestSupport
import Site

/// A site assembled in memory for a test: the default theme from templates/, a good article,
/// and whatever files the test adds (content paths relative to `content/`).
struct FixtureContent {
    static let theme: [String: [UInt8]] = {
        let fs = DiskFileSystem()
        let root = RepositoryPaths.inRepository("templates")
        var files: [String: [UInt8]] = [:]
        for name in (try? fs.listFiles(in: root)) ?? [] {
            files["templates/" + name] = try? fs.readFile(root + "/" + name)
        }
        return files
    }()

    static func badInput(_ name: String) -> [UInt8] {
        (try? DiskFileSystem().readFile(RepositoryPaths.inRepository("Tests/Fixtures/bad-input/" + name))) ?? []
    }

    var files: [String: [UInt8]] = theme.merging([
        "content/articles/good.txt": Array("A good story\n\nThe ministers met in Geneva on Monday.\n".utf8),
    ]) { a, _ in a }

    mutating func add(_ contentPath: String, _ bytes: [UInt8]) { files["content/" + contentPath] = bytes }

    mutating func add(_ contentPath: String, text: String) { add(contentPath, Array(text.utf8)) }

    /// Adds a file of Tests/Fixtures/bad-input under `contentPath`.
    mutating func add(_ contentPath: String, badInput name: String) { add(contentPath, Self.badInput(name)) }

    func build(baseURL: String? = nil) -> BuildResult {
        SiteBuilder(options: BuildOptions(contentDirectory: "content", templatesDirectory: "templates", baseURL: baseURL),
                    fileSystem: MemoryFileSystem(bytes: files)).build()
    }
}
