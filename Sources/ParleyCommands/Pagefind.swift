import Foundation
import Site

/// Pagefind (pagefind.app) indexes the built site so that it can be searched in the browser
/// from the static files alone. `parley build` runs it on the staging folder, before the swap,
/// so the output folder never holds a site without its index or with another site's index.
struct Pagefind: Sendable, Equatable {
    /// The Pagefind program.
    let executable: String

    /// Pagefind, or why search is off.
    enum Lookup: Sendable, Equatable {
        case found(Pagefind)
        case missing(String)
    }

    static let installHint = "pip install pagefind-bin"

    /// Looks, in order, at the path given with `--pagefind`, then `PARLEY_PAGEFIND`, then
    /// `pagefind_extended` and `pagefind` on the `PATH`, then the binary of the `pagefind_bin`
    /// Python package (which `pip install pagefind-bin` installs without putting it on the `PATH`).
    static func locate(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> Lookup {
        if let named = option ?? environment["PARLEY_PAGEFIND"], !named.isEmpty {
            let path = named.contains("/") ? (isExecutable(named) ? named : nil) : onPath(named, environment)
            guard let path else { return .missing("pagefind not found at \(named) (\(installHint))") }
            return .found(Pagefind(executable: path))
        }
        for name in ["pagefind_extended", "pagefind"] {
            if let path = onPath(name, environment) { return .found(Pagefind(executable: path)) }
        }
        if let python = onPath("python3", environment), let path = pythonPackageBinary(python), isExecutable(path) {
            return .found(Pagefind(executable: path))
        }
        return .missing("pagefind not found (\(installHint))")
    }

    /// Indexes the site in `folder` (Pagefind writes `folder/pagefind/`) and returns what it
    /// reported, such as `Indexed 5 pages`. Search results link to `…/index.html`, as every
    /// link of the site does, so they work on hosts that do not serve folder addresses.
    /// `scope`: a glob of the pages to look at (`SearchScope`), or nil for every page;
    /// `outputPath`: where the index goes instead of `folder/pagefind/`.
    func index(site folder: String, scope: String? = nil, outputPath: String? = nil) throws(WriteError) -> String {
        let output: String
        let status: Int32
        var arguments = ["--site", folder, "--keep-index-url"]
        if let scope { arguments += ["--glob", scope] }
        if let outputPath { arguments += ["--output-path", outputPath] }
        do {
            (status, output) = try Self.run(executable, arguments)
        } catch {
            throw WriteError(path: executable, message: "cannot run pagefind: \(error)")
        }
        guard status == 0 else {
            let tail = output.split(separator: "\n").suffix(12).joined(separator: "\n")
            throw WriteError(path: executable, message: "pagefind failed (exit status \(status)); the previous site is left in place:\n\(tail)")
        }
        let indexed = output.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { $0.hasPrefix("Indexed ") && ($0.hasSuffix(" page") || $0.hasSuffix(" pages")) }
        return indexed ?? "indexed"
    }

    /// The binary inside the `pagefind_bin` Python package, asked of the package itself.
    static func pythonPackageBinary(_ python: String) -> String? {
        guard let (status, output) = try? run(python, ["-c", "import pagefind_bin, sys; sys.stdout.write(str(pagefind_bin.get_executable()))"]),
              status == 0, !output.isEmpty, !output.contains("\n") else { return nil }
        return output
    }

    static func onPath(_ name: String, _ environment: [String: String]) -> String? {
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if isExecutable(candidate) { return candidate }
        }
        return nil
    }

    static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs a program to its end; returns its exit status and what it wrote (standard output
    /// and standard error together).
    static func run(_ executable: String, _ arguments: [String]) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
