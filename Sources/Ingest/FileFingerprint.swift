#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the file system says about a file without reading it: size, inode and the times of the
/// last change of its contents and of its inode. Two equal fingerprints mean the file was not
/// written in between (the change time is kept by the kernel and moves on every write), so a
/// build can reuse what it made from the file's bytes last time without reading them again.
public struct FileFingerprint: Hashable, Sendable {
    public var size: Int64
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64
    public var device: UInt64

    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64, device: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
        self.device = device
    }

    /// The fingerprint of a regular file on disk; nil when it is not one.
    public static func of(_ path: String) -> FileFingerprint? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        #if canImport(Darwin)
        let modified = Int64(st.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(st.st_mtimespec.tv_nsec)
        let changed = Int64(st.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(st.st_ctimespec.tv_nsec)
        #else
        let modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
        let changed = Int64(st.st_ctim.tv_sec) * 1_000_000_000 + Int64(st.st_ctim.tv_nsec)
        #endif
        return FileFingerprint(size: Int64(st.st_size), modified: modified, changed: changed, inode: UInt64(st.st_ino), device: UInt64(st.st_dev))
    }
}
