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
    /// The templates as compiled (read by `rendersOnce`).
    let templates: [String: CompiledMustache]
    /// The same templates laid out flat, as pages are rendered from them.
    let program: MustacheProgram

    init(templates: [String: CompiledMustache]) {
        self.templates = templates
        program = MustacheProgram(templates: templates)
    }

    /// Renders `context` with the template `name`; partials rendered for an item of a list are
    /// taken from and kept in `fragments` when one is given.
    func render(_ name: String, _ context: Any, fragments: FragmentCache? = nil) -> [UInt8]? {
        guard let id = program.templateIDs[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        var frame = Frame(stack: [Value(context)], versions: [0], indentation: [], fills: [], fragments: fragments,
                          found: FoundBelowTop(slots: program.slotCount))
        let body = program.bodies[Int(id)]
        run(body.start, body.end, &frame, into: &out)
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
            self = Self.typed(any)
        }

        /// The value with its type opened: once the type is known to be one of the cases',
        /// the value is taken as it is, without a dynamic cast.
        private static func typed<T>(_ value: T) -> Value {
            if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
            if T.self == [String: Any].self { return .dictionary(unsafeBitCast(value, to: [String: Any].self)) }
            if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
            if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
            if T.self == [[String: Any]].self { return .dictionaries(unsafeBitCast(value, to: [[String: Any]].self)) }
            if T.self == [Any].self { return .list(unsafeBitCast(value, to: [Any].self)) }
            if T.self == [String].self { return .strings(unsafeBitCast(value, to: [String].self)) }
            return .other(value)
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

    /// What swift-mustache keeps in its render context, and the fragment being recorded.
    private struct Frame {
        var stack: [Value]
        /// For each object of the stack, the number it was given when pushed (never reused
        /// within one page: `found.nextVersion`).
        var versions: [UInt64]
        /// The indentation of the partials being rendered, outermost first.
        var indentation: [UInt8]
        /// The blocks filled by the parent tags being rendered, outermost first (an outer fill
        /// wins over an inner one for the same block).
        var fills: [MustacheProgram.Fill]
        var fragments: FragmentCache?
        /// Where names were last found below the top of the stack (shared by the frames of one page).
        let found: FoundBelowTop
        /// While a fragment is rendered: the stack depth of its item, and the names looked up
        /// below it with what they gave.
        var recording: (base: Int, dependencies: [FragmentCache.Dependency])? = nil
    }

    /// For each name slot, what the last search of the stack below its top object gave: an item
    /// of a list looks up `root` or `title` of the page many times, and each search would hash
    /// the name once per object it passes. A remembered search stands while the object that was
    /// just below the top then is still there (same version), and with it everything under it.
    private final class FoundBelowTop {
        struct Entry {
            /// The stack's length minus one when searched, and that object's version.
            var below = -1
            var version: UInt64 = 0
            /// Where the name was found (-1: nowhere) and the value there.
            var depth = -1
            var value: Value?
        }

        var entries: [Entry]
        private var lastVersion: UInt64 = 0

        init(slots: Int) {
            entries = Array(repeating: Entry(), count: slots)
        }

        func nextVersion() -> UInt64 {
            lastVersion += 1
            return lastVersion
        }
    }

    /// Runs the instructions `start..<end`.
    private func run(_ start: Int32, _ end: Int32, _ frame: inout Frame, into out: inout [UInt8]) {
        if frame.indentation.isEmpty {
            for index in Int(start)..<Int(end) { execute(index, &frame, into: &out) }
            return
        }
        // Indented partial: a node whose output is not empty and follows a newline of this
        // template's own output is indented.
        let first = out.count
        for index in Int(start)..<Int(end) {
            let before = out.count
            execute(index, &frame, into: &out)
            if out.count > before, endsWithNewline(out, from: first, to: before) {
                out.insert(contentsOf: frame.indentation, at: before)
            }
        }
    }

    /// True when `out[start..<end]` ends with the character `\n` (not `\r\n`).
    private func endsWithNewline(_ out: [UInt8], from start: Int, to end: Int) -> Bool {
        guard end > start, out[end - 1] == UInt8(ascii: "\n") else { return false }
        return !(end - 2 >= start && out[end - 2] == UInt8(ascii: "\r"))
    }

    private func execute(_ index: Int, _ frame: inout Frame, into out: inout [UInt8]) {
        let instruction = program.instructions[index]
        switch instruction.code {
        case .text:
            out.append(contentsOf: UnsafeBufferPointer(rebasing: program.bytes[Int(instruction.a)..<Int(instruction.b)]))

        case .variable:
            guard let value = lookup(instruction.a, &frame) else { return }
            append(value, escaped: instruction.escaped, to: &out)

        case .section:
            renderSection(lookup(instruction.a, &frame), instruction.b, instruction.c, &frame, into: &out)

        case .invertedSection:
            renderInverted(lookup(instruction.a, &frame), instruction.b, instruction.c, &frame, into: &out)

        case .block:
            let indentation = frame.indentation.count
            frame.indentation.append(contentsOf: program.bytes[Int(instruction.d)..<Int(instruction.e)])
            if let fill = frame.fills.first(where: { $0.block == instruction.a }) {
                run(fill.start, fill.end, &frame, into: &out)
            } else {
                run(instruction.b, instruction.c, &frame, into: &out)
            }
            frame.indentation.removeSubrange(indentation...)

        case .partial:
            guard instruction.a >= 0 else { return }
            let template = Int(instruction.a)
            let body = program.bodies[template]
            let indentation = frame.indentation.count
            let fills = frame.fills.count
            frame.indentation.append(contentsOf: program.bytes[Int(instruction.d)..<Int(instruction.e)])
            defer {
                frame.indentation.removeSubrange(indentation...)
                frame.fills.removeSubrange(fills...)
            }
            if instruction.b >= 0 {
                frame.fills.append(contentsOf: program.fills[Int(instruction.b)..<Int(instruction.c)])
            } else if frame.recording == nil, program.withoutBlocks[template], frame.stack.count > 1, let cache = frame.fragments,
                      case .dictionary(let item) = frame.stack[frame.stack.count - 1], let digest = cache.digest(of: item) {
                let key = FragmentCache.Key(partial: program.templateNames[template],
                                            indentation: String(decoding: frame.indentation, as: UTF8.self), item: digest)
                renderFragment(body, key, cache, &frame, into: &out)
                frame.recording = nil
                return
            }
            run(body.start, body.end, &frame, into: &out)
        }
    }

    /// A partial rendered for an item of a list: taken from the cache when a fragment for the
    /// same item was rendered where the names it looked up further out gave the same values.
    private func renderFragment(_ body: MustacheProgram.Body, _ key: FragmentCache.Key, _ cache: FragmentCache,
                                _ frame: inout Frame, into out: inout [UInt8]) {
        let base = frame.stack.count - 1
        for fragment in cache.candidates(key) where fragment.dependencies.allSatisfy({ digestBelow($0.name, base, frame.stack) == $0.found }) {
            out.append(contentsOf: fragment.bytes)
            return
        }
        let start = out.count
        frame.recording = (base, [])
        run(body.start, body.end, &frame, into: &out)
        guard let recorded = frame.recording else { return }
        cache.store(key, FragmentCache.Fragment(dependencies: recorded.dependencies, bytes: Array(out[start...])))
    }

    /// The digest of what `name` gives when looked up below the stack depth `base`.
    private func digestBelow(_ name: String, _ base: Int, _ stack: [Value]) -> ContentDigest? {
        for object in stack[..<base].reversed() {
            if let found = Self.immediateChild(name, of: object) { return ContentDigest.ofContext(found.any) ?? ContentDigest(high: 0, low: 0) }
        }
        return nil
    }

    private func renderSection(_ value: Value?, _ start: Int32, _ end: Int32, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else { return }
        let body = (start, end)
        switch value {
        case .bool(let flag):
            if flag { run(start, end, &frame, into: &out) }
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
                if flag { run(start, end, &frame, into: &out) }
                return
            }
            if let renderable = any as? MustacheCustomRenderable, renderable.isNull { return }
            renderPushed(value, body, &frame, into: &out)
        }
    }

    private func renderInverted(_ value: Value?, _ start: Int32, _ end: Int32, _ frame: inout Frame, into out: inout [UInt8]) {
        let body = (start, end)
        guard let value else {
            run(start, end, &frame, into: &out)
            return
        }
        // swift-mustache puts an empty sequence on the stack, where no name is found.
        switch value {
        case .bool(let flag):
            if !flag { run(start, end, &frame, into: &out) }
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
                if !flag { run(start, end, &frame, into: &out) }
                return
            }
            if let renderable = any as? MustacheCustomRenderable, renderable.isNull {
                run(start, end, &frame, into: &out)
            }
        }
    }

    private func renderPushed(_ object: Value, _ body: (start: Int32, end: Int32), _ frame: inout Frame, into out: inout [UInt8]) {
        frame.stack.append(object)
        frame.versions.append(frame.found.nextVersion())
        run(body.start, body.end, &frame, into: &out)
        frame.stack.removeLast()
        frame.versions.removeLast()
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

    private func lookup(_ index: Int32, _ frame: inout Frame) -> Value? {
        let name = program.names[Int(index)]
        switch name.scope {
        case .current:
            return frame.stack.last
        case .currentOnly:
            return child(name.first, name.end, of: frame.stack[frame.stack.count - 1])
        case .stack:
            let first = program.parts[Int(name.first)]
            let top = frame.stack.count - 1
            var found: (depth: Int, value: Value)?
            if let child = Self.immediateChild(first, of: frame.stack[top]) {
                found = (top, child)
            } else if top > 0 {
                found = foundBelow(top, first, slot: Int(name.slot), stack: frame.stack, versions: frame.versions, frame.found)
            }
            guard let found else {
                if frame.recording != nil { record(first, found: nil, &frame) }
                return nil
            }
            if let base = frame.recording?.base, found.depth < base { record(first, found: found.value, &frame) }
            return child(name.first + 1, name.end, of: found.value)
        }
    }

    /// `name` searched for in `stack[..<top]`, innermost first, remembered under `slot`.
    private func foundBelow(_ top: Int, _ name: String, slot: Int, stack: [Value], versions: [UInt64],
                            _ memory: FoundBelowTop) -> (depth: Int, value: Value)? {
        let version = versions[top - 1]
        if slot >= 0 {
            let entry = memory.entries[slot]
            if entry.below == top && entry.version == version {
                return entry.value.map { (entry.depth, $0) }
            }
        }
        var found: (depth: Int, value: Value)?
        for depth in stride(from: top - 1, through: 0, by: -1) {
            if let child = Self.immediateChild(name, of: stack[depth]) {
                found = (depth, child)
                break
            }
        }
        if slot >= 0 {
            memory.entries[slot] = FoundBelowTop.Entry(below: top, version: version, depth: found?.depth ?? -1, value: found?.value)
        }
        return found
    }

    /// Notes a name a fragment found (or did not find) below its item. A value without a digest
    /// makes the fragment one that is not kept.
    private func record(_ name: String, found: Value?, _ frame: inout Frame) {
        guard frame.recording != nil else { return }
        guard frame.recording!.dependencies.allSatisfy({ $0.name != name }) else { return }
        var digest: ContentDigest?
        if let found {
            guard let d = ContentDigest.ofContext(found.any) else {
                frame.recording = nil
                return
            }
            digest = d
        }
        frame.recording!.dependencies.append(FragmentCache.Dependency(name: name, found: digest))
    }

    /// The value `parts[start..<end]` name inside `object`, one part after the other.
    private func child(_ start: Int32, _ end: Int32, of object: Value) -> Value? {
        var object = object
        for index in Int(start)..<Int(end) {
            guard let next = Self.immediateChild(program.parts[index], of: object) else { return nil }
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
