#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses output folders that would overwrite the input.
enum OutputLocation {
    static func problem(output: String, content: String, templates: String) -> String? {
        let out = absolute(output)
        for (name, folder) in [("content", content), ("templates", templates)] {
            let input = absolute(folder)
            if out == input || out.hasPrefix(input + "/") {
                return "the output folder \(output) is inside the \(name) folder \(folder); choose another --output"
            }
            if input.hasPrefix(out + "/") {
                return "the \(name) folder \(folder) is inside the output folder \(output), which is replaced on every build; choose another --output"
            }
        }
        return nil
    }

    /// The build cache must not be inside the output folder, which every build replaces.
    static func problem(cache: String, output: String) -> String? {
        let out = absolute(output), folder = absolute(cache)
        guard folder == out || folder.hasPrefix(out + "/") else { return nil }
        return "the cache folder \(cache) is inside the output folder \(output), which is replaced on every build; choose another --cache"
    }

    /// An absolute path with symbolic links resolved as far as the path exists.
    static func absolute(_ path: String) -> String {
        var existing = path.isEmpty ? "." : path
        var rest: [String] = []
        while realpath(existing, nil) == nil {
            guard let slash = existing.lastIndex(of: "/") else {
                rest.insert(existing, at: 0)
                existing = "."
                break
            }
            rest.insert(String(existing[existing.index(after: slash)...]), at: 0)
            existing = String(existing[..<slash])
            if existing.isEmpty { existing = "/" }
        }
        guard let resolved = realpath(existing, nil) else { return path }
        defer { free(resolved) }
        var base = String(cString: resolved)
        for part in rest where !part.isEmpty && part != "." {
            base = base == "/" ? "/" + part : base + "/" + part
        }
        return base
    }
}
