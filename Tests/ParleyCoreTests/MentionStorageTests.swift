import Foundation
import ParleyCore
import Testing

/// A mention keeps its paragraph and offsets in 32 bits and no copy of its words; what it
/// gives and how it is coded must not change.
@Suite struct MentionStorageTests {
    @Test func aMentionTakesThirtyTwoBytes() {
        #expect(MemoryLayout<Mention>.stride == 32)
    }

    /// Its words are read from its paragraph, by UTF-8 offsets, whatever the script.
    @Test func theWordsOfAMentionAreItsParagraphsBytes() {
        let article = NormalizedArticle(source: SourceArticle(path: "articles/a.txt", format: .text, body: ""), title: "A",
                                        paragraphs: [Paragraph("Talks."), Paragraph("В Киеве Sergei Lavrov said.")])
        let kyiv = Mention(kind: .place, entity: "Kyiv", paragraph: 1, start: 3, end: 13)
        let lavrov = Mention(kind: .person, entity: "sergei-lavrov", paragraph: 1, start: 14, end: 27)
        #expect(article.text(of: kyiv) == "Киеве")
        #expect(article.text(of: lavrov) == "Sergei Lavrov")
        // Offsets that are not this article's give nothing rather than a trap.
        #expect(article.text(of: Mention(kind: .place, entity: "Kyiv", paragraph: 2, start: 0, end: 1)) == "")
        #expect(article.text(of: Mention(kind: .place, entity: "Kyiv", paragraph: 0, start: 4, end: 40)) == "")
        #expect(article.text(of: Mention(kind: .place, entity: "Kyiv", paragraph: 0, start: 4, end: 2)) == "")
    }

    @Test func theOffsetsReadBackAsGiven() {
        var mention = Mention(kind: .person, entity: "sergei-lavrov", paragraph: 3, start: 17, end: 30)
        #expect((mention.paragraph, mention.start, mention.end) == (3, 17, 30))
        mention.paragraph = Int(Int32.max)
        mention.start = 0
        mention.end = 1_000_000
        #expect((mention.paragraph, mention.start, mention.end) == (Int(Int32.max), 0, 1_000_000))
        #expect(mention == Mention(kind: .person, entity: "sergei-lavrov", paragraph: Int(Int32.max), start: 0, end: 1_000_000))
        #expect(mention != Mention(kind: .event, entity: "sergei-lavrov", paragraph: Int(Int32.max), start: 0, end: 1_000_000))
    }

    @Test func itIsCodedUnderItsKeys() throws {
        let mention = Mention(kind: .place, entity: "Kyiv", paragraph: 2, start: 5, end: 9)
        let json = try JSONEncoder().encode(mention)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(Set(object.keys) == ["kind", "entity", "paragraph", "start", "end"])
        #expect(object["paragraph"] as? Int == 2 && object["start"] as? Int == 5 && object["end"] as? Int == 9)
        #expect(try JSONDecoder().decode(Mention.self, from: json) == mention)
    }

    /// A damaged build cache can hold any number; one that does not fit is refused, not a trap.
    @Test func aCachedMentionBeyondThirtyTwoBitsIsDamage() {
        let registry = RegistryIndex(Registry())
        func article(paragraph: Int) -> [UInt8] {
            var out = ByteWriter()
            out.write(NormalizedArticle(source: SourceArticle(path: "articles/a.txt", format: .text, body: ""), title: "A",
                                        paragraphs: [Paragraph("In Kyiv.")]))
            out.write(UInt64(0)) // people
            out.write(UInt64(0)) // events
            out.write(["Kyiv"])
            out.write([String]())
            out.write(UInt64(1))
            out.write("place")
            out.write("Kyiv")
            out.write(paragraph)
            out.write(3)
            out.write(7)
            out.write(UInt64(0)) // quotes
            out.write([Diagnostic]())
            return out.bytes
        }
        var good = ByteReader(article(paragraph: 0))
        #expect((try? good.readAnalyzedArticle(registry: registry))?.mentions.first?.end == 7)
        var damaged = ByteReader(article(paragraph: 1 << 40))
        #expect(throws: ByteReader.Damaged.self) { try damaged.readAnalyzedArticle(registry: registry) }
    }
}
