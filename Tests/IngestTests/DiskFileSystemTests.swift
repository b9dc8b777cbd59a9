import Foundation
import Ingest
import Testing

/// `DiskFileSystem.readFile` reads straight into an array sized by `fstat`.
@Suite struct DiskFileSystemTests {
    @Test(arguments: [0, 1, 4_095, 65_536, 200_003])
    func readsEveryByte(size: Int) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-read-\(getpid())-\(size)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
        let path = folder.appendingPathComponent("f.bin").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        #expect(try DiskFileSystem().readFile(path) == bytes)
    }

    @Test func aFolderOrAMissingFileIsAnError() {
        #expect(throws: FileSystemError.self) { try DiskFileSystem().readFile("/nonexistent/parley/file") }
        #expect(throws: FileSystemError.self) { try DiskFileSystem().readFile("/tmp") }
    }
}
