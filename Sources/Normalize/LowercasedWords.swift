/// The words of `TextScanning.foldedWords` (runs of letters, digits and marks, lower-cased),
/// read from the UTF-8 bytes without making a `String` for an ASCII word.
///
/// A word whose lower-cased form is ASCII is handed over as bytes; any other is lower-cased
/// as a `String` and handed over as one, since `String` equality (canonical equivalence) is
/// not byte equality outside ASCII.
enum LowercasedWords {
    static func forEach(in text: String, ascii: (UnsafeBufferPointer<UInt8>) -> Void, other: (String) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            var lowered: [UInt8] = []
            lowered.reserveCapacity(32)
            var start = -1
            var nonASCII = false
            // An ASCII word without capitals is handed over as the text's own bytes.
            var hasUpper = false
            var i = 0
            let n = bytes.count

            func flush(_ end: Int) {
                guard start >= 0 else { return }
                if nonASCII {
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
                    if word.utf8.allSatisfy({ $0 < 0x80 }) {
                        lowered.removeAll(keepingCapacity: true)
                        lowered.append(contentsOf: word.utf8)
                        lowered.withUnsafeBufferPointer(ascii)
                    } else {
                        other(word)
                    }
                } else if hasUpper {
                    lowered.removeAll(keepingCapacity: true)
                    for k in start..<end {
                        let b = bytes[k]
                        lowered.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b)
                    }
                    lowered.withUnsafeBufferPointer(ascii)
                } else {
                    ascii(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = -1
                nonASCII = false
                hasUpper = false
            }

            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    let upper = b >= 0x41 && b <= 0x5A
                    let word = upper || (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7A)
                    if word {
                        if start < 0 { start = i }
                        if upper { hasUpper = true }
                    } else {
                        flush(i)
                    }
                    i += 1
                    continue
                }
                let (scalar, width) = Scalars.decode(bytes, at: i)
                if TextScanning.isWordScalar(scalar) {
                    if start < 0 { start = i }
                    nonASCII = true
                } else {
                    flush(i)
                }
                i += width
            }
            flush(n)
        }
    }
}

/// The lower-cased words of one text as a multiset, and how many of them another text lacks:
/// `TextScanning.bag(foldedWords(_:))` compared word for word, without a `String` per word.
struct LowercasedWordBag {
    /// Number of words (with repeats).
    private(set) var total = 0
    /// Count of each distinct word, by index.
    private var counts: [Int] = []
    /// ASCII words: open-addressed slots (index + 1, 0 empty) over `asciiKeys`.
    private var slots: [Int32]
    private var asciiHashes: [UInt64] = []
    private var asciiKeys: [[UInt8]] = []
    private var asciiIndex: [Int] = []
    /// Other words by `String` equality.
    private var otherIndex: [String: Int] = [:]

    init(_ text: String) {
        slots = Array(repeating: 0, count: 64)
        LowercasedWords.forEach(in: text, ascii: { word in
            total += 1
            let h = Self.hash(word)
            if let k = find(word, h) {
                counts[k] += 1
            } else {
                counts.append(1)
                insert(Array(word), h, index: counts.count - 1)
            }
        }, other: { word in
            total += 1
            if let k = otherIndex[word] {
                counts[k] += 1
            } else {
                counts.append(1)
                otherIndex[word] = counts.count - 1
            }
        })
    }

    /// The words of this bag missing from `text`, counting repeats: Σ max(0, mine − theirs).
    func missing(from text: String) -> Int {
        var have = Array(repeating: 0, count: counts.count)
        LowercasedWords.forEach(in: text, ascii: { word in
            if let k = find(word, Self.hash(word)) { have[k] += 1 }
        }, other: { word in
            if let k = otherIndex[word] { have[k] += 1 }
        })
        var missing = 0
        for k in counts.indices { missing += max(0, counts[k] - have[k]) }
        return missing
    }

    private func find(_ word: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> Int? {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { return nil }
            if asciiHashes[s - 1] == h, asciiKeys[s - 1].elementsEqual(word) { return asciiIndex[s - 1] }
            i = (i + 1) & mask
        }
    }

    private mutating func insert(_ word: [UInt8], _ h: UInt64, index: Int) {
        asciiKeys.append(word)
        asciiHashes.append(h)
        asciiIndex.append(index)
        if asciiKeys.count * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for k in asciiKeys.indices { place(k) }
        } else {
            place(asciiKeys.count - 1)
        }
    }

    private mutating func place(_ k: Int) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: asciiHashes[k]) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(k + 1)
    }

    /// FNV-1a with a final mix, so the low bits index the slots.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 32
        h &*= 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }
}
