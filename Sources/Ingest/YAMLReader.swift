import ParleyCore
import Yams

/// An error in a YAML file, with the line it is on.
public struct YAMLError: Error, Sendable, CustomStringConvertible {
    public var line: Int?
    public var message: String

    public var description: String { message }
}

/// Reads typed values out of a composed YAML document, with line numbers for every error.
///
/// Scalars are read as strings (never as YAML timestamps or floats), so `2022-03-29` stays a
/// day and `1.10` stays text.
struct YAMLReader {
    /// `line` is added to every mark, for documents embedded in a larger file (front matter).
    let lineOffset: Int

    init(lineOffset: Int = 0) {
        self.lineOffset = lineOffset
    }

    func compose(_ text: String) throws(YAMLError) -> Node? {
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw YAMLError(line: line(of: error), message: "YAML does not parse: \(problem(of: error))")
        } catch {
            throw YAMLError(line: nil, message: "YAML does not parse: \(error)")
        }
    }

    func line(of node: Node) -> Int? {
        node.mark.map { $0.line + lineOffset }
    }

    private func line(of error: YamlError) -> Int? {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line + lineOffset
        case let .duplicatedKeysInMapping(_, context):
            return context.mark.line + lineOffset
        default:
            return nil
        }
    }

    private func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _), let .composer(context, problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case let .duplicatedKeysInMapping(duplicates, _):
            return "duplicate keys: \(duplicates.sorted().joined(separator: ", "))"
        default:
            return "\(error)"
        }
    }

    /// The pairs of a mapping with string keys, in document order.
    func mapping(_ node: Node, what: String) throws(YAMLError) -> [(key: String, value: Node, line: Int?)] {
        guard let map = node.mapping else {
            throw YAMLError(line: line(of: node), message: "\(what) must be a mapping of keys to values")
        }
        var out: [(String, Node, Int?)] = []
        for (key, value) in map {
            guard let name = key.scalar?.string else {
                throw YAMLError(line: line(of: key), message: "\(what) has a key that is not text")
            }
            out.append((name, value, line(of: key)))
        }
        return out
    }

    func string(_ node: Node, key: String) throws(YAMLError) -> String {
        guard let scalar = node.scalar else {
            throw YAMLError(line: line(of: node), message: "'\(key)' must be text, not a \(kind(node))")
        }
        return scalar.string
    }

    /// A non-empty text value; null (`~`, empty) is nil.
    func optionalString(_ node: Node, key: String) throws(YAMLError) -> String? {
        if isNull(node) { return nil }
        let value = try string(node, key: key).trimmed
        return value.isEmpty ? nil : value
    }

    /// A list of text; a single text value counts as a list of one.
    func strings(_ node: Node, key: String) throws(YAMLError) -> [String] {
        if isNull(node) { return [] }
        if node.scalar != nil { return [try string(node, key: key)] }
        guard let sequence = node.sequence else {
            throw YAMLError(line: line(of: node), message: "'\(key)' must be a list of text")
        }
        var out: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else {
                throw YAMLError(line: line(of: item), message: "'\(key)' must be a list of text, but an item is a \(kind(item))")
            }
            let value = scalar.string.trimmed
            if !value.isEmpty { out.append(value) }
        }
        return out
    }

    func day(_ node: Node, key: String) throws(YAMLError) -> Day? {
        guard let text = try optionalString(node, key: key) else { return nil }
        guard let day = Day(iso: text) else {
            throw YAMLError(line: line(of: node), message: "'\(key)' must be a date as YYYY-MM-DD, not '\(text)'")
        }
        return day
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    private func kind(_ node: Node) -> String {
        switch node {
        case .scalar: "text value"
        case .mapping: "mapping"
        case .sequence: "list"
        case .alias: "alias"
        }
    }
}

