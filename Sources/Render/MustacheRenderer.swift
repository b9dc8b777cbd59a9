import Mustache

/// Renders compiled templates straight into UTF-8 bytes.
///
/// Gives the output of swift-mustache's renderer (the same lookups up the context stack, the
/// same truthiness of sections, the same indentation of standalone partials), many times faster:
/// text is copied as bytes, names are split once at compile time, and there is one output
/// buffer per page instead of a string per tag.
///
/// Contexts are what `PageContexts` builds: `[String: Any]` dictionaries, arrays, strings,
/// integers and booleans. Other values are found and rendered the way swift-mustache does for
/// plain values (`String(describing:)`, stored properties by name), without its lambdas and
/// transforms.
struct MustacheRenderer {
    let templates: [String: CompiledMustache]

    func render(_ name: String, _ context: Any) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        var frame = Frame(stack: [context], indentation: "", blocks: [:])
        render(template, &frame, into: &out)
        return out
    }

    /// What swift-mustache keeps in its render context.
    private struct Frame {
        var stack: [Any]
        var indentation: String
        var blocks: [String: CompiledMustache]
    }

    private func render(_ template: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        if frame.indentation.isEmpty {
            for node in template.nodes { render(node, &frame, into: &out) }
            return
        }
        // Indented partial: a node whose output is not empty and follows a newline of this
        // template's own output is indented.
        let start = out.count
        for node in template.nodes {
            let before = out.count
            render(node, &frame, into: &out)
            if out.count > before, endsWithNewline(out, from: start, to: before) {
                out.insert(contentsOf: frame.indentation.utf8, at: before)
            }
        }
    }

    /// True when `out[start..<end]` ends with the character `\n` (not `\r\n`).
    private func endsWithNewline(_ out: [UInt8], from start: Int, to end: Int) -> Bool {
        guard end > start, out[end - 1] == UInt8(ascii: "\n") else { return false }
        return !(end - 2 >= start && out[end - 2] == UInt8(ascii: "\r"))
    }

    private func render(_ node: CompiledMustache.Node, _ frame: inout Frame, into out: inout [UInt8]) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)

        case .variable(let name, let escaped):
            guard let value = lookup(name, in: frame.stack) else { return }
            appendValue(value, escaped: escaped, to: &out)

        case .section(let name, let body, let inverted):
            let value = lookup(name, in: frame.stack)
            if inverted {
                renderInverted(value, body, &frame, into: &out)
            } else {
                renderSection(value, body, &frame, into: &out)
            }

        case .block(let name, let defaultContent, let indentation):
            var inner = Frame(stack: frame.stack, indentation: frame.indentation + indentation, blocks: frame.blocks)
            render(frame.blocks[name] ?? defaultContent, &inner, into: &out)

        case .partial(let name, let indentation, let blocks):
            guard let template = templates[name] else { return }
            var merged = frame.blocks
            if let blocks {
                // Blocks filled further out win over the ones this tag fills.
                merged.merge(blocks) { outer, _ in outer }
            }
            var inner = Frame(stack: frame.stack, indentation: frame.indentation + (indentation ?? ""), blocks: merged)
            render(template, &inner, into: &out)
        }
    }

    private func renderSection(_ value: Any?, _ body: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else { return }
        let isSequence = Self.forEachItem(of: value) { item in renderPushed(item, body, &frame, into: &out) }
        if isSequence { return }
        if let flag = value as? Bool {
            if flag { render(body, &frame, into: &out) }
            return
        }
        if let renderable = value as? MustacheCustomRenderable, renderable.isNull { return }
        renderPushed(value, body, &frame, into: &out)
    }

    private func renderInverted(_ value: Any?, _ body: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else {
            render(body, &frame, into: &out)
            return
        }
        var empty = true
        if Self.forEachItem(of: value, { _ in empty = false }) {
            // swift-mustache puts the empty sequence on the stack, where no name is found.
            if empty { renderPushed(value, body, &frame, into: &out) }
            return
        }
        if let flag = value as? Bool {
            if !flag { render(body, &frame, into: &out) }
            return
        }
        if let renderable = value as? MustacheCustomRenderable, renderable.isNull {
            render(body, &frame, into: &out)
        }
    }

    private func renderPushed(_ object: Any, _ body: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        frame.stack.append(object)
        render(body, &frame, into: &out)
        frame.stack.removeLast()
    }

    /// Calls `body` with each item when `value` is an array or a set (swift-mustache's
    /// `MustacheSequence`, which sections iterate) and returns true; false for any other value.
    private static func forEachItem(of value: Any, _ body: (Any) -> Void) -> Bool {
        let type = type(of: value)
        if type == [[String: Any]].self {
            for item in value as! [[String: Any]] { body(item) }
        } else if type == [Any].self {
            for item in value as! [Any] { body(item) }
        } else if type == [String].self {
            for item in value as! [String] { body(item) }
        } else if let sequence = value as? any MustacheSequence {
            forEach(in: sequence, body)
        } else {
            return false
        }
        return true
    }

    private static func forEach<S: Sequence>(in sequence: S, _ body: (Any) -> Void) {
        for item in sequence { body(item) }
    }

    private func appendValue(_ value: Any, escaped: Bool, to out: inout [UInt8]) {
        let text: String
        switch value {
        case let string as String: text = string
        case let number as Int: text = String(number)
        case let flag as Bool: text = flag ? "true" : "false"
        case let renderable as MustacheCustomRenderable: text = renderable.renderText
        default: text = String(describing: Self.unwrapped(value))
        }
        if escaped {
            HTMLEscaper.append(text, to: &out)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    // MARK: Lookups

    private func lookup(_ name: MustacheName, in stack: [Any]) -> Any? {
        var found: Any?
        switch name.scope {
        case .current:
            found = stack.last
        case .currentOnly:
            found = Self.child(name.parts[...], of: stack[stack.count - 1])
        case .stack:
            let first = name.parts[0]
            for object in stack.reversed() {
                if let child = Self.immediateChild(first, of: object) {
                    found = Self.child(name.parts.dropFirst(), of: child)
                    break
                }
            }
        }
        if let custom = found as? MustacheCustomRepresentation { return custom.representation }
        return found
    }

    private static func child(_ names: ArraySlice<String>, of object: Any) -> Any? {
        var object = object
        for name in names {
            guard let next = immediateChild(name, of: object) else { return nil }
            object = next
        }
        return object
    }

    private static func immediateChild(_ name: String, of object: Any) -> Any? {
        if let dictionary = object as? [String: Any] { return dictionary[name] }
        if object is String || object is Int || object is Bool { return nil }
        var object: Any? = object
        if let custom = object as? MustacheCustomRepresentation { object = custom.representation }
        if let parent = object as? MustacheParent { return parent.child(named: name) }
        guard let object else { return nil }
        guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first?.value
    }

    /// The value inside an optional that was stored as `Any` (as swift-mustache prints it).
    private static func unwrapped(_ value: Any) -> Any {
        guard let optional = value as? any OptionalValue else { return value }
        return optional.wrapped ?? value
    }
}

private protocol OptionalValue {
    var wrapped: Any? { get }
}

extension Optional: OptionalValue {
    var wrapped: Any? { self }
}
