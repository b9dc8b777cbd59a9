import Glibc

/// Minimal scanning of Parley's own HTML output (quoted attributes only).
enum HTMLScan {
    enum Attribute {
        case id, href, src
    }

    /// Calls `visit` with each ` id="…"`, ` href="…"` and ` src="…"` value (the bytes between
    /// the quotes), in the order of the page. Jumps from `="` to `="` with `memchr`, so the text
    /// between attributes costs next to nothing.
    static func forEachAttribute(in bytes: UnsafeBufferPointer<UInt8>, _ visit: (Attribute, Range<Int>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        let n = bytes.count
        var i = 0
        while i < n, let found = memchr(base + i, Int32(UInt8(ascii: "=")), n - i) {
            let equals = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            i = equals + 1
            guard equals + 1 < n, bytes[equals + 1] == UInt8(ascii: "\"") else { continue }
            let kind: Attribute
            if equals >= 3, bytes[equals - 3] == UInt8(ascii: " "), bytes[equals - 2] == UInt8(ascii: "i"), bytes[equals - 1] == UInt8(ascii: "d") {
                kind = .id
            } else if equals >= 4, bytes[equals - 4] == UInt8(ascii: " "), bytes[equals - 3] == UInt8(ascii: "s"),
                      bytes[equals - 2] == UInt8(ascii: "r"), bytes[equals - 1] == UInt8(ascii: "c") {
                kind = .src
            } else if equals >= 5, bytes[equals - 5] == UInt8(ascii: " "), bytes[equals - 4] == UInt8(ascii: "h"), bytes[equals - 3] == UInt8(ascii: "r"),
                      bytes[equals - 2] == UInt8(ascii: "e"), bytes[equals - 1] == UInt8(ascii: "f") {
                kind = .href
            } else {
                // Another attribute: its value is skipped whole (an `=` inside it starts nothing).
                i = closingQuote(bytes, from: equals + 2) + 1
                continue
            }
            let start = equals + 2
            let end = closingQuote(bytes, from: start)
            visit(kind, start..<end)
            i = end + 1
        }
    }

    /// The index of the first `"` at or after `start`, or the end of the bytes.
    private static func closingQuote(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard start < bytes.count, let base = bytes.baseAddress,
              let found = memchr(base + start, Int32(UInt8(ascii: "\"")), bytes.count - start) else { return bytes.count }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    static func unescape(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "&")) else { return value }
        return value.replacingAll("&quot;", "\"").replacingAll("&#39;", "'").replacingAll("&lt;", "<")
            .replacingAll("&gt;", ">").replacingAll("&amp;", "&")
    }

    static func percentDecode(_ value: String) -> String {
        guard value.utf8.contains(UInt8(ascii: "%")) else { return value }
        var bytes: [UInt8] = []
        let source = Array(value.utf8)
        var i = 0
        while i < source.count {
            if source[i] == UInt8(ascii: "%"), i + 2 < source.count,
               let byte = UInt8(String(decoding: source[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(source[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
