/// Renders compiled templates straight into UTF-8 bytes.
///
/// Gives the output of swift-mustache's renderer (the same lookups up the context stack, the
/// same truthiness of sections, the same indentation of standalone partials), many times faster:
/// text is copied as bytes, names are split once at compile time, and there is one output
/// buffer per page instead of a string per tag.
///
/// Contexts are `TemplateValue`s: objects whose names are numbers (`TemplateKey`), lists,
/// strings, integers and booleans.
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
    func render(_ name: String, _ context: TemplateValue, fragments: FragmentCache? = nil) -> [UInt8]? {
        guard let id = program.templateIDs[name] else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024)
        var frame = Frame(stack: [context], indentation: [], fills: [], fragments: fragments)
        let body = program.bodies[Int(id)]
        run(body.start, body.end, &frame, into: &out)
        return out
    }

    /// What swift-mustache keeps in its render context, and the fragment being recorded.
    private struct Frame {
        var stack: [TemplateValue]
        /// The indentation of the partials being rendered, outermost first.
        var indentation: [UInt8]
        /// The blocks filled by the parent tags being rendered, outermost first (an outer fill
        /// wins over an inner one for the same block).
        var fills: [MustacheProgram.Fill]
        var fragments: FragmentCache?
        /// While a fragment is rendered: the stack depth of its item, and the names looked up
        /// below it with what they gave.
        var recording: (base: Int, dependencies: [FragmentCache.Dependency])? = nil
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
                      case .object(let item) = frame.stack[frame.stack.count - 1] {
                let digest = cache.digest(of: item)
                let key = FragmentCache.Key(partial: instruction.a,
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
    private func digestBelow(_ name: TemplateKey, _ base: Int, _ stack: [TemplateValue]) -> ContentDigest? {
        Self.find(name, in: stack, below: base).map { ContentDigest.ofContext($0.value) }
    }

    private func renderSection(_ value: TemplateValue?, _ start: Int32, _ end: Int32, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else { return }
        switch value {
        case .bool(let flag):
            if flag { run(start, end, &frame, into: &out) }
        case .list(let items):
            for item in items { renderPushed(item, start, end, &frame, into: &out) }
        case .string, .int, .object:
            renderPushed(value, start, end, &frame, into: &out)
        }
    }

    private func renderInverted(_ value: TemplateValue?, _ start: Int32, _ end: Int32, _ frame: inout Frame, into out: inout [UInt8]) {
        guard let value else {
            run(start, end, &frame, into: &out)
            return
        }
        switch value {
        case .bool(let flag):
            if !flag { run(start, end, &frame, into: &out) }
        case .list(let items):
            // swift-mustache puts the empty list on the stack, where no name is found.
            if items.isEmpty { renderPushed(value, start, end, &frame, into: &out) }
        case .string, .int, .object:
            return
        }
    }

    private func renderPushed(_ object: TemplateValue, _ start: Int32, _ end: Int32, _ frame: inout Frame, into out: inout [UInt8]) {
        frame.stack.append(object)
        run(start, end, &frame, into: &out)
        frame.stack.removeLast()
    }

    private func append(_ value: TemplateValue, escaped: Bool, to out: inout [UInt8]) {
        let text: String
        switch value {
        case .string(let string): text = string
        case .int(let number): text = String(number)
        case .bool(let flag): text = flag ? "true" : "false"
        case .list, .object: text = String(describing: value.any)
        }
        if escaped {
            HTMLEscaper.append(text, to: &out)
        } else {
            out.append(contentsOf: text.utf8)
        }
    }

    // MARK: Lookups

    private func lookup(_ index: Int32, _ frame: inout Frame) -> TemplateValue? {
        let name = program.names[Int(index)]
        switch name.scope {
        case .current:
            return frame.stack.last
        case .currentOnly:
            return child(name.first, name.end, of: frame.stack[frame.stack.count - 1])
        case .stack:
            let first = program.parts[Int(name.first)]
            guard let found = Self.find(first, in: frame.stack, below: frame.stack.count) else {
                if frame.recording != nil { record(first, found: nil, &frame) }
                return nil
            }
            if let base = frame.recording?.base, found.depth < base { record(first, found: found.value, &frame) }
            return child(name.first + 1, name.end, of: found.value)
        }
    }

    /// Notes a name a fragment found (or did not find) below its item.
    private func record(_ name: TemplateKey, found: TemplateValue?, _ frame: inout Frame) {
        guard frame.recording != nil else { return }
        guard frame.recording!.dependencies.allSatisfy({ $0.name != name }) else { return }
        frame.recording!.dependencies.append(FragmentCache.Dependency(name: name, found: found.map { ContentDigest.ofContext($0) }))
    }

    /// The value `parts[start..<end]` name inside `object`, one part after the other.
    private func child(_ start: Int32, _ end: Int32, of object: TemplateValue) -> TemplateValue? {
        var object = object
        for index in Int(start)..<Int(end) {
            guard let next = Self.immediateChild(program.parts[index], of: object) else { return nil }
            object = next
        }
        return object
    }

    /// Where `name` is first found in `stack[..<end]`, innermost first, and what it gives there.
    private static func find(_ name: TemplateKey, in stack: [TemplateValue], below end: Int) -> (depth: Int, value: TemplateValue)? {
        for depth in stride(from: end - 1, through: 0, by: -1) {
            if let child = immediateChild(name, of: stack[depth]) { return (depth, child) }
        }
        return nil
    }

    @inline(__always)
    private static func immediateChild(_ name: TemplateKey, of object: TemplateValue) -> TemplateValue? {
        guard case .object(let object) = object else { return nil }
        return object.value(name)
    }
}
