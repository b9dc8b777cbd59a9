/// A set of folded-key hashes that may answer "maybe" for a hash it does not hold, never "no"
/// for one it does (a one-hash Bloom filter of 65,536 bits). `AliasAutomaton` asks it whether a
/// token can start a spelling before it probes its trie.
struct FirstWordFilter: Sendable {
    private var bits = [UInt64](repeating: 0, count: 1024)

    /// The bit of `hash`: 16 bits of a multiplicative mix (the top bits, which depend on all of `hash`).
    @inline(__always)
    private static func bit(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 48)
    }

    mutating func insert(_ hash: UInt64) {
        let b = Self.bit(hash)
        bits[b >> 6] |= 1 << UInt64(b & 63)
    }

    /// False only when `hash` was never inserted.
    @inline(__always)
    func mayContain(_ hash: UInt64) -> Bool {
        let b = Self.bit(hash)
        return bits[b >> 6] & (1 << UInt64(b & 63)) != 0
    }
}
