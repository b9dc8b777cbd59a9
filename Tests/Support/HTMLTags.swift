/// The start tags of an HTML document with their attributes, for tests that check what
/// markup a page really has (as opposed to escaped text that merely looks like markup).
public enum HTMLTags {
    public struct Tag: Sendable {
        public var name: String
        public var attributes: [(name: String, value: String)]
    }

    public static func scan(_ html: String) -> [Tag] {
        let chars = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "<" else { i += 1; continue }
            if i + 3 < chars.count, chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
                // Skip a comment.
                i += 4
                while i + 2 < chars.count, !(chars[i] == "-" && chars[i + 1] == "-" && chars[i + 2] == ">") { i += 1 }
                i += 3
                continue
            }
            i += 1
            var name = ""
            while i < chars.count, chars[i].properties.isAlphabetic || ("0"..."9").contains(chars[i]) {
                name.unicodeScalars.append(chars[i]); i += 1
            }
            guard !name.isEmpty else { continue }
            var attributes: [(String, String)] = []
            while i < chars.count, chars[i] != ">" {
                while i < chars.count, chars[i] == " " || chars[i] == "\n" || chars[i] == "\t" || chars[i] == "/" { i += 1 }
                var attribute = ""
                while i < chars.count, !" =>/\n\t".unicodeScalars.contains(chars[i]) { attribute.unicodeScalars.append(chars[i]); i += 1 }
                var value = ""
                if i < chars.count, chars[i] == "=" {
                    i += 1
                    if i < chars.count, chars[i] == "\"" || chars[i] == "'" {
                        let quote = chars[i]
                        i += 1
                        while i < chars.count, chars[i] != quote { value.unicodeScalars.append(chars[i]); i += 1 }
                        i += 1
                    } else {
                        while i < chars.count, !" >\n\t".unicodeScalars.contains(chars[i]) { value.unicodeScalars.append(chars[i]); i += 1 }
                    }
                }
                if !attribute.isEmpty { attributes.append((attribute.lowercased(), value)) }
            }
            tags.append(Tag(name: name.lowercased(), attributes: attributes))
            i += 1
        }
        return tags
    }
}
