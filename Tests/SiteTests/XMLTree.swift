import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML document parsed by Foundation's XMLParser into elements, for tests that check what
/// a feed or sitemap really says. Parsing fails (throws) on anything that is not well-formed.
final class XMLTree {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    final class Element {
        let name: String
        let attributes: [String: String]
        var children: [Element] = []
        var text = ""

        init(name: String, attributes: [String: String]) {
            self.name = name
            self.attributes = attributes
        }

        /// Direct children named `name` (a qualified name such as `dc:creator`).
        func all(_ name: String) -> [Element] { children.filter { $0.name == name } }

        func first(_ name: String) -> Element? { children.first { $0.name == name } }

        /// The text of the first child named `name`.
        func text(of name: String) -> String? { first(name)?.text }
    }

    let root: Element

    init(_ text: String) throws {
        let delegate = Builder()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "no root element")")
        }
        self.root = root
    }

    private final class Builder: NSObject, XMLParserDelegate {
        var root: Element?
        var stack: [Element] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            let element = Element(name: name, attributes: attributes)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, foundCDATA data: Data) {
            stack.last?.text += String(decoding: data, as: UTF8.self)
        }
    }
}
