#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Render

/// Where an article's body HTML stands in its page: the bytes `offset..<offset + length`, whose
/// digest is `digest`. Recorded only when the body is there once and nowhere else, and the
/// theme puts it in the page once, unescaped (`TemplateSet.rendersOnce`): then an edit that
/// changes nothing but the body gives the same page with the new body in this place.
struct BodySpan: Sendable, Equatable {
    var offset: Int
    var length: Int
    var digest: ContentDigest

    /// The span of `body` in `page`; nil when the body is empty or not there exactly once.
    static func find(_ body: [UInt8], in page: [UInt8]) -> BodySpan? {
        guard !body.isEmpty, let first = position(of: body, in: page, from: 0),
              position(of: body, in: page, from: first + 1) == nil else { return nil }
        return BodySpan(offset: first, length: body.count, digest: ContentDigest.of(body))
    }

    /// The page with `body` in place of the span, or nil when the page does not hold, there,
    /// the body the span was recorded for.
    func replaced(in page: [UInt8], by body: [UInt8]) -> [UInt8]? {
        guard !body.isEmpty, offset + length <= page.count,
              page.withUnsafeBytes({ ContentDigest.of(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }) == digest
        else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(page.count - length + body.count)
        out += page[..<offset]
        out += body
        out += page[(offset + length)...]
        return out
    }

    /// The first place at or after `start` where `needle` (not empty) stands in `haystack`.
    static func position(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                let first = Int32(pin[0])
                var at = start
                while at + pin.count <= hay.count {
                    guard let found = memchr(hay.baseAddress! + at, first, hay.count - pin.count + 1 - at) else { return nil }
                    at = hay.baseAddress!.distance(to: UnsafeRawPointer(found))
                    if memcmp(hay.baseAddress! + at, pin.baseAddress!, pin.count) == 0 { return at }
                    at += 1
                }
                return nil
            }
        }
    }
}
