import ArgumentParser
import Foundation
import ParleyCommands
import ParleyTestSupport
import Testing

/// The ready workflow in .github/workflows/publish.yml: its steps come in the right order and
/// every `parley` command in it is one the current command line accepts.
@Suite struct PublishWorkflowTests {
    let workflow = (try? String(contentsOfFile: RepositoryPaths.inRepository(".github/workflows/publish.yml"), encoding: .utf8)) ?? ""

    @Test func stepsInOrder() throws {
        let steps = ["actions/checkout@", "run: make deps", "run: make build", "parley check", "actions/configure-pages@",
                     "parley build", "actions/upload-pages-artifact@", "actions/deploy-pages@"]
        var rest = workflow[...]
        for step in steps {
            let found = try #require(rest.range(of: step), "\(step) is missing or out of order")
            rest = rest[found.upperBound...]
        }
        #expect(workflow.contains("pages: write") && workflow.contains("id-token: write"))
        #expect(workflow.contains("path: public"))
        #expect(!workflow.contains("\t"), "YAML is indented with spaces")
    }

    @Test func parleyCommandsParse() throws {
        let commands = workflow.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: ".build/release/parley ") else { return nil }
            return String(line[range.upperBound...])
        }
        #expect(commands.count == 2)
        for command in commands {
            let arguments = Self.words(command.replacingOccurrences(of: "${{ steps.pages.outputs.base_url }}", with: "https://owner.github.io/repo"))
            #expect(throws: Never.self, "\(command)") { _ = try ParleyCommand.parseAsRoot(arguments) }
        }
        let build = try #require(commands.first { $0.hasPrefix("build") })
        #expect(build.contains("--base-url") && build.contains("--output public"))
    }

    @Test func theMakefileHasTheTargetsItUses() throws {
        let makefile = try String(contentsOfFile: RepositoryPaths.inRepository("Makefile"), encoding: .utf8)
        #expect(makefile.contains("\ndeps:"))
        #expect(makefile.contains("\nbuild:"))
        #expect(makefile.contains("--product parley"))
    }

    /// Splits a shell command line on spaces, honouring double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quoted = false
        var started = false
        for ch in line {
            if ch == "\"" {
                quoted.toggle()
                started = true
            } else if ch == " " && !quoted {
                if started { words.append(current) }
                current = ""
                started = false
            } else {
                current.append(ch)
                started = true
            }
        }
        if started { words.append(current) }
        return words
    }
}
