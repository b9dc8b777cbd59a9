#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Read access to files, injected so that stages can be tested without a disk.
public protocol FileSystem: Sendable {
    /// The bytes of a file; throws `FileSystemError` when it cannot be read.
    func readFile(_ path: String) throws -> [UInt8]
    /// Regular files below `directory`, as paths relative to it, sorted, recursively.
    func listFiles(in directory: String) throws -> [String]
    func isDirectory(_ path: String) -> Bool
    func isFile(_ path: String) -> Bool
    /// The file's fingerprint, when this file system can tell without reading the file.
    func fingerprint(_ path: String) -> FileFingerprint?
}

extension FileSystem {
    public func fingerprint(_ path: String) -> FileFingerprint? { nil }
}

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Joins path components with `/`, without doubling separators.
public func joinPath(_ base: String, _ rest: String) -> String {
    if base.isEmpty || base == "." { return rest }
    if rest.isEmpty { return base }
    return base.hasSuffix("/") ? base + rest : base + "/" + rest
}

/// The real disk, through POSIX calls.
public struct DiskFileSystem: FileSystem {
    public init() {}

    public func readFile(_ path: String) throws -> [UInt8] {
        func failed() -> FileSystemError { FileSystemError(path: path, reason: String(cString: strerror(errno))) }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw failed() }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw failed() }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw FileSystemError(path: path, reason: "not a regular file") }
        // Read straight into the array, sized by fstat (plus one byte, to see a file that grew
        // meanwhile): no zeroed buffer and no copy, which for 10,000 small files was most of the
        // cost of reading them.
        let size = Int(st.st_size)
        /// Up to `count` bytes into `buffer`, retried when interrupted; 0 at the end of the file.
        func readSome(_ buffer: UnsafeMutableRawPointer, _ count: Int) throws -> Int {
            while true {
                let n = read(fd, buffer, count)
                if n >= 0 { return n }
                if errno != EINTR { throw failed() }
            }
        }
        var result = try [UInt8](unsafeUninitializedCapacity: size + 1) { buffer, count in
            while count < buffer.count {
                let n = try readSome(buffer.baseAddress! + count, buffer.count - count)
                if n == 0 { break }
                count += n
            }
        }
        guard result.count > size else { return result }
        // The file grew since fstat: the rest, piece by piece.
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try piece.withUnsafeMutableBytes { try readSome($0.baseAddress!, $0.count) }
            if n == 0 { break }
            result.append(contentsOf: piece[0..<n])
        }
        return result
    }

    public func listFiles(in directory: String) throws -> [String] {
        var out: [String] = []
        try walk(directory, prefix: "", into: &out)
        return out.sorted()
    }

    private func walk(_ directory: String, prefix: String, into out: inout [String]) throws {
        guard let entries = listFolderWithKinds(directory) else {
            throw FileSystemError(path: directory, reason: String(cString: strerror(errno)))
        }
        // The kind `readdir` gives spares a `stat` of each of thousands of articles; links and
        // entries of unknown kind are looked at (a link to a folder is walked).
        for (name, kind) in entries.filter({ !$0.name.hasPrefix(".") }).sorted(by: { $0.name < $1.name }) {
            let full = joinPath(directory, name)
            if kind == .folder || (kind == nil && isDirectory(full)) {
                try walk(full, prefix: prefix + name + "/", into: &out)
            } else if kind == .file || (kind == nil && isFile(full)) {
                out.append(prefix + name)
            }
        }
    }

    public func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    public func isFile(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
    }

    public func fingerprint(_ path: String) -> FileFingerprint? { FileFingerprint.of(path) }
}

/// Files held in memory, for tests: paths map to contents.
public struct MemoryFileSystem: FileSystem {
    public var files: [String: [UInt8]]

    public init(_ files: [String: String]) {
        self.files = files.mapValues { Array($0.utf8) }
    }

    public init(bytes: [String: [UInt8]]) {
        self.files = bytes
    }

    public func readFile(_ path: String) throws -> [UInt8] {
        guard let data = files[path] else { throw FileSystemError(path: path, reason: "No such file or directory") }
        return data
    }

    public func listFiles(in directory: String) throws -> [String] {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        let found = files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
        guard !found.isEmpty || isDirectory(directory) else {
            throw FileSystemError(path: directory, reason: "No such file or directory")
        }
        return found.filter { !$0.split(separator: "/").contains { $0.hasPrefix(".") } }.sorted()
    }

    public func isDirectory(_ path: String) -> Bool {
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) }
    }

    public func isFile(_ path: String) -> Bool { files[path] != nil }
}
