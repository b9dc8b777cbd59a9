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

    /// Four independent lanes, each taking every fourth 8-byte word in the round of xxHash64
    /// (`round`), so the processor works on the four at once: about five times the speed of one
    /// chain of mixes at the sizes a build digests (cache files and manifests of megabytes, page
    /// inputs of kilobytes). The lanes, the trailing bytes and the length are then mixed into
    /// the two halves, each of which depends on every lane.
    public static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> ContentDigest {
        var v0 = seed &+ prime1 &+ prime2
        var v1 = seed &+ prime2
        var v2 = seed ^ 0x243F_6A88_85A3_08D3
        var v3 = seed &- prime1
        let n = bytes.count
        var i = 0
        while i + 32 <= n {
            v0 = round(v0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            v1 = round(v1, bytes.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self))
            v2 = round(v2, bytes.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self))
            v3 = round(v3, bytes.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self))
            i += 32
        }
        // At most three whole words are left, one for each of the first lanes.
        if i + 8 <= n {
            v0 = round(v0, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
            if i + 8 <= n {
                v1 = round(v1, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                i += 8
                if i + 8 <= n {
                    v2 = round(v2, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                    i += 8
                }
            }
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < n {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
        }
        let length = UInt64(n)
        v3 = round(v3, tail ^ (length &* prime1))
        let h = mix(v0 &+ v1.rotatedLeft(7) &+ v2.rotatedLeft(12) &+ v3.rotatedLeft(18) ^ length)
        let l = mix(v3 ^ v2.rotatedLeft(29) ^ v1.rotatedLeft(41) ^ v0.rotatedLeft(53) &+ (length << 32))
        return ContentDigest(high: mix(h ^ (l >> 29)), low: mix(l &+ h))
    }

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// xxHash64's round: a bijection of the lane for a given word, and of the word for a given lane.
    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        (lane &+ word &* prime2).rotatedLeft(31) &* prime1
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

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 {
        (self &<< count) | (self &>> (64 &- count))
    }
}
