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
struct FoldedKeyTable<Value: Sendable>: Sendable {
    private struct Entry: Sendable {
        var key: String
        var hash: UInt64
        var salt: UInt64
        var value: Value
    }

    private var entries: [Entry] = []
    /// Index into `entries` plus one; 0 is an empty slot.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    var count: Int { entries.count }

    func value(for key: String, hash: UInt64, salt: UInt64 = 0) -> Value? {
        let mask = UInt64(slots.count - 1)
        var i = Int(truncatingIfNeeded: FoldedKeyHash.slot(hash, salt: salt) & mask)
        while true {
            let e = Int(slots[i])
            if e == 0 { return nil }
            if entries[e - 1].hash == hash, entries[e - 1].salt == salt, entries[e - 1].key == key { return entries[e - 1].value }
            i = (i + 1) & Int(mask)
        }
    }

    func value(for key: String, salt: UInt64 = 0) -> Value? {
        value(for: key, hash: FoldedKeyHash.of(key), salt: salt)
    }

    /// Sets the value of `key`, or changes it with `update` when there is one.
    mutating func set(_ key: String, salt: UInt64 = 0, _ value: Value, update: (inout Value) -> Void = { _ in }) {
        let hash = FoldedKeyHash.of(key)
        let mask = UInt64(slots.count - 1)
        var i = Int(truncatingIfNeeded: FoldedKeyHash.slot(hash, salt: salt) & mask)
        while true {
            let e = Int(slots[i])
            if e == 0 { break }
            if entries[e - 1].hash == hash, entries[e - 1].salt == salt, entries[e - 1].key == key {
                update(&entries[e - 1].value)
                return
            }
            i = (i + 1) & Int(mask)
        }
        entries.append(Entry(key: key, hash: hash, salt: salt, value: value))
        slots[i] = Int32(entries.count)
        if entries.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        let mask = UInt64(slots.count - 1)
        for (n, entry) in entries.enumerated() {
            var i = Int(truncatingIfNeeded: FoldedKeyHash.slot(entry.hash, salt: entry.salt) & mask)
            while slots[i] != 0 { i = (i + 1) & Int(mask) }
            slots[i] = Int32(n + 1)
        }
    }
}
