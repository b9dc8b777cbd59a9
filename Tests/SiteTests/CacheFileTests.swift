import Foundation
import Ingest
import ParleyCore
import ParleyTestSupport
@testable import Site
import Testing

/// A cache file is read in place: the reader starts where the payload does, and a payload that
/// changed by a byte, or was cut short, is refused.
@Suite struct CacheFileTests {
    @Test func thePayloadIsReadInPlaceAndADamagedOneIsRefused() throws {
        let folder = RepositoryPaths.temporaryFolder("parley-cachefile")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/test.bin"
        var w = ByteWriter()
        w.write("payload")
        w.write(UInt64(123_456))
        w.write(["a", "b"])
        try CacheFile.write(path, kind: "parley-test-1", w.bytes)

        var reader = try #require(CacheFile.read(path, kind: "parley-test-1"))
        #expect(try reader.readString() == "payload")
        #expect(try reader.readUInt64() == 123_456)
        #expect(try reader.readStrings() == ["a", "b"])
        #expect(reader.atEnd)

        #expect(CacheFile.read(path, kind: "parley-test-2") == nil, "another kind")
        let whole = try DiskFileSystem().readFile(path)
        var changed = whole
        changed[changed.count - 2] ^= 1
        try Data(changed).write(to: URL(fileURLWithPath: path))
        #expect(CacheFile.read(path, kind: "parley-test-1") == nil, "a byte changed")
        try Data(whole.dropLast()).write(to: URL(fileURLWithPath: path))
        #expect(CacheFile.read(path, kind: "parley-test-1") == nil, "cut short")
        #expect(CacheFile.read(folder + "/missing.bin", kind: "parley-test-1") == nil)
    }
}
