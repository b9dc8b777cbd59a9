#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths of the repository and of the shared data beside it, found from this source file,
/// so tests run from any working directory.
public enum RepositoryPaths {
    /// The repository root (the folder holding Package.swift).
    public static let root: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3) // Tests/Support/RepositoryPaths.swift
        return parts.joined(separator: "/")
    }()

    /// `../shared` beside the repository: sample corpora and gold labels (CI has it there).
    public static let shared: String = root + "/../shared"

    public static func inRepository(_ relative: String) -> String { root + "/" + relative }

    public static func inShared(_ relative: String) -> String { shared + "/" + relative }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// The `parley` executable that `swift test` built beside the test bundle.
    public static var parleyExecutable: String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let me = n > 0 ? String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
        var parts = me.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast()
        return parts.joined(separator: "/") + "/parley"
    }

    /// A new empty temporary folder.
    public static func temporaryFolder(_ prefix: String = "parley-test") -> String {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { fatalError("cannot create a temporary folder") }
        return String(cString: made)
    }
}
