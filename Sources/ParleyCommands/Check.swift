import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Site

public struct Check: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Build the site into a temporary folder and report every problem; meant for CI.",
        discussion: """
        Exit status:
          0  no errors (and, with --strict, no warnings)
          1  errors: unreadable or malformed input, template errors, broken internal
             links or anchors
          2  warnings only, with --strict (undated article, unknown front matter
             key, …)
        """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var search: SearchOptions

    @Flag(name: .long, help: "Fail (exit 2) on warnings too.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    public func run() throws {
        var template = Array("/tmp/parley-check-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            printError("parley: error: cannot create a temporary folder")
            throw ExitCode(1)
        }
        let folder = String(cString: made)
        defer { try? removeTree(folder) }
        let build = BuildCommand(site: site, output: folder + "/public", timings: false, verbose: verbose, namesOutput: false, search: search.lookup())
        let outcome = build.run()
        if outcome.status != 0 { throw ExitCode(1) }
        if strict, let result = outcome.result, result.warningCount > 0 { throw ExitCode(2) }
    }
}
