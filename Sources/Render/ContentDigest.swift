import ParleyCore

/// A 128-bit digest of bytes, strings and template contexts, for telling whether what a page or
/// a piece of a page is made from has changed. Not cryptographic: it guards against accidents
/// (two different inputs that digest alike by chance), not against an adversary; with 128 bits
/// that chance is nil in practice.
///
/// Contexts are digested by structure: an object by its names and values in order, a list in
/// order, strings by their UTF-8 bytes, integers and booleans by value, each with its kind so
/// `1`, `"1"` and `true` differ.
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

    /// The digest of a context value.
    public static func ofContext(_ value: TemplateValue) -> ContentDigest {
        var hasher = ContextHasher()
        hasher.add(value)
        return hasher.digest
    }

    public static func ofContext(_ object: TemplateObject) -> ContentDigest {
        var hasher = ContextHasher()
        hasher.add(object)
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

    mutating func add(_ value: TemplateValue) {
        switch value {
        case .string(let string): combine(ContentDigest.of(string, seed: 1))
        case .bool(let flag): combine(kind: 3, flag ? 1 : 0)
        case .int(let number): combine(kind: 4, UInt64(bitPattern: Int64(number)))
        case .list(let items):
            combine(kind: 5, UInt64(items.count))
            for item in items { add(item) }
        case .object(let object): add(object)
        }
    }

    /// An object by its names and values, in order.
    mutating func add(_ object: TemplateObject) {
        combine(kind: 7, UInt64(object.entries.count))
        for entry in object.entries {
            combine(kind: 8, entry.key.nameBits)
            add(entry.value)
        }
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
