#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Ingest

/// What every file under some folders looks like on disk: modification time, size and inode,
/// by path. Two snapshots differ when a file was added, removed, rewritten or replaced (editors
/// that save through a rename change the inode). Hidden files (`.x.swp`) and backups (`x~`)
/// are left out, as the build leaves them out.
public struct FolderSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    var files: [String: Stamp] = [:]

    public init() {}

    /// The snapshot of `roots` (folders or single files); missing ones are simply empty.
    public static func take(_ roots: [String]) -> FolderSnapshot {
        var snapshot = FolderSnapshot()
        for root in roots { snapshot.add(root, depth: 0) }
        return snapshot
    }

    public var count: Int { files.count }

    /// Paths added, removed or changed between `older` and this snapshot, sorted.
    public func changes(since older: FolderSnapshot) -> [String] {
        var changed = Set<String>()
        for (path, stamp) in files where older.files[path] != stamp { changed.insert(path) }
        for path in older.files.keys where files[path] == nil { changed.insert(path) }
        return changed.sorted()
    }

    private mutating func add(_ path: String, depth: Int) {
        var st = stat()
        guard stat(path, &st) == 0 else { return }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            #if canImport(Darwin)
            let time = st.st_mtimespec
            #else
            let time = st.st_mtim
            #endif
            files[path] = Stamp(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec), size: Int64(st.st_size), inode: UInt64(st.st_ino))
        case S_IFDIR:
            // 32: a symbolic link loop ends here. The names are read where they lie (`listFolder`):
            // copying a whole `d_name` reads past the end of a short directory entry.
            guard depth < 32, let entries = listFolder(path) else { return }
            for name in entries where !name.hasPrefix(".") && !name.hasSuffix("~") { add(path.hasSuffix("/") ? path + name : path + "/" + name, depth: depth + 1) }
        default:
            return
        }
    }
}

/// Polls folders for changes: every `interval` it takes a snapshot. Once a change has been seen
/// it looks again after `settle`, and again, until a look finds nothing new (an editor's save,
/// a `git checkout` of many files); then it calls `onChange` with every path changed. Polling is
/// portable and cheap at the size of a content folder; changes made while `onChange` runs are
/// reported after it.
public struct Watcher: Sendable {
    public var roots: [String]
    public var interval: Duration
    public var settle: Duration

    public init(roots: [String], interval: Duration = .milliseconds(300), settle: Duration = .milliseconds(100)) {
        self.roots = roots
        self.interval = interval
        self.settle = settle
    }

    /// Runs until the task is cancelled. Changes are counted from `start` (taken before the
    /// first build, so that nothing saved during it is missed), or from now. `tick` runs on
    /// every poll (the server's keep-alive).
    public func run(from start: FolderSnapshot? = nil, tick: @Sendable () async -> Void = {},
                    onChange: @Sendable ([String]) async -> Void) async {
        var last = start ?? FolderSnapshot.take(roots)
        var pending = Set<String>()
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: pending.isEmpty ? interval : settle)
            } catch {
                return
            }
            await tick()
            let now = FolderSnapshot.take(roots)
            if now != last {
                pending.formUnion(now.changes(since: last))
                last = now
                continue // perhaps still changing: look again shortly
            }
            if !pending.isEmpty {
                let changed = pending.sorted()
                pending = []
                await onChange(changed)
            }
        }
    }
}
