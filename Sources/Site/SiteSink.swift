import Ingest

/// Where a build puts the files of the site as it makes them: straight into a staging folder
/// (`SiteWriter.Staging`), so the site is never held in memory whole, or into memory
/// (`MemorySink`, for tests and tools that look at the pages).
///
/// `put` is called from several threads at once, each path once.
public protocol SiteSink: AnyObject, Sendable {
    func put(_ file: OutputFile) throws(WriteError)

    /// For incremental builds: the fingerprint of the marker file of the site being made, and
    /// of the one it replaces (nil when there is none, or the sink cannot keep files).
    var stamp: FileFingerprint? { get }
    var previousStamp: FileFingerprint? { get }

    /// Keeps the previous site's file at `path` as it is, without writing it; false when it
    /// cannot (then the file must be put).
    func keep(_ path: String) -> Bool

    /// Whether the previous site has this file with these very bytes.
    func isUnchanged(_ file: OutputFile) -> Bool

    /// The bytes of the previous site's file at `path`, if it has one.
    func previousBytes(_ path: String) -> [UInt8]?

    /// When the sink started from an older site rather than from nothing (the site before the
    /// previous one, kept to be written over): the fingerprint of that site's marker file, so
    /// the build can tell which of its files are still right. Nil when the sink started empty.
    var reusedStamp: FileFingerprint? { get }

    /// Removes what the reused site had and the new one has not: the files of `had` not in
    /// `keeping`, and anything at the top that `keeping` does not reach (with `had` empty,
    /// everything not in `keeping`).
    func removeLeftovers(keeping: Set<String>, had: [String])

    /// The files the reused site holds, found by looking (for a reused site whose list the
    /// build cache does not have): what the sink started from is then kept where it is the
    /// previous site's own file, and what the new site has not is removed at the end.
    func heldFiles() -> [String]
}

extension SiteSink {
    public var stamp: FileFingerprint? { nil }
    public var previousStamp: FileFingerprint? { nil }
    public func keep(_ path: String) -> Bool { false }
    public func isUnchanged(_ file: OutputFile) -> Bool { false }
    public func previousBytes(_ path: String) -> [UInt8]? { nil }
    public var reusedStamp: FileFingerprint? { nil }
    public func removeLeftovers(keeping: Set<String>, had: [String]) {}
    public func heldFiles() -> [String] { [] }
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
