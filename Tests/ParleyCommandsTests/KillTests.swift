import Foundation
import Ingest
import ParleyTestSupport
import Site
import Testing

/// A build killed at any moment leaves the output exactly as the last complete build left it.
@Suite(.serialized) struct KillTests {
    static var parley: String { RepositoryPaths.parleyExecutable }

    static func snapshot(_ folder: String) -> [String: [UInt8]] {
        let fs = DiskFileSystem()
        var files: [String: [UInt8]] = [:]
        for path in (try? fs.listFiles(in: folder)) ?? [] {
            files[path] = try? fs.readFile(folder + "/" + path)
        }
        return files
    }

    static func write(_ path: String, _ text: String) {
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    /// Runs `parley build`; kills it after `delay` seconds if given. Returns the exit status.
    static func build(_ root: String, killAfter delay: Double? = nil) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: parley)
        process.arguments = ["build", "--content", root + "/content", "--templates", RepositoryPaths.inRepository("templates"), "--output", root + "/public", "--no-search",
                             "--cache", root + "/cache"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        if let delay {
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
        }
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func killedBuildsNeverLeaveAHalfWrittenSite() throws {
        #expect(RepositoryPaths.exists(Self.parley), "no parley executable at \(Self.parley)")
        let root = RepositoryPaths.temporaryFolder("parley-kill")
        defer { try? removeTree(root) }
        try FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        // Enough articles that a build takes a while: the seeds, many times over.
        let seeds = try DiskFileSystem().listFiles(in: RepositoryPaths.inRepository("content/articles"))
        for copy in 0..<90 {
            for seed in seeds {
                let text = try String(contentsOfFile: RepositoryPaths.inRepository("content/articles/" + seed), encoding: .utf8)
                Self.write(root + "/content/articles/\(copy)-\(seed)", "Copy \(copy): " + text)
            }
        }
        // Two versions of the site that differ on every page.
        func use(_ version: String) { Self.write(root + "/content/site.yml", "title: Version \(version)\n") }
        use("A")
        #expect(try Self.build(root) == 0)
        let a = Self.snapshot(root + "/public")
        use("B")
        #expect(try Self.build(root) == 0)
        let b = Self.snapshot(root + "/public")
        #expect(a.count > 450 && a.keys == b.keys && a != b)
        // The builds below alternate, each starting from the site kept by the one before the
        // last; one of them, timed, says how late a kill can still land during a build.
        use("A")
        var start = Date()
        #expect(try Self.build(root) == 0)
        let duration = Date().timeIntervalSince(start)
        #expect(Self.snapshot(root + "/public") == a)

        var current = "A"
        var rng = SystemRandomNumberGenerator()
        var killedMidway = 0
        for _ in 0..<24 {
            let next = current == "A" ? "B" : "A"
            use(next)
            start = Date()
            let delay = Double.random(in: 0.01...(duration * 1.1), using: &rng)
            _ = try Self.build(root, killAfter: delay)
            let now = Self.snapshot(root + "/public")
            if now == (next == "A" ? a : b) {
                current = next
            } else {
                #expect(now == (current == "A" ? a : b), "after a kill at \(delay) s the output is neither the old nor the new site")
                killedMidway += 1
            }
        }
        #expect(killedMidway >= 5, "too few kills landed during a build (\(killedMidway)); the test proves little")
        // The next build cleans what killed builds left beside the output; the site it replaced
        // is kept for the next one to start from (with the cache), and is a whole site too.
        #expect(try Self.build(root) == 0)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root).filter { $0.hasPrefix(".public.") && $0 != ".public.previous" }
        #expect(leftovers.isEmpty, "\(leftovers)")
        let kept = Self.snapshot(root + "/.public.previous")
        #expect(kept == a || kept == b, "the kept site is one of the two versions")
    }
}
