import ParleyCore

/// A 128-bit digest of bytes, strings and template contexts, for telling whether what a page or
/// a piece of a page is made from has changed. Not cryptographic: it guards against accidents
/// (two different inputs that digest alike by chance), not against an adversary; with 128 bits
/// that chance is nil in practice.
///
/// Contexts are digested by structure: a dictionary by its pairs in any order (its iteration
/// order is not stable), an array in order, strings by their UTF-8 bytes, and integers,
/// booleans and doubles by value, each with its kind so `1`, `"1"` and `true` differ.
public struct ContentDigest: Hashable, Sendable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public var description: String {
        func hex(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return hex(high) + hex(low)
    }

    // MARK: Bytes

    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> ContentDigest {
        var h1: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ seed
        var h2: UInt64 = 0xC2B2_AE3D_27D4_EB4F ^ (seed &* 0x1656_67B1_9E37_79F9)
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let w = bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h1 = mix(h1 ^ w) &+ h2
            h2 = mix(h2 &+ (w &* 0x9FB2_1C65_1E98_DF25))
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        h1 = mix(h1 ^ tail ^ UInt64(n)) &+ h2
        h2 = mix(h2 &+ tail &+ (UInt64(n) << 32))
        return ContentDigest(high: mix(h1 ^ (h2 >> 29)), low: mix(h2 &+ h1))
    }

    public static func of(_ bytes: [UInt8], seed: UInt64 = 0) -> ContentDigest {
        bytes.withUnsafeBytes { of($0, seed: seed) }
    }

    public static func of(_ text: String, seed: UInt64 = 0) -> ContentDigest {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0), seed: seed) }
    }

    /// A digest of several digests, in order.
    public static func combining(_ parts: [ContentDigest], seed: UInt64 = 0) -> ContentDigest {
        var words: [UInt64] = []
        words.reserveCapacity(parts.count * 2)
        for part in parts { words += [part.high, part.low] }
        return words.withUnsafeBytes { of($0, seed: seed) }
    }

    // MARK: Contexts

    /// The digest of a context value; nil when it holds something other than dictionaries with
    /// string keys, arrays, strings, integers, doubles and booleans.
    public static func ofContext(_ value: Any) -> ContentDigest? {
        var hasher = ContextHasher()
        guard hasher.add(value) else { return nil }
        return hasher.digest
    }

    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Digests a context value by structure (see `ContentDigest`).
private struct ContextHasher {
    var high: UInt64 = 0x243F_6A88_85A3_08D3
    var low: UInt64 = 0x1319_8A2E_0370_7344

    var digest: ContentDigest { ContentDigest(high: ContentDigest.mix(high ^ 0x5851_F42D), low: ContentDigest.mix(low &+ high)) }

    mutating func combine(_ d: ContentDigest) {
        high = ContentDigest.mix(high ^ d.high) &+ low
        low = ContentDigest.mix(low &+ d.low)
    }

    mutating func combine(kind: UInt64, _ word: UInt64) {
        combine(ContentDigest(high: ContentDigest.mix(kind &* 0x9E37_79B9 ^ word), low: ContentDigest.mix(word &+ kind)))
    }

    /// False when `value` holds a type that has no digest here.
    mutating func add(_ value: Any) -> Bool {
        let type = type(of: value)
        if type == String.self {
            combine(ContentDigest.of(value as! String, seed: 1))
        } else if type == [String: Any].self {
            return addDictionary(value as! [String: Any])
        } else if type == Bool.self {
            combine(kind: 3, (value as! Bool) ? 1 : 0)
        } else if type == Int.self {
            combine(kind: 4, UInt64(bitPattern: Int64(value as! Int)))
        } else if type == [[String: Any]].self {
            let items = value as! [[String: Any]]
            combine(kind: 5, UInt64(items.count))
            for item in items where !addDictionary(item) { return false }
        } else if type == [Any].self {
            let items = value as! [Any]
            combine(kind: 5, UInt64(items.count))
            for item in items where !add(item) { return false }
        } else if type == [String].self {
            let items = value as! [String]
            combine(kind: 5, UInt64(items.count))
            for item in items { combine(ContentDigest.of(item, seed: 1)) }
        } else if type == Double.self {
            combine(kind: 6, (value as! Double).bitPattern)
        } else if type == [String: String].self {
            return addDictionary(value as! [String: String])
        } else if type == [String: Bool].self {
            return addDictionary(value as! [String: Bool])
        } else {
            return false
        }
        return true
    }

    /// Pairs in any order: the sum of the pairs' digests.
    mutating func addDictionary<V>(_ dictionary: [String: V]) -> Bool {
        var sumHigh: UInt64 = 0
        var sumLow: UInt64 = 0
        for (key, value) in dictionary {
            var pair = ContextHasher()
            pair.combine(ContentDigest.of(key, seed: 2))
            guard pair.add(value) else { return false }
            let d = pair.digest
            sumHigh = sumHigh &+ d.high
            sumLow = sumLow &+ d.low
        }
        combine(kind: 7, UInt64(dictionary.count))
        combine(ContentDigest(high: sumHigh, low: sumLow))
        return true
    }
}

extension ByteWriter {
    public mutating func write(_ digest: ContentDigest) {
        write(digest.high)
        write(digest.low)
    }
}

extension ByteReader {
    public mutating func readDigest() throws(Damaged) -> ContentDigest {
        ContentDigest(high: try readUInt64(), low: try readUInt64())
    }
}
