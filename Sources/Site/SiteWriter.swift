import CAtomicSwap
import Ingest
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public struct WriteError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Writes a built site so that the output folder is always either the previous site or the
/// new one, never a mixture: files go with plain POSIX writes (no fsync) into a staging
/// folder beside the output, which is then swapped into place with one atomic
/// `renameat2(RENAME_EXCHANGE)` (two renames where the file system cannot exchange).
///
/// The output folder carries a marker file; Parley refuses to replace an existing, non-empty
/// folder without it, so a mistyped `--output` cannot delete someone's files.
///
/// With `keepsPrevious` (incremental builds), the site that was replaced is not deleted but
/// kept beside the output (`.NAME.previous`), and the next build starts from it as its staging
/// folder: it writes only the files that differ from it and removes the ones the new site has
/// not, instead of writing or linking every file and deleting a whole site on every build.
/// The kept site takes as much room on disk as the output.
public struct SiteWriter: Sendable {
    public static let marker = ".parley-output"

    public let output: String
    public let keepsPrevious: Bool

    public init(output: String, keepsPrevious: Bool = false) {
        self.output = output.count > 1 && output.hasSuffix("/") ? String(output.dropLast()) : output
        self.keepsPrevious = keepsPrevious
    }

    /// Where the replaced site is kept for the next build (with `keepsPrevious`).
    var previousRoot: String { "\(parent)/.\(baseName).previous" }

    var parent: String {
        guard let slash = output.lastIndex(of: "/") else { return "." }
        let p = String(output[..<slash])
        return p.isEmpty ? "/" : p
    }

    var baseName: String {
        guard let slash = output.lastIndex(of: "/") else { return output }
        return String(output[output.index(after: slash)...])
    }

    /// Writes `files` and swaps them into place. Nothing at `output` changes if this throws.
    ///
    /// `beforeSwap`, when given, runs on the complete staging folder (its path is passed) just
    /// before the swap, to add files made from the written site (a search index); if it
    /// throws, the staging folder is removed and `output` is left as it was.
    public func write(_ files: [OutputFile], beforeSwap: ((_ staging: String) throws(WriteError) -> Void)? = nil) throws(WriteError) {
        let staging = try begin()
        do {
            for file in files { try staging.put(file) }
        } catch {
            staging.discard()
            throw error
        }
        try staging.commit(beforeSwap: beforeSwap)
    }

    /// Starts a new site in a staging folder beside the output. Files are then written into it
    /// one by one as they are made (`Staging.put`, from any thread) and swapped into place by
    /// `Staging.commit`, so a site of any size is written without holding it in memory.
    public func begin() throws(WriteError) -> Staging {
        try checkReplaceable()
        removeStaleStaging()
        let root = "\(parent)/.\(baseName).staging-\(getpid())"
        try removeTree(root)
        // The site kept by the last build becomes this one's staging folder (renamed, so a build
        // killed from here on leaves a stale staging folder, removed by the next build).
        var reusedStamp: FileFingerprint?
        if keepsPrevious, access(previousRoot, F_OK) == 0, rename(previousRoot, root) == 0 {
            reusedStamp = FileFingerprint.of("\(root)/\(Self.marker)")
            if reusedStamp == nil { try removeTree(root) }
        } else {
            try? removeTree(previousRoot)
        }
        if reusedStamp == nil { try makeDirectory(root) }
        let staging = Staging(writer: self, root: root, previousStamp: FileFingerprint.of("\(output)/\(Self.marker)"), reusedStamp: reusedStamp)
        do {
            try staging.put(OutputFile(path: Self.marker, text: "Built by Parley. This folder is replaced on every build.\n"))
        } catch {
            staging.discard()
            throw error
        }
        return staging
    }

    /// A site being written. The output folder is untouched until `commit`.
    public final class Staging: SiteSink {
        let writer: SiteWriter
        /// The staging folder.
        public let root: String
        public let previousStamp: FileFingerprint?
        public let reusedStamp: FileFingerprint?

        init(writer: SiteWriter, root: String, previousStamp: FileFingerprint?, reusedStamp: FileFingerprint?) {
            self.writer = writer
            self.root = root
            self.previousStamp = previousStamp
            self.reusedStamp = reusedStamp
        }

        /// Writes one file of the site. Safe to call from several threads for different paths.
        public func put(_ file: OutputFile) throws(WriteError) {
            try writer.writeFile(root: root, file)
        }

        /// The marker file of this new site (written first).
        public var stamp: FileFingerprint? { FileFingerprint.of("\(root)/\(SiteWriter.marker)") }

        /// The output folder this site will replace.
        public var output: String { writer.output }

        /// Links the output's file into the new site: the same file, not rewritten.
        public func keep(_ path: String) -> Bool {
            guard previousStamp != nil, SiteWriter.isSafe(path) else { return false }
            let from = "\(writer.output)/\(path)", to = "\(root)/\(path)"
            if link(from, to) == 0 { return true }
            if errno == EEXIST { // the reused site's file: right when it is the previous site's own
                if Self.sameFile(from, to) { return true }
                unlink(to)
                return link(from, to) == 0
            }
            guard errno == ENOENT, access(from, F_OK) == 0, (try? writer.makeParents(root: root, path)) != nil else { return false }
            return link(from, to) == 0
        }

        /// Whether two paths name one file (a link of the other), on the same device.
        static func sameFile(_ a: String, _ b: String) -> Bool {
            var first = stat(), second = stat()
            return lstat(a, &first) == 0 && lstat(b, &second) == 0 && first.st_ino == second.st_ino && first.st_dev == second.st_dev
        }

        public func heldFiles() -> [String] {
            guard reusedStamp != nil else { return [] }
            return (try? DiskFileSystem().listFiles(in: root)) ?? []
        }

        public func isUnchanged(_ file: OutputFile) -> Bool {
            guard previousStamp != nil, SiteWriter.isSafe(file.path) else { return false }
            let path = "\(writer.output)/\(file.path)"
            guard let fingerprint = FileFingerprint.of(path), fingerprint.size == Int64(file.bytes.count) else { return false }
            return (try? DiskFileSystem().readFile(path)) == file.bytes
        }

        public func previousBytes(_ path: String) -> [UInt8]? {
            guard previousStamp != nil, SiteWriter.isSafe(path) else { return nil }
            return try? DiskFileSystem().readFile("\(writer.output)/\(path)")
        }

        public func removeLeftovers(keeping: Set<String>, had: [String]) {
            guard reusedStamp != nil else { return }
            for path in had where !keeping.contains(path) && SiteWriter.isSafe(path) {
                guard unlink("\(root)/\(path)") == 0 else { continue }
                // Folders left empty go too (rmdir fails on one that is not).
                var folders = path.split(separator: "/").dropLast()
                while !folders.isEmpty, rmdir("\(root)/\(folders.joined(separator: "/"))") == 0 { folders.removeLast() }
            }
            // The first part of each path kept (read on UTF-8: a path's first part is up to its first `/`).
            var top: Set<Substring> = [Substring(SiteWriter.marker)]
            for path in keeping {
                let utf8 = path.utf8
                top.insert(Substring(utf8[..<(utf8.firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex)]))
            }
            for name in listFolder(root) ?? [] where !top.contains(Substring(name)) { try? removeTree("\(root)/\(name)") }
        }

        /// Runs `beforeSwap` on the finished folder and swaps it into place; on any error the
        /// staging folder is removed and the output stays as it was.
        public func commit(beforeSwap: ((_ staging: String) throws(WriteError) -> Void)? = nil) throws(WriteError) {
            do {
                try beforeSwap?(root)
                try writer.swapIntoPlace(root)
            } catch {
                discard()
                throw error
            }
        }

        /// Removes the staging folder; the output stays as it was.
        public func discard() {
            try? removeTree(root)
        }

        /// A folder beside the staging folder, on the same file system, for work on the new site
        /// before the swap. The caller removes it; a build killed first leaves it to the next
        /// build, which removes it with the staging folder.
        public func scratchFolder(_ name: String) -> String {
            "\(writer.parent)/.\(writer.baseName).staging-\(name)-\(getpid())"
        }

        /// Links files of the new site into `folder` (a `scratchFolder`) at the same paths,
        /// making their folders: the same files, not copies.
        public func linkFiles(_ paths: [String], into folder: String) throws(WriteError) {
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                throw WriteError(path: folder, message: "cannot create folder: \(String(cString: strerror(errno)))")
            }
            for path in paths {
                guard SiteWriter.isSafe(path) else { throw WriteError(path: path, message: "unsafe output path") }
                let from = "\(root)/\(path)", to = "\(folder)/\(path)"
                if link(from, to) == 0 { continue }
                if errno == ENOENT, (try? writer.makeParents(root: folder, path)) != nil, link(from, to) == 0 { continue }
                throw WriteError(path: to, message: "cannot link \(from): \(String(cString: strerror(errno)))")
            }
        }
    }

    private func checkReplaceable() throws(WriteError) {
        var st = stat()
        guard lstat(output, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            throw WriteError(path: output, message: "exists and is not a folder; refusing to replace it")
        }
        if access("\(output)/\(Self.marker)", F_OK) == 0 { return }
        guard let names = listFolder(output) else {
            throw WriteError(path: output, message: "cannot read the folder: \(String(cString: strerror(errno)))")
        }
        if !names.isEmpty {
            throw WriteError(path: output, message: "is a folder that Parley did not build (no \(Self.marker) in it) and is not empty; refusing to replace it. Remove it or choose another --output")
        }
    }

    func swapIntoPlace(_ staging: String) throws(WriteError) {
        var st = stat()
        if lstat(output, &st) != 0 {
            guard rename(staging, output) == 0 else { throw posix(output, "cannot move the new site into place") }
            return
        }
        if parley_exchange_paths(staging, output) == 0 {
            keepOrRemove(staging) // now holds the previous site
            return
        }
        // No atomic exchange here: two renames, the old site kept until the new one is in place.
        let old = "\(parent)/.\(baseName).old-\(getpid())"
        try removeTree(old)
        guard rename(output, old) == 0 else { throw posix(output, "cannot move the previous site aside") }
        guard rename(staging, output) == 0 else {
            _ = rename(old, output)
            throw posix(output, "cannot move the new site into place")
        }
        keepOrRemove(old)
    }

    /// The site just replaced: kept for the next build (`keepsPrevious`), or removed.
    private func keepOrRemove(_ replaced: String) {
        if keepsPrevious {
            try? removeTree(previousRoot)
            if rename(replaced, previousRoot) == 0 { return }
        }
        try? removeTree(replaced)
    }

    /// Staging folders left by builds that were killed.
    private func removeStaleStaging() {
        for name in listFolder(parent) ?? [] where name.hasPrefix(".\(baseName).staging-") || name.hasPrefix(".\(baseName).old-") {
            let pidText = name.split(separator: "-").last.map(String.init) ?? ""
            if let pid = Int32(pidText), pid != getpid(), kill(pid, 0) == 0 { continue } // another live build
            try? removeTree("\(parent)/\(name)")
        }
    }

    /// Writes one file below `root`, creating its folders when they are missing (safe from
    /// several threads: a folder another thread made first is fine).
    func writeFile(root: String, _ file: OutputFile) throws(WriteError) {
        guard Self.isSafe(file.path) else {
            throw WriteError(path: file.path, message: "unsafe output path")
        }
        let path = root + "/" + file.path
        // Always a new file (O_EXCL): a file of the previous site linked here (`keep`) must be
        // replaced, never written through.
        let flags = O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC
        var fd = open(path, flags, 0o644)
        if fd < 0 && errno == ENOENT {
            try makeParents(root: root, file.path)
            fd = open(path, flags, 0o644)
        } else if fd < 0 && errno == EEXIST {
            unlink(path)
            fd = open(path, flags, 0o644)
        }
        guard fd >= 0 else { throw posix(path, "cannot create file") }
        defer { close(fd) }
        guard writeAll(fd, file.bytes) else { throw posix(path, "cannot write file") }
    }

    /// A relative path that stays inside the folder.
    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
    }

    /// The folders of `relativePath` below `root`.
    func makeParents(root: String, _ relativePath: String) throws(WriteError) {
        try makeFolders(relativePath.split(separator: "/").dropLast(), below: root)
    }

    private func makeDirectory(_ path: String) throws(WriteError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw posix(path, "cannot create folder") }
    }

    private func posix(_ path: String, _ what: String) -> WriteError {
        WriteError(path: path, message: "\(what): \(String(cString: strerror(errno)))")
    }
}

/// Removes a file or folder tree (no error when it does not exist).
public func removeTree(_ path: String) throws(WriteError) {
    var st = stat()
    guard lstat(path, &st) == 0 else { return }
    if (st.st_mode & S_IFMT) == S_IFDIR {
        guard let names = listFolder(path) else {
            throw WriteError(path: path, message: "cannot open folder: \(String(cString: strerror(errno)))")
        }
        for name in names { try removeTree(path + "/" + name) }
        guard rmdir(path) == 0 else { throw WriteError(path: path, message: "cannot remove folder: \(String(cString: strerror(errno)))") }
    } else {
        guard unlink(path) == 0 else { throw WriteError(path: path, message: "cannot remove: \(String(cString: strerror(errno)))") }
    }
}

/// Writes all of `bytes` to `fd` (again after an interrupted call); false, with `errno` set,
/// when the system refuses.
func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { raw in Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset) }
        if n < 0 {
            if errno == EINTR { continue }
            return false
        }
        offset += n
    }
    return true
}

/// Creates the folders named by `components`, one inside the other, below `base` (`mkdir -p`:
/// folders that are there already are fine).
func makeFolders<Components: Sequence<Substring>>(_ components: Components, below base: String) throws(WriteError) {
    var dir = base
    for component in components {
        dir += "/" + component
        if mkdir(dir, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: dir, message: "cannot create folder: \(String(cString: strerror(errno)))")
        }
    }
}
