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
        var frame = Frame(stack: [Value(context)], indentation: "", blocks: [:])
        render(template, &frame, into: &out)
        return out
    }

    /// A context value, its type found once (dynamic casts are costly in the inner loop).
    private enum Value {
        case string(String)
        case int(Int)
        case bool(Bool)
        case dictionary([String: Any])
        case dictionaries([[String: Any]])
        case list([Any])
        case strings([String])
        case other(Any)

        init(_ any: Any) {
            let type = type(of: any)
            if type == String.self { self = .string(any as! String) }
            else if type == [String: Any].self { self = .dictionary(any as! [String: Any]) }
            else if type == Bool.self { self = .bool(any as! Bool) }
            else if type == Int.self { self = .int(any as! Int) }
            else if type == [[String: Any]].self { self = .dictionaries(any as! [[String: Any]]) }
            else if type == [Any].self { self = .list(any as! [Any]) }
            else if type == [String].self { self = .strings(any as! [String]) }
            else { self = .other(any) }
        }

        /// A value found by name: NSNull and other custom representations stand for what
        /// they represent (NSNull for nothing), as in swift-mustache.
        static func found(_ any: Any) -> Value? {
            let value = Value(any)
            guard case .other(let other) = value, let custom = other as? MustacheCustomRepresentation else { return value }
            return custom.representation.map(Value.init)
        }

        var any: Any {
            switch self {
            case .string(let v): v
            case .int(let v): v
            case .bool(let v): v
            case .dictionary(let v): v
            case .dictionaries(let v): v
            case .list(let v): v
            case .strings(let v): v
            case .other(let v): v
            }
        }
    }

    /// What swift-mustache keeps in its render context.
    private struct Frame {
        var stack: [Value]
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
            append(value, escaped: escaped, to: &out)

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

    private func renderSection(_ value: Value?, _ body: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else { return }
        switch value {
        case .bool(let flag):
            if flag { render(body, &frame, into: &out) }
        case .dictionaries(let items):
            for item in items { renderPushed(.dictionary(item), body, &frame, into: &out) }
        case .strings(let items):
            for item in items { renderPushed(.string(item), body, &frame, into: &out) }
        case .list(let items):
            for item in items { renderPushed(Value(item), body, &frame, into: &out) }
        case .string, .int, .dictionary:
            renderPushed(value, body, &frame, into: &out)
        case .other(let any):
            if Self.forEachItem(of: any, { renderPushed(Value($0), body, &frame, into: &out) }) { return }
            if let flag = any as? Bool {
                if flag { render(body, &frame, into: &out) }
                return
            }
            if let renderable = any as? MustacheCustomRenderable, renderable.isNull { return }
            renderPushed(value, body, &frame, into: &out)
        }
    }

    private func renderInverted(_ value: Value?, _ body: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else {
            render(body, &frame, into: &out)
            return
        }
        // swift-mustache puts an empty sequence on the stack, where no name is found.
        switch value {
        case .bool(let flag):
            if !flag { render(body, &frame, into: &out) }
        case .dictionaries(let items):
            if items.isEmpty { renderPushed(value, body, &frame, into: &out) }
        case .strings(let items):
            if items.isEmpty { renderPushed(value, body, &frame, into: &out) }
        case .list(let items):
            if items.isEmpty { renderPushed(value, body, &frame, into: &out) }
        case .string, .int, .dictionary:
            return
        case .other(let any):
            var empty = true
            if Self.forEachItem(of: any, { _ in empty = false }) {
                if empty { renderPushed(value, body, &frame, into: &out) }
                return
            }
            if let flag = any as? Bool {
                if !flag { render(body, &frame, into: &out) }
                return
            }
            if let renderable = any as? MustacheCustomRenderable, renderable.isNull {
                render(body, &frame, into: &out)
            }
        }
    }

    private func renderPushed(_ object: Value, _ body: CompiledMustache, _ frame: inout Frame, into out: inout [UInt8]) {
        frame.stack.append(object)
        render(body, &frame, into: &out)
        frame.stack.removeLast()
    }

    /// Calls `body` with each item when `value` is a sequence sections iterate (swift-mustache's
    /// `MustacheSequence`: arrays, sets) and returns true; false for any other value.
    private static func forEachItem(of value: Any, _ body: (Any) -> Void) -> Bool {
        guard let sequence = value as? any MustacheSequence else { return false }
        forEach(in: sequence, body)
        return true
    }

    private static func forEach<S: Sequence>(in sequence: S, _ body: (Any) -> Void) {
        for item in sequence { body(item) }
    }

    private func append(_ value: Value, escaped: Bool, to out: inout [UInt8]) {
        let text: String
        switch value {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .bool(let flag): text = flag ? "true" : "false"
        case .other(let any as MustacheCustomRenderable): text = any.renderText
        default: text = String(describing: Self.unwrapped(value.any))
        }
        if escaped {
            HTMLEscaper.append(text, to: &out)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    // MARK: Lookups

    private func lookup(_ name: MustacheName, in stack: [Value]) -> Value? {
        switch name.scope {
        case .current:
            return stack.last
        case .currentOnly:
            return Self.child(name.parts[...], of: stack[stack.count - 1])
        case .stack:
            let first = name.parts[0]
            for object in stack.reversed() {
                if let child = Self.immediateChild(first, of: object) {
                    return Self.child(name.parts.dropFirst(), of: child)
                }
            }
            return nil
        }
    }

    private static func child(_ names: ArraySlice<String>, of object: Value) -> Value? {
        var object = object
        for name in names {
            guard let next = immediateChild(name, of: object) else { return nil }
            object = next
        }
        return object
    }

    private static func immediateChild(_ name: String, of object: Value) -> Value? {
        switch object {
        case .dictionary(let dictionary):
            return dictionary[name].flatMap(Value.found)
        case .string, .int, .bool, .dictionaries, .list, .strings:
            return nil
        case .other(let any):
            if let parent = any as? MustacheParent { return parent.child(named: name).flatMap(Value.found) }
            guard let value = Mirror(reflecting: any).children.first(where: { $0.label == name })?.value else { return nil }
            let mirror = Mirror(reflecting: value)
            guard mirror.displayStyle == .optional else { return Value.found(value) }
            return mirror.children.first.flatMap { Value.found($0.value) }
        }
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
