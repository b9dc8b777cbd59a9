import ArgumentParser
import Site

/// Where `parley build` and `parley serve` keep what the next build can reuse.
struct CacheOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The build cache folder: what the next build reuses (analyses of unchanged articles, pages whose inputs did not change).", valueName: "dir"))
    var cache = BuildCache.defaultFolder

    @Flag(name: .long, help: "Build everything from scratch and keep no cache.")
    var noCache = false

    /// The cache folder, or nil when it is off.
    var folder: String? { noCache ? nil : cache }
}
