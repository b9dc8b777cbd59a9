/// A hash of a folded key's bytes (FNV-1a), made by the tokenizer while it folds a word, so
/// that lookups of the key need not hash the `String` again (Swift's `Hasher` is SipHash,
/// several times the cost of this for the short ASCII keys of words).
enum FoldedKeyHash {
    static let seed: UInt64 = 0xcbf2_9ce4_8422_2325

    @inline(__always)
    static func add(_ byte: UInt8, to h: UInt64) -> UInt64 {
        (h ^ UInt64(byte)) &* 0x100_0000_01b3
    }

    static func of<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        var h = seed
        for b in bytes { h = add(b, to: h) }
        return h
    }

    static func of(_ key: String) -> UInt64 { of(key.utf8) }

    /// Spreads the bits of `h`, mixed with `salt`, for a power-of-two table.
    @inline(__always)
    static func slot(_ h: UInt64, salt: UInt64 = 0) -> UInt64 {
        var x = h ^ (salt &* 0x9E37_79B9_7F4A_7C15)
        x ^= x >> 32
        x &*= 0xD6E8_FEB8_6659_FD93
        x ^= x >> 32
        return x
    }
}

/// A read-mostly map from (salt, folded key) to a value, probed with the key's
/// `FoldedKeyHash` (open addressing, linear probing). The salt lets one table hold the edges
/// of every node of a trie. Answers exactly what a `[String: Value]` per salt would.
///
/// Each slot holds its entry's index and 32 more bits of the mixed hash (a fingerprint), so a
/// probe reads only the slot array until the fingerprint agrees: most lookups of words the table
/// does not hold never touch `entries`, and a hit reads one entry to confirm the key.
struct FoldedKeyTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: String
        var hash: UInt64
        var salt: UInt64
        var value: Value
    }

    private var entries: [Entry] = []
    /// Per slot: the fingerprint (high 32 bits) and the index into `entries` plus one (low 32
    /// bits); 0 is an empty slot.
    private var slots: [UInt64] = Array(repeating: 0, count: 16)

    var count: Int { entries.count }

    /// The slot where probing starts and the fingerprint of (hash, salt): independent bits of one mix.
    @inline(__always)
    private static func start(_ hash: UInt64, salt: UInt64, mask: Int) -> (slot: Int, fingerprint: UInt64) {
        let mixed = FoldedKeyHash.slot(hash, salt: salt)
        return (Int(truncatingIfNeeded: mixed) & mask, mixed & 0xFFFF_FFFF_0000_0000)
    }

    func value(for key: String, hash: UInt64, salt: UInt64 = 0) -> Value? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            let (first, fingerprint) = Self.start(hash, salt: salt, mask: mask)
            var i = first
            while true {
                let slot = slots[i]
                if slot == 0 { return nil }
                if slot & 0xFFFF_FFFF_0000_0000 == fingerprint {
                    let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
                    if entries[e].hash == hash, entries[e].salt == salt, entries[e].key == key { return entries[e].value }
                }
                i = (i + 1) & mask
            }
        }
    }

    func value(for key: String, salt: UInt64 = 0) -> Value? {
        value(for: key, hash: FoldedKeyHash.of(key), salt: salt)
    }

    /// Sets the value of `key`, or changes it with `update` when there is one.
    mutating func set(_ key: String, salt: UInt64 = 0, _ value: Value, update: (inout Value) -> Void = { _ in }) {
        let hash = FoldedKeyHash.of(key)
        let mask = slots.count - 1
        let (first, fingerprint) = Self.start(hash, salt: salt, mask: mask)
        var i = first
        while true {
            let slot = slots[i]
            if slot == 0 { break }
            let e = Int(truncatingIfNeeded: slot & 0xFFFF_FFFF) - 1
            if slot & 0xFFFF_FFFF_0000_0000 == fingerprint, entries[e].hash == hash, entries[e].salt == salt, entries[e].key == key {
                update(&entries[e].value)
                return
            }
            i = (i + 1) & mask
        }
        entries.append(Entry(key: key, hash: hash, salt: salt, value: value))
        slots[i] = fingerprint | UInt64(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (n, entry) in entries.enumerated() {
            let (first, fingerprint) = Self.start(entry.hash, salt: entry.salt, mask: mask)
            var i = first
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = fingerprint | UInt64(n + 1)
        }
    }
}
