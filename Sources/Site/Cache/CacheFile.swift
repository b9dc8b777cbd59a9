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
    enum Problem: Error, Sendable, Equatable, CustomStringConvertible {
        case missing
        case damaged
        case unreadable(String)

        var description: String {
            switch self {
            case .missing: "not there"
            case .damaged: "damaged"
            case .unreadable(let why): "unreadable: \(why)"
            }
        }
    }

    static func read(_ path: String, kind: String) throws(Problem) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { throw .missing }
            throw .unreadable(String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .unreadable(String(cString: strerror(errno))) }
        var bytes = [UInt8](repeating: 0, count: Int(st.st_size))
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw .damaged }
            done += n
        }
        var reader = ByteReader(bytes)
        do {
            guard try reader.readString() == kind else { throw Problem.damaged }
            let digest = try reader.readDigest()
            let payload = Array(bytes[reader.position...])
            guard ContentDigest.of(payload) == digest else { throw Problem.damaged }
            return payload
        } catch {
            throw .damaged
        }
    }

    static func write(_ path: String, kind: String, _ payload: [UInt8]) throws(WriteError) {
        var header = ByteWriter()
        header.write(kind)
        header.write(ContentDigest.of(payload))
        let temporary = "\(path).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: temporary, message: "cannot create: \(String(cString: strerror(errno)))") }
        var ok = true
        for part in [header.bytes, payload] where ok {
            var done = 0
            while done < part.count {
                let n = part.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { ok = false; break }
                done += n
            }
        }
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw WriteError(path: path, message: "cannot write: \(message)")
        }
    }
}

/// Removes a file, if it is there.
func unlinkQuietly(_ path: String) {
    unlink(path)
}
