import ParleyTestSupport
@testable import Render
import Testing

/// The digest tells whether what a page, a cache file or a manifest is made from changed, so
/// any change of the bytes must change it: every byte of every lane, the trailing bytes, the
/// length, the seed.
struct ContentDigestTests {
    @Test func everySingleBitFlipChangesTheDigestAtEveryLength() {
        var generator = SplitMix64(seed: 7)
        var seen: Set<ContentDigest> = []
        var digests = 0
        // Lengths around each boundary of the four 8-byte lanes and of the trailing bytes.
        for length in Array(0...80) + [127, 128, 129, 1000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            seen.insert(ContentDigest.of(bytes))
            digests += 1
            for bit in stride(from: 0, to: length * 8, by: length > 100 ? 37 : 1) {
                var flipped = bytes
                flipped[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
                seen.insert(ContentDigest.of(flipped))
                digests += 1
            }
        }
        #expect(seen.count == digests)
    }

    @Test func lengthAndSeedCount() {
        var seen: Set<ContentDigest> = []
        for length in 0...100 {
            seen.insert(ContentDigest.of([UInt8](repeating: 0, count: length)))
        }
        #expect(seen.count == 101, "runs of zero bytes of different lengths digest alike")
        let bytes = Array("the same bytes".utf8)
        #expect(Set((0..<50).map { ContentDigest.of(bytes, seed: $0) }).count == 50)
        // Each half changes on its own: a digest whose halves repeat tells less than 128 bits.
        let one = ContentDigest.of(bytes), other = ContentDigest.of(bytes + [0])
        #expect(one.high != other.high && one.low != other.low)
    }

    @Test func wordsSwappedBetweenLanesDiffer() {
        // The same four words in another order: lanes that were added up alike would not tell.
        let words: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]
        var seen: Set<ContentDigest> = []
        var orders = 0
        func permutations(_ rest: [UInt64], _ prefix: [UInt64]) {
            if rest.isEmpty {
                orders += 1
                seen.insert(prefix.withUnsafeBytes { ContentDigest.of($0) })
                return
            }
            for (i, word) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: i)
                permutations(remaining, prefix + [word])
            }
        }
        permutations(Array(words.prefix(6)), [])
        #expect(seen.count == orders)
    }
}
