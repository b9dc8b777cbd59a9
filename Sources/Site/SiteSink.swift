/// Where a build puts the files of the site as it makes them: straight into a staging folder
/// (`SiteWriter.Staging`), so the site is never held in memory whole, or into memory
/// (`MemorySink`, for tests and tools that look at the pages).
///
/// `put` is called from several threads at once, each path once.
public protocol SiteSink: AnyObject, Sendable {
    func put(_ file: OutputFile) throws(WriteError)
}

/// Keeps the files in memory.
public final class MemorySink: SiteSink {
    private let kept = Locked<[OutputFile]>([])

    public init() {}

    public func put(_ file: OutputFile) throws(WriteError) {
        kept.withLock { $0.append(file) }
    }

    /// The files put so far, sorted by path.
    public var files: [OutputFile] {
        kept.withLock { $0 }.sorted { $0.path < $1.path }
    }
}
