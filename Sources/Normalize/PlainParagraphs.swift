extension SentenceSplitter {
    /// What `split(text).map(\.text).joined(separator: " ")` gives, found without splitting:
    /// the text without its outer spaces, when the text has plain spacing (single ASCII spaces,
    /// no tabs, newlines or other whitespace) and no stop that could mend a run-together
    /// sentence. Nil when the text needs the full split.
    ///
    /// With plain spacing every boundary the splitter finds stands at one space, which the
    /// join puts back; only a run-together boundary (`said.The`) would add one. A stop is
    /// taken as possibly run-together, as `isRunTogether` could find it, when a lower-case
    /// or non-ASCII letter precedes it and, after its further stops and closers and an
    /// optional opening quote or bracket, an upper-case or non-ASCII scalar follows.
    static func joinedWithoutSplitting(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            let n = bytes.count
            var previousWasSpace = false
            var i = 0
            while i < n {
                let b = bytes[i]
                if b >= 0x80 {
                    let (scalar, width) = Scalars.decode(bytes, at: i)
                    if Scalars.isSpace(scalar) { return nil }
                    previousWasSpace = false
                    i += width
                    continue
                }
                if b == 0x20 {
                    if previousWasSpace { return nil }
                    previousWasSpace = true
                    i += 1
                    continue
                }
                if b >= 0x09 && b <= 0x0D { return nil }
                previousWasSpace = false
                if (b == 0x2E || b == 0x3F || b == 0x21), i > 0, bytes[i - 1] >= 0x80 || (bytes[i - 1] >= 0x61 && bytes[i - 1] <= 0x7A) {
                    var j = i + 1
                    while j < n {
                        let (s, width) = Scalars.decode(bytes, at: j)
                        guard Scalars.isTerminal(s) || Scalars.isCloser(s) else { break }
                        j += width
                    }
                    if j < n {
                        var (next, width) = Scalars.decode(bytes, at: j)
                        if !Scalars.isSpace(next) {
                            if Scalars.isOpeningQuote(next) || next == "(", j + width < n {
                                next = Scalars.decode(bytes, at: j + width).0
                            }
                            if next.value >= 0x80 || (next.value >= 0x41 && next.value <= 0x5A) { return nil }
                        }
                    }
                }
                i += 1
            }
            var a = 0, z = n
            while a < z, bytes[a] == 0x20 { a += 1 }
            while z > a, bytes[z - 1] == 0x20 { z -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[a..<z]), as: UTF8.self)
        }
    }
}
