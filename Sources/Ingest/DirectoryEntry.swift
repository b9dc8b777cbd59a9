#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The name of an entry returned by `readdir`, read where it lies.
///
/// An entry from glibc is only as long as its name needs: copying the whole 256-byte `d_name`
/// field (as `entry.pointee.d_name` does) reads past the end of a short entry, and crashes
/// when that entry ends the last mapped page of the directory buffer.
public func directoryEntryName(_ entry: UnsafeMutablePointer<dirent>) -> String {
    let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
}

/// The names in a folder (without `.` and `..`, in the order the system gives them); nil, with
/// `errno` set, when it cannot be read.
public func listFolder(_ path: String) -> [String]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var names: [String] = []
    while let entry = readdir(dir) {
        let name = directoryEntryName(entry)
        if name != "." && name != ".." { names.append(name) }
    }
    return names
}

/// What a folder entry is, as `readdir` says without a `stat` (nil when it cannot say: a
/// symbolic link, or a file system that does not fill in the type).
public enum DirectoryEntryKind: Sendable {
    case file, folder
}

/// The names in a folder with their kinds (see `listFolder`).
public func listFolderWithKinds(_ path: String) -> [(name: String, kind: DirectoryEntryKind?)]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var entries: [(name: String, kind: DirectoryEntryKind?)] = []
    while let entry = readdir(dir) {
        let name = directoryEntryName(entry)
        guard name != "." && name != ".." else { continue }
        let kind: DirectoryEntryKind? = switch Int32(entry.pointee.d_type) {
        case Int32(DT_REG): .file
        case Int32(DT_DIR): .folder
        default: nil
        }
        entries.append((name, kind))
    }
    return entries
}
