import ArgumentParser
import ParleyCore
import Site

public struct Build: ParsableCommand {
    public init() {}

    public static let configuration = CommandConfiguration(
        abstract: "Build the site from the content folder into the output folder.",
        discussion: """
        The new site is written into a staging folder beside the output and swapped into place
        only when it is complete, so the output folder always holds a whole site. A bad article
        does not stop the build: it is reported, and the rest of the site is built.

        Exit status: 0 when the site was built without errors; 1 when there were errors (the
        site is still written if it could be built); 2 when nothing could be written.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site.", valueName: "dir"))
    var output = "public"

    @Flag(name: .long, help: "Print the time each step took.")
    var timings = false

    @Flag(name: .shortAndLong, help: "Also print notes, not only warnings and errors.")
    var verbose = false

    public func run() throws {
        let status = try BuildCommand(site: site, output: output, timings: timings, verbose: verbose).run().status
        if status != 0 { throw ExitCode(status) }
    }
}

/// `parley build`, shared with `parley check` (which builds into a temporary folder).
struct BuildCommand {
    var site: SiteOptions
    var output: String
    var timings: Bool
    var verbose: Bool
    /// Say where the site went (not for `check`, whose output is a temporary folder).
    var namesOutput = true

    /// The exit status (0 clean, 1 built with errors, 2 nothing written) and the build, if one ran.
    func run() throws -> (status: Int32, result: BuildResult?) {
        if let problem = OutputLocation.problem(output: output, content: site.content, templates: site.templates) {
            printError("parley: error: \(problem)")
            return (2, nil)
        }
        let builder = SiteBuilder(options: BuildOptions(contentDirectory: site.content, templatesDirectory: site.templates, baseURL: site.baseURL))
        let result = builder.build(writingTo: SiteWriter(output: output))
        report(result.diagnostics, verbose: verbose)
        if let error = result.writeError {
            printError("parley: error: \(error.description)")
            print(result.summary)
            return (2, result)
        }
        if result.fileCount == 0 {
            printError("parley: nothing to write; \(output) is left as it was")
            print(result.summary)
            return (2, result)
        }
        if timings { printTimings(result) }
        print(namesOutput ? "\(result.summary) → \(output)/" : result.summary)
        return (result.errorCount > 0 ? 1 : 0, result)
    }
}
