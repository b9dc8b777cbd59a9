import Foundation
import Ingest
import ParleyTestSupport
import Site
import Testing

/// `parley build` on a terminal shows a progress line for a long build; anywhere else (CI's
/// files and pipes) its output is plain lines with no carriage return or escape sequence.
@Suite(.serialized) struct TerminalOutputTests {
    /// A content folder big enough that a debug build takes a noticeable time: the seeds, 20 times.
    static func corpus() throws -> String {
        let root = RepositoryPaths.temporaryFolder("parley-terminal")
        try FileManager.default.createDirectory(atPath: root + "/content/articles", withIntermediateDirectories: true)
        let seeds = try DiskFileSystem().listFiles(in: RepositoryPaths.inRepository("content/articles"))
        for copy in 0..<20 {
            for seed in seeds {
                let text = try String(contentsOfFile: RepositoryPaths.inRepository("content/articles/" + seed), encoding: .utf8)
                _ = FileManager.default.createFile(atPath: root + "/content/articles/\(copy)-\(seed)", contents: Data("Copy \(copy): \(text)".utf8))
            }
        }
        return root
    }

    static func buildProcess(_ root: String) -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RepositoryPaths.parleyExecutable)
        process.arguments = ["build", "--content", root + "/content", "--templates", RepositoryPaths.inRepository("templates"), "--output", root + "/public", "--no-search"]
        process.environment = ["TERM": "xterm", "PATH": "/usr/bin:/bin"]
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// A pseudo-terminal pair. The POSIX calls are looked up at run time: Glibc's module map
    /// hides them behind feature macros.
    static func openTerminal() -> (master: Int32, slave: Int32)? {
        typealias OpenPT = @convention(c) (Int32) -> Int32
        typealias PTName = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let handle = dlopen(nil, RTLD_NOW),
              let openpt = dlsym(handle, "posix_openpt"), let grant = dlsym(handle, "grantpt"),
              let unlock = dlsym(handle, "unlockpt"), let name = dlsym(handle, "ptsname") else { return nil }
        let master = unsafeBitCast(openpt, to: OpenPT.self)(O_RDWR | O_NOCTTY)
        guard master >= 0 else { return nil }
        guard unsafeBitCast(grant, to: OpenPT.self)(master) == 0, unsafeBitCast(unlock, to: OpenPT.self)(master) == 0,
              let path = unsafeBitCast(name, to: PTName.self)(master) else {
            close(master)
            return nil
        }
        let slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else {
            close(master)
            return nil
        }
        return (master, slave)
    }

    @Test func filesAndPipesGetPlainLines() throws {
        let root = try Self.corpus()
        defer { try? removeTree(root) }
        let process = Self.buildProcess(root)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stderr = err.fileHandleForReading.readDataToEndOfFile() // drained first: there are many warnings
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        for (name, data) in [("stdout", stdout), ("stderr", stderr)] {
            #expect(!data.contains(0x1B), "an escape sequence on \(name)")
            #expect(!data.contains(0x0D), "a carriage return on \(name)")
        }
        // Plain lines: the search note, then the summary.
        let lines = String(decoding: stdout, as: UTF8.self).split(separator: "\n")
        #expect(lines.last?.hasPrefix("100 articles") == true)
    }

    @Test func aTerminalGetsAProgressLineThatIsClearedAtTheEnd() throws {
        let root = try Self.corpus()
        defer { try? removeTree(root) }
        // A pseudo-terminal for standard output; warnings go to a file.
        let (master, slave) = try #require(Self.openTerminal())
        defer { close(master) }
        let process = Self.buildProcess(root)
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        let start = Date()
        try process.run()
        close(slave) // the child has its own copy; reads end when it exits
        var screen: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break } // EIO once the child has closed the terminal
            screen += buffer[0..<n]
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        #expect(process.terminationStatus == 0)
        let text = String(decoding: screen, as: UTF8.self)
        let clear = "\r\u{1B}[K"
        if seconds > 1.5 {
            // Long enough that the line must have been drawn (it waits 0.3 s before it appears).
            #expect(text.contains(clear + "parley: building… "), "no progress line in \(text.debugDescription)")
        }
        if text.contains("parley: ") {
            // Cleared before the summary, which is all that stays on the screen.
            let last = try #require(text.range(of: clear, options: .backwards))
            #expect(text[last.upperBound...].hasPrefix("100 articles"), "\(text.debugDescription)")
            #expect(!text[last.upperBound...].contains("parley: "))
        }
    }
}
