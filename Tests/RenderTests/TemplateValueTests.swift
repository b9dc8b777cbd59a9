import ParleyCore
@testable import Render
import Testing

/// Page contexts are `TemplateObject`s keyed by numbered names (`TemplateKey`): a name in a
/// template and the same name in a context must meet, however each was made.
@Suite struct TemplateValueTests {
    @Test func aNameHasOneKeyWhereverItIsMade() {
        let literal: TemplateKey = "templateValueTests-title"
        let made = TemplateKey(String("templateValueTests-") + "title")
        #expect(literal == made)
        #expect(literal.raw == made.raw)
        #expect(literal.name == "templateValueTests-title")
        #expect(TemplateKey("templateValueTests-other") != literal)
        // The digest bits come from the name alone, so digests are the same in every process.
        #expect(literal.nameBits == ContentDigest.of("templateValueTests-title", seed: 2).high & 0xFF_FFFF_FFFF)
    }

    @Test func anObjectKeepsOneValuePerNameInTheOrderSet() {
        var object: TemplateObject = ["b": "1", "a": 2]
        object["b"] = true
        object["c"] = "3"
        #expect(object.keys.map(\.name) == ["b", "a", "c"])
        #expect(object.count == 3)
        object["a"] = nil
        #expect(object.keys.map(\.name) == ["b", "c"])
        #expect(object["a"] == nil)
        object.merge(["c": "new", "d": false])
        #expect(object.keys.map(\.name) == ["b", "c", "d"])
        #expect(object.dictionary["c"] as? String == "new")
        #expect(object.dictionary["b"] as? Bool == true)
        let repeated: TemplateObject = ["x": "first", "x": "second"]
        #expect(repeated.count == 1)
        #expect(repeated.dictionary["x"] as? String == "second")
    }

    /// A template's name that no context gives is found nowhere, also when a context later
    /// gives it a key of its own.
    @Test func namesOfTemplatesAndContextsMeet() throws {
        let set = try TemplateSet(sources: ["t.mustache": "{{templateValueTests-late}}|{{#outer}}{{templateValueTests-late}}{{/outer}}"])
        #expect(try set.render("t", TemplateValue.object([:])) == "|")
        let context: TemplateValue = ["templateValueTests-late": "<x>", "outer": ["other": 1]]
        #expect(try set.render("t", context) == "&lt;x&gt;|&lt;x&gt;")
    }

    @Test func dictionariesTurnIntoValuesThatRenderAlike() throws {
        let any: [String: Any] = ["s": "text", "n": 3, "b": false, "d": 2.5, "list": ["a", 1, true] as [Any],
                                  "items": [["name": "x"], ["name": "y"]] as [[String: Any]]]
        let value = TemplateValue(any: any)
        guard case .object(let object) = value else {
            Issue.record("not an object: \(value)")
            return
        }
        #expect(object.keys.map(\.name) == ["b", "d", "items", "list", "n", "s"])
        let set = try TemplateSet(sources: ["t.mustache": "{{s}} {{n}} {{b}} {{d}} {{#list}}[{{.}}]{{/list}} {{#items}}{{name}};{{/items}}{{^b}}!{{/b}}"])
        #expect(try set.render("t", value) == "text 3 false 2.5 [a][1][true] x;y;!")
        #expect(try set.render("t", value) == (try set.renderWithSwiftMustache("t", value)))
    }

    @Test func digestsTellKindsNamesOrderAndValuesApart() {
        let values: [TemplateValue] = [
            "1", 1, true, false, 0, "", [], [[:]], [:], ["a": "1"], ["b": "1"], ["a": 1], ["a": "1", "b": "2"], ["b": "2", "a": "1"],
            ["1"], ["1", "1"], [["a": "1"]], ["a": ["a": "1"]],
        ]
        let digests = values.map { ContentDigest.ofContext($0) }
        #expect(Set(digests).count == values.count)
        // The same value made twice digests alike.
        let twice: [TemplateValue] = [["a": "1", "b": [1, 2]], ["a": "1", "b": [1, 2]]]
        #expect(ContentDigest.ofContext(twice[0]) == ContentDigest.ofContext(twice[1]))
    }
}

