#if canImport(Glibc)
import Glibc
#endif
import Ingest
import ParleyTestSupport
import Testing

@Suite struct DirectoryEntryTests {
    /// Names of every length up to the longest a file system allows, in one folder, as many as
    /// fill several directory buffers: each is read back whole and nothing past it.
    @Test func namesOfEveryLengthAreListedWhole() throws {
        let root = RepositoryPaths.temporaryFolder()
        defer { for name in (try? DiskFileSystem().listFiles(in: root)) ?? [] { unlink(root + "/" + name) }; rmdir(root) }
        var expected: [String] = []
        for length in 1...255 {
            for letter in ["a", "é"] where letter == "a" || length % 2 == 0 {
                let name = String(repeating: letter, count: letter == "a" ? length : length / 2)
                let fd = open(root + "/" + name, O_WRONLY | O_CREAT, 0o644)
                #expect(fd >= 0, "cannot create a file named with \(name.utf8.count) bytes")
                close(fd)
                expected.append(name)
            }
        }
        #expect(try DiskFileSystem().listFiles(in: root) == expected.sorted())
    }
}
