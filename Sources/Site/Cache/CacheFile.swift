import Ingest
import ParleyCore
import Render
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One file of the build cache: a kind tag, the digest of the payload, then the payload.
/// Written to a temporary name and renamed, so a reader sees a whole file or the previous one;
/// a file cut short, changed by hand or written by other code fails the digest and is ignored.
enum CacheFile {
    /// A reader of the payload (the file's bytes, read from where the payload starts, not copied);
    /// nil when the file is not there, cannot be read, or is not a whole, unchanged file of this
    /// kind (the cache then only means more work).
    static func read(_ path: String, kind: String) -> ByteReader? {
        guard let bytes = try? DiskFileSystem().readFile(path) else { return nil }
        var reader = ByteReader(bytes)
        do throws(ByteReader.Damaged) {
            guard try reader.readString() == kind else { return nil }
            let digest = try reader.readDigest()
            let start = reader.position
            let payload = bytes.withUnsafeBytes { ContentDigest.of(UnsafeRawBufferPointer(rebasing: $0[start...])) }
            return payload == digest ? ByteReader(bytes, from: start) : nil
        } catch {
            return nil
        }
    }

    static func write(_ path: String, kind: String, _ payload: [UInt8]) throws(WriteError) {
        var header = ByteWriter()
        header.write(kind)
        header.write(ContentDigest.of(payload))
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: temporary, message: "cannot create: \(String(cString: strerror(errno)))") }
        let written = writeAll(fd, header.bytes) && writeAll(fd, payload)
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, message: "cannot write: \(message)")
        }
    }
}
