#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The built site on disk, read for each request (so a rebuild shows at once). Paths come from
/// `RequestPath` already free of `..`; on top of that, a file is served only if its real path,
/// symbolic links resolved, lies inside the real path of the folder.
public struct SiteFolder: Sendable {
    public enum Entry: Equatable, Sendable {
        case file([UInt8])
        case directory
        case missing
    }

    public let root: String

    public init(root: String) {
        self.root = root
    }

    /// The regular file or folder at `relative` (`people/index.html`), or `.missing`.
    public func entry(_ relative: String) -> Entry {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.utf8.contains(0),
              !relative.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return .missing }
        guard let base = realPath(root), let real = realPath(root + "/" + relative),
              real.hasPrefix(base == "/" ? "/" : base + "/") else { return .missing }
        var st = stat()
        guard stat(real, &st) == 0 else { return .missing }
        switch st.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return contents(of: real).map(Entry.file) ?? .missing
        default: return .missing
        }
    }

    private func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(st.st_size))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<n])
        }
    }
}
