import Foundation

/// A plain HTTP/1.1 client over a raw loopback socket: it sends the request target exactly as
/// given (no client-side `..` clean-up, unlike browsers and URL libraries), which is what a
/// path-traversal test needs.
struct HTTPProbe {
    struct Reply {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let port: Int
    var timeoutSeconds = 5

    /// One request on its own connection (`Connection: close`), read to the end.
    func request(_ target: String, method: String = "GET") throws -> Reply {
        let fd = try connect()
        defer { close(fd) }
        try send(fd, "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/html,*/*\r\nConnection: close\r\n\r\n")
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { throw Failure(description: "no complete answer to \(method) \(target) within \(timeoutSeconds) s") }
            if n == 0 { break }
            data += buffer[0..<n]
        }
        return try parse(data, method: method, target: target)
    }

    /// An open event stream: `read(until:)` collects what the server sends.
    final class Stream {
        let fd: Int32
        private(set) var received = ""

        init(fd: Int32) { self.fd = fd }
        deinit { close(fd) }

        /// Reads until `text` has arrived `count` times in all or `seconds` pass.
        func read(until text: String, count: Int = 1, seconds: Double) -> Bool {
            let deadline = monotonicSeconds() + seconds
            var buffer = [UInt8](repeating: 0, count: 4096)
            while received.components(separatedBy: text).count - 1 < count {
                guard monotonicSeconds() < deadline else { return false }
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n > 0 { received += String(decoding: buffer[0..<n], as: UTF8.self) }
                if n == 0 { break } // closed by the server
            }
            return received.components(separatedBy: text).count - 1 >= count
        }

        /// Whether the server closed the stream within `seconds`.
        func waitForClose(seconds: Double) -> Bool {
            let deadline = monotonicSeconds() + seconds
            var buffer = [UInt8](repeating: 0, count: 4096)
            while monotonicSeconds() < deadline {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n == 0 { return true }
                if n > 0 { received += String(decoding: buffer[0..<n], as: UTF8.self) }
                if n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { return true }
            }
            return false
        }
    }

    /// Opens a long-lived GET (the server-sent event stream); reads time out after 0.2 s each.
    func stream(_ target: String) throws -> Stream {
        let fd = try connect(receiveTimeout: 0.2)
        try send(fd, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        return Stream(fd: fd)
    }

    private func connect(receiveTimeout: Double? = nil) throws -> Int32 {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        let timeout = receiveTimeout ?? Double(timeoutSeconds)
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw Failure(description: "connect to 127.0.0.1:\(port): \(reason)")
        }
        return fd
    }

    private func send(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send: \(String(cString: strerror(errno)))") }
            offset += n
        }
    }

    private func parse(_ data: [UInt8], method: String, target: String) throws -> Reply {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = data.indices.first(where: { data[$0...].starts(with: separator) }) else {
            throw Failure(description: "no HTTP header in the answer to \(method) \(target): \(String(decoding: data, as: UTF8.self))")
        }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure(description: "bad status line: \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(data[(end + separator.count)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    private func dechunk(_ data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < data.count {
            guard let lineEnd = (i..<data.count - 1).first(where: { data[$0] == 13 && data[$0 + 1] == 10 }) else { break }
            let sizeText = String(decoding: data[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16), size > 0 else { break }
            let start = lineEnd + 2
            out += data[start..<min(start + size, data.count)]
            i = start + size + 2
        }
        return out
    }
}

func monotonicSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
