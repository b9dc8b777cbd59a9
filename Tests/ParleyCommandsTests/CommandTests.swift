import ArgumentParser
import Foundation
import Ingest
import ParleyCommands
import ParleyTestSupport
import Site
import Testing

/// The commands as a user runs them, exit codes included.
@Suite struct CommandTests {
    /// Runs a subcommand in-process; returns its exit code.
    func run(_ arguments: [String]) -> Int32 {
        do {
            var command = try ParleyCommand.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let exit as ExitCode {
            return exit.rawValue
        } catch {
            return ParleyCommand.exitCode(for: error).rawValue
        }
    }

    /// A content folder on disk with one good article and, optionally, more files.
    func contentFolder(_ extra: [String: String] = [:]) -> String {
        let root = RepositoryPaths.temporaryFolder()
        var files = ["content/articles/good.txt": "A good story\n\nThe ministers met in Geneva on Monday.\n"]
        files.merge(extra) { _, new in new }
        for (path, text) in files {
            let full = root + "/" + path
            try? FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: full, contents: Data(text.utf8))
        }
        return root
    }

    let templates = RepositoryPaths.inRepository("templates")

    @Test func buildSucceedsAndWritesTheSite() {
        let root = contentFolder()
        defer { try? removeTree(root) }
        #expect(run(["build", "--content", root + "/content", "--templates", templates, "--output", root + "/public"]) == 0)
        #expect(RepositoryPaths.exists(root + "/public/index.html"))
        #expect(RepositoryPaths.exists(root + "/public/articles/a-good-story/index.html"))
        #expect(RepositoryPaths.exists(root + "/public/articles/a-good-story/index.md"))
    }

    @Test func buildWithABadArticleExitsOneButWritesTheRest() {
        let root = contentFolder(["content/articles/empty.txt": ""])
        defer { try? removeTree(root) }
        #expect(run(["build", "--content", root + "/content", "--templates", templates, "--output", root + "/public"]) == 1)
        #expect(RepositoryPaths.exists(root + "/public/articles/a-good-story/index.html"))
    }

    @Test func buildKeepsItsCacheWhereToldAndNoneWithNoCache() {
        let root = contentFolder()
        defer { try? removeTree(root) }
        let base = ["build", "--content", root + "/content", "--templates", templates, "--output", root + "/public", "--no-search"]
        #expect(run(base + ["--cache", root + "/cache"]) == 0)
        #expect(RepositoryPaths.exists(root + "/cache/pages.bin"))
        #expect(run(base + ["--cache", root + "/cache"]) == 0, "a second build, from the cache")
        #expect(RepositoryPaths.exists(root + "/public/articles/a-good-story/index.html"))
        #expect(run(base + ["--no-cache", "--cache", root + "/other"]) == 0)
        #expect(!RepositoryPaths.exists(root + "/other"))
        #expect(run(base + ["--cache", root + "/public/cache"]) == 2, "the cache would be swapped away with the output")
    }

    @Test func outputInsideContentIsRefused() {
        let root = contentFolder()
        defer { try? removeTree(root) }
        #expect(run(["build", "--content", root + "/content", "--templates", templates, "--output", root + "/content/public"]) == 2)
        #expect(!RepositoryPaths.exists(root + "/content/public"))
        #expect(run(["build", "--content", root + "/content", "--templates", templates, "--output", root]) == 2)
        #expect(RepositoryPaths.exists(root + "/content/articles/good.txt"))
    }

    @Test func unwritableOutputIsAClearFailure() {
        let root = contentFolder()
        defer { try? removeTree(root) }
        // A file where the output's parent folder should be.
        _ = FileManager.default.createFile(atPath: root + "/blocker", contents: Data())
        #expect(run(["build", "--content", root + "/content", "--templates", templates, "--output", root + "/blocker/public"]) == 2)
    }

    @Test func checkExitCodes() {
        let clean = contentFolder()
        defer { try? removeTree(clean) }
        #expect(run(["check", "--content", clean + "/content", "--templates", templates]) == 0)

        let warned = contentFolder(["content/articles/extra.md": "---\ntitle: X\nauthor: Y\n---\nBody.\n"])
        defer { try? removeTree(warned) }
        #expect(run(["check", "--content", warned + "/content", "--templates", templates]) == 0)
        #expect(run(["check", "--strict", "--content", warned + "/content", "--templates", templates]) == 2)

        let broken = contentFolder(["content/articles/bin.txt": "a\u{0}b"])
        defer { try? removeTree(broken) }
        #expect(run(["check", "--content", broken + "/content", "--templates", templates]) == 1)
    }

    @Test func inspectPrintsOneJSONObjectPerArticle() throws {
        let root = contentFolder(["content/articles/b.md": "---\ntitle: Editor title\ndate: 2022-03-29\nsource: TASS\n---\nText.\n"])
        defer { try? removeTree(root) }
        let inspect = try Inspect.parse([root + "/content/articles/good.txt", root + "/content/articles/b.md", "--json", "--content", root + "/content"])
        let (lines, failed) = try inspect.report()
        #expect(!failed)
        #expect(lines.count == 2)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        for key in ["file", "title", "date_status", "contributors", "people", "events", "places", "organizations", "quotes", "diagnostics"] {
            #expect(objects[0][key] != nil, "missing \(key)")
        }
        #expect(objects[1]["title"] as? String == "Editor title")
        #expect(objects[1]["date"] as? String == "2022-03-29")
        #expect(objects[1]["date_status"] as? String == "exact")
        #expect(objects[1]["source"] as? String == "TASS")
    }

    @Test func inspectReportsUnreadableFiles() throws {
        let inspect = try Inspect.parse(["/nonexistent/article.txt", "--json"])
        let (lines, failed) = try inspect.report()
        #expect(failed)
        #expect(lines.first?.contains("/nonexistent/article.txt") == true)
    }

    @Test func entitiesListsEverythingWithCountsAndFiles() throws {
        let content = RepositoryPaths.inRepository("Tests/Fixtures/sites/basic/content")
        let lines = try EntitiesCommand.parse(["--content", content]).report()
        #expect(lines.contains("People (3):"))
        #expect(lines.contains("  Dmytro Kuleba: 2 articles, 3 mentions — articles/antalya.txt, articles/editor-note.md"))
        #expect(lines.contains("  Antalya meeting of foreign ministers (2022-03-10): 2 articles — articles/antalya.txt, articles/editor-note.md"))
        #expect(lines.contains { $0.hasPrefix("Places (") })
        #expect(lines.contains { $0.hasPrefix("Organizations (") })
    }

    @Test func entitiesUnknownPrintsEntriesThatParseBack() throws {
        let root = contentFolder(["content/articles/more.txt": "Talks resume\n\nGENEVA (Reuters) - Swiss Foreign Minister Ignazio Cassis said on Monday that the talks would resume. \"We are ready,\" Cassis told reporters.\n"])
        defer { try? removeTree(root) }
        let lines = try EntitiesCommand.parse(["--unknown", "--content", root + "/content"]).report()
        let yaml = lines.filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        #expect(yaml.contains("- name: \"Ignazio Cassis\""))
        let parsed = try RegistryParser.people(yaml, file: "people.yml")
        #expect(parsed.entries.map(\.name) == ["Ignazio Cassis"])
        #expect(parsed.entries.first?.roles.isEmpty == false)
    }

    @Test func helpIsCompleteForEveryCommand() {
        let commands: [any ParsableCommand.Type] = [Build.self, Check.self, ServeCommand.self, Inspect.self, EntitiesCommand.self]
        for command in commands {
            let help = ParleyCommand.helpMessage(for: command)
            #expect(help.contains("USAGE"))
            #expect(help.contains("OPTIONS"))
            #expect(!command.configuration.abstract.isEmpty)
            #expect(!command.configuration.discussion.isEmpty)
        }
        #expect(ParleyCommand.helpMessage().contains("build"))
        #expect(ParleyCommand.helpMessage().contains("serve"))
    }

    @Test func serveRefusesBadPortsAndOutputsBeforeServing() async throws {
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--port", "70000"]) }
        #expect(throws: (any Error).self) { try ServeCommand.parse(["--port", "-1"]) }
        let root = contentFolder()
        defer { try? removeTree(root) }
        let serve = try ServeCommand.parse(["--content", root + "/content", "--templates", templates, "--output", root + "/content/public", "--port", "0"])
        await #expect(throws: ExitCode(2)) { try await serve.run() }
        #expect(!RepositoryPaths.exists(root + "/content/public"))
    }
}

/// `parley help` as a terminal of 80 columns shows it.
@Suite struct HelpTextTests {
    static let commands: [any ParsableCommand.Type] = [ParleyCommand.self, Build.self, Check.self, ServeCommand.self, Inspect.self,
                                                       EntitiesCommand.self]

    /// The prose of each command's help (before the usage line) is wrapped once, by the
    /// parser, to the width of the terminal: no line is longer, and no line ends where the next
    /// word would still have fitted (a line broken twice, once in the source and once by the
    /// parser). Indented lines are tables, kept as written. (The parser leaves the last
    /// column free.)
    @Test(arguments: 0..<commands.count) func proseFillsTheLines(_ index: Int) {
        let columns = 80, width = columns - 1
        let help = Self.commands[index].helpMessage(columns: columns)
        let prose = help.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.hasPrefix("USAGE:") }
        #expect(prose.count > 2)
        for (line, next) in zip(prose, prose.dropFirst()) {
            #expect(line.count <= width, "too long: \(line)")
            guard !line.isEmpty, !line.hasPrefix(" "), !next.isEmpty, !next.hasPrefix(" ") else { continue }
            let word = next.prefix { $0 != " " }
            #expect(line.count + 1 + word.count > width, "'\(word)' fits after: \(line)")
        }
    }
}
