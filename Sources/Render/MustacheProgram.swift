/// The compiled templates of a theme laid out flat for `MustacheRenderer`: one array of plain
/// instructions, one array of text bytes, one of names.
///
/// The tree of `CompiledMustache` holds arrays and boxed enum cases; walking it counts a
/// reference for every node visited, and with both cores rendering pages from the same templates
/// those counts are atomic operations on shared memory (swift_retain was a fifth of the
/// renderer's time). Here every instruction is a few numbers: a section's body, a template, a
/// block's default content are ranges of the instruction array, text is a range of the byte
/// array, so a page is rendered without touching a reference count of the templates.
final class MustacheProgram: @unchecked Sendable {
    enum Code: UInt8 {
        /// `bytes[a..<b]`.
        case text
        /// `names[a]`, HTML-escaped when `escaped`.
        case variable
        /// `names[a]`, the body `b..<c`.
        case section
        case invertedSection
        /// The block `a` (blocks are numbered by name as the program is written) with its default
        /// content `b..<c`, indented by `bytes[d..<e]`.
        case block
        /// The template `a` (-1: no such template), filling the blocks `fills[b..<c]` (b = -1:
        /// a plain partial, which fills none), indented by `bytes[d..<e]`.
        case partial
    }

    struct Instruction {
        var code: Code
        var escaped = false
        var a: Int32 = 0
        var b: Int32 = 0
        var c: Int32 = 0
        var d: Int32 = 0
        var e: Int32 = 0
    }

    /// A name as looked up: its parts are `parts[first..<end]`.
    struct Name {
        var scope: MustacheName.Scope
        var first: Int32
        var end: Int32
    }

    /// A block a parent tag fills: the block's number and the content `start..<end`.
    struct Fill {
        var block: Int32
        var start: Int32
        var end: Int32
    }

    /// Where a template's instructions are.
    struct Body {
        var start: Int32
        var end: Int32
    }

    let instructions: UnsafeBufferPointer<Instruction>
    let bytes: UnsafeBufferPointer<UInt8>
    let names: UnsafeBufferPointer<Name>
    let fills: UnsafeBufferPointer<Fill>
    let bodies: UnsafeBufferPointer<Body>
    /// For each template: true when its output cannot depend on blocks filled further out (no
    /// `{{$block}}` in it or in the partials it includes).
    let withoutBlocks: UnsafeBufferPointer<Bool>
    /// The parts of names.
    let parts: UnsafeBufferPointer<TemplateKey>
    let templateIDs: [String: Int32]

    init(templates: [String: CompiledMustache]) {
        var builder = Builder(templateNames: templates.keys.sorted())
        var bodies: [Body] = []
        for name in builder.templateNames { bodies.append(builder.emit(templates[name]!)) }
        templateIDs = builder.templateIDs
        parts = Self.copy(builder.parts)
        instructions = Self.copy(builder.instructions)
        bytes = Self.copy(builder.bytes)
        names = Self.copy(builder.names)
        fills = Self.copy(builder.fills)
        self.bodies = Self.copy(bodies)
        withoutBlocks = Self.copy(builder.templateNames.map { name in
            var seen: Set<String> = [name]
            return !Self.hasBlocks(templates[name]!, templates, &seen)
        })
    }

    deinit {
        for pointer in [UnsafeRawPointer(instructions.baseAddress), UnsafeRawPointer(bytes.baseAddress), UnsafeRawPointer(names.baseAddress),
                        UnsafeRawPointer(fills.baseAddress), UnsafeRawPointer(parts.baseAddress), UnsafeRawPointer(bodies.baseAddress), UnsafeRawPointer(withoutBlocks.baseAddress)] {
            pointer.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
        }
    }

    private static func copy<T>(_ array: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeBufferPointer(rebasing: buffer[..<array.count])
    }

    /// True when the template, or a partial it includes, has a `{{$block}}` or fills one.
    private static func hasBlocks(_ template: CompiledMustache, _ templates: [String: CompiledMustache], _ seen: inout Set<String>) -> Bool {
        template.nodes.contains { node in
            switch node {
            case .text, .variable: return false
            case .section(_, let body, _): return hasBlocks(body, templates, &seen)
            case .block: return true
            case .partial(let name, _, let blocks):
                if blocks != nil { return true }
                guard seen.insert(name).inserted, let partial = templates[name] else { return false }
                return hasBlocks(partial, templates, &seen)
            }
        }
    }

    /// The program written out: the instructions of a body are appended once those of the
    /// bodies nested in it are, so every body is one contiguous range.
    private struct Builder {
        let templateNames: [String]
        let templateIDs: [String: Int32]
        var instructions: [Instruction] = []
        var bytes: [UInt8] = []
        var names: [Name] = []
        var parts: [TemplateKey] = []
        var fills: [Fill] = []
        var blockIDs: [String: Int32] = [:]

        init(templateNames: [String]) {
            self.templateNames = templateNames
            templateIDs = Dictionary(uniqueKeysWithValues: templateNames.enumerated().map { ($0.element, Int32($0.offset)) })
        }

        mutating func emit(_ template: CompiledMustache) -> Body {
            var local: [Instruction] = []
            for node in template.nodes {
                switch node {
                case .text(let text):
                    let range = add(text)
                    local.append(Instruction(code: .text, a: range.start, b: range.end))
                case .variable(let name, let escaped):
                    local.append(Instruction(code: .variable, escaped: escaped, a: add(name)))
                case .section(let name, let body, let inverted):
                    let range = emit(body)
                    local.append(Instruction(code: inverted ? .invertedSection : .section, a: add(name), b: range.start, c: range.end))
                case .block(let name, let defaultContent, let indentation):
                    let range = emit(defaultContent)
                    let indent = add(Array(indentation.utf8))
                    local.append(Instruction(code: .block, a: blockID(name), b: range.start, c: range.end, d: indent.start, e: indent.end))
                case .partial(let name, let indentation, let blocks):
                    var filled = Body(start: -1, end: -1)
                    if let blocks {
                        var list: [Fill] = []
                        for (block, content) in blocks.sorted(by: { $0.key < $1.key }) {
                            let range = emit(content)
                            list.append(Fill(block: blockID(block), start: range.start, end: range.end))
                        }
                        filled = Body(start: Int32(fills.count), end: Int32(fills.count + list.count))
                        fills += list
                    }
                    let indent = add(Array((indentation ?? "").utf8))
                    local.append(Instruction(code: .partial, a: templateIDs[name] ?? -1, b: filled.start, c: filled.end, d: indent.start, e: indent.end))
                }
            }
            let start = Int32(instructions.count)
            instructions += local
            return Body(start: start, end: Int32(instructions.count))
        }

        private mutating func add(_ text: [UInt8]) -> Body {
            let start = Int32(bytes.count)
            bytes += text
            return Body(start: start, end: Int32(bytes.count))
        }

        private mutating func add(_ name: MustacheName) -> Int32 {
            let first = Int32(parts.count)
            parts += name.parts.map { TemplateKey($0) }
            names.append(Name(scope: name.scope, first: first, end: Int32(parts.count)))
            return Int32(names.count - 1)
        }

        private mutating func blockID(_ name: String) -> Int32 {
            if let known = blockIDs[name] { return known }
            let id = Int32(blockIDs.count)
            blockIDs[name] = id
            return id
        }
    }
}
