extension StringProtocol {
    /// The text without leading and trailing whitespace (including newlines).
    /// (`String` and `Substring` have a faster one that gives the same.)
    public var trimmed: String { trimmedByCharacter }

    /// `trimmed`, `Character` by `Character`.
    public var trimmedByCharacter: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }

    /// True when the UTF-8 of the text holds `byte`.
    public func containsUTF8(_ byte: UInt8) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(byte) }) { return found }
        return utf8.contains(byte)
    }
}

extension String {
    /// The text without leading and trailing whitespace (including newlines).
    public var trimmed: String { self[...].trimmed }
}

extension Substring {
    /// The text without leading and trailing whitespace (including newlines).
    ///
    /// Whitespace is decided per `Character`. Where the ends are ASCII the bytes say it: an
    /// ASCII whitespace byte followed (or, at the end, preceded) by an ASCII byte is a
    /// `Character` of its own (or CR LF, all whitespace), and an ASCII byte that is not
    /// whitespace starts or ends a `Character` that is not. Other ends take the `Character`
    /// path.
    public var trimmed: String {
        let u = utf8
        var a = u.startIndex, b = u.endIndex
        while a < b, Self.isASCIIWhitespace(u[a]) {
            let next = u.index(after: a)
            if next < b, u[next] >= 0x80 { return trimmedByCharacter }
            a = next
        }
        while b > a {
            let last = u.index(before: b)
            let byte = u[last]
            if byte >= 0x80 { return trimmedByCharacter }
            guard Self.isASCIIWhitespace(byte) else { break }
            if last > a, u[u.index(before: last)] >= 0x80 { return trimmedByCharacter }
            b = last
        }
        if a < b, u[a] >= 0x80 { return trimmedByCharacter }
        return String(self[a..<b])
    }

    @inline(__always)
    private static func isASCIIWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}

extension String {
    /// The Unicode scalars of the text, and the UTF-8 offset of each scalar followed by the
    /// text's UTF-8 length: what scanners that look back and ahead by scalar need. Read from
    /// the bytes in one pass (ASCII bytes taken as they are).
    public func scalarsWithOffsets() -> (scalars: [Unicode.Scalar], offsets: [Int]) {
        var text = self
        return text.withUTF8 { bytes in
            let n = bytes.count
            var count = 0
            var offsets: [Int] = []
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: n) { scalarSlots, scalarCount in
                offsets = [Int](unsafeUninitializedCapacity: n + 1) { offsetSlots, offsetCount in
                    var i = 0
                    while i < n {
                        let lead = UInt32(bytes[i])
                        offsetSlots[count] = i
                        if lead < 0x80 {
                            scalarSlots[count] = Unicode.Scalar(UInt8(lead))
                            i += 1
                        } else {
                            let (value, length) = UTF8Scalar.decode(bytes, at: i)
                            i += length
                            scalarSlots[count] = Unicode.Scalar(value) ?? "\u{FFFD}"
                        }
                        count += 1
                    }
                    offsetSlots[count] = n
                    offsetCount = count + 1
                }
                scalarCount = count
            }
            return (scalars, offsets)
        }
    }
}

/// `1 article`, `3 articles`.
public func counted(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : "s")"
}

/// Decoding one scalar of valid UTF-8, for scanners that skip ASCII bytes themselves.
public enum UTF8Scalar {
    /// The scalar value that starts at `i` (a lead byte of 0x80 or more) and its length in bytes.
    @inlinable
    public static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32, length: Int) {
        let lead = UInt32(bytes[i])
        if lead < 0xE0 {
            return ((lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        } else if lead < 0xF0 {
            return ((lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return ((lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F), 4)
    }
}
