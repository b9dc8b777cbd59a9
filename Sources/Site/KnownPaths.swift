/// FNV-1a, 64 bits: the key of a path (and of a page's anchor) that the link check keeps and
/// compares instead of the text itself.
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    mutating func add(_ byte: UInt8) {
        value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes { add(byte) }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = FNV1a()
        hash.add(bytes)
        return hash.value
    }

    static func of(_ text: String) -> UInt64 {
        var hash = FNV1a()
        hash.add(text)
        return hash.value
    }
}

/// The files of a site as the link check looks them up: one 64-bit key per path in an
/// open-addressed table, so a link resolved on bytes is looked up without making a string of it
/// or hashing it a second time. (A broken link whose path had the key of a file of the site would
/// pass unreported: about one chance in 10^14 per broken link at 100,000 files.)
public struct KnownPaths: Sendable, ExpressibleByArrayLiteral {
    /// Keys by slot; 0 marks an empty slot (a key of 0 is stored as 1).
    private var slots: [UInt64]
    private let mask: Int
    private let shift: UInt64
    public private(set) var count = 0

    public init(_ paths: some Collection<String>) {
        var bits: UInt64 = 4
        while 1 << bits < paths.count * 2 { bits += 1 }
        slots = Array(repeating: 0, count: 1 << bits)
        mask = (1 << bits) - 1
        shift = 64 - bits
        for path in paths where insert(Self.key(FNV1a.of(path))) { count += 1 }
    }

    public init(arrayLiteral paths: String...) {
        self.init(paths)
    }

    public func contains(_ path: String) -> Bool {
        contains(key: FNV1a.of(path))
    }

    /// Whether the path whose bytes hash to `hash` (`FNV1a.of`) is known.
    func contains(key hash: UInt64) -> Bool {
        let key = Self.key(hash)
        var slot = home(key)
        while true {
            let there = slots[slot]
            if there == key { return true }
            if there == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    private mutating func insert(_ key: UInt64) -> Bool {
        var slot = home(key)
        while slots[slot] != 0 {
            if slots[slot] == key { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = key
        return true
    }

    /// The first slot tried for `key` (Fibonacci hashing: the top bits of a multiply).
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    private static func key(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }
}
