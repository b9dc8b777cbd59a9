/// A Mustache template compiled for `MustacheRenderer`: text as UTF-8 bytes, names split once.
struct CompiledMustache: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(MustacheName, escaped: Bool)
        case section(MustacheName, CompiledMustache, inverted: Bool)
        /// `{{$name}}default{{/name}}` in a template that is not itself filling a parent's blocks.
        case block(name: String, defaultContent: CompiledMustache, indentation: String)
        /// `{{> name}}` (indentation set when the tag stands alone on its line) or `{{< name}}…{{/name}}`
        /// (with the blocks it fills).
        case partial(name: String, indentation: String?, blocks: [String: CompiledMustache]?)
    }

    var nodes: [Node]
}

/// A variable or section name: `.`, `name`, `a.b`, `.a` (current object only).
struct MustacheName: Sendable {
    enum Scope: Sendable {
        /// `.` (and an empty name): the current object.
        case current
        /// `.a.b`: looked up in the current object only.
        case currentOnly
        /// `a.b`: the first part looked up from the innermost object outwards.
        case stack
    }

    var scope: Scope
    var parts: [String]

    init(_ text: String) {
        parts = text.split(separator: ".").map(String.init)
        if text == "." || parts.isEmpty {
            scope = .current
            parts = []
        } else if text.hasPrefix(".") {
            scope = .currentOnly
        } else {
            scope = .stack
        }
    }
}

/// Compiles Mustache text into `CompiledMustache`, following swift-mustache's parser tag for tag,
/// so that both give the same output: the same standalone-line rules (a section, comment, partial
/// or block tag alone on its line takes the line with it), the same indentation of standalone
/// partials and the same handling of the blocks of a parent template.
///
/// Only templates that swift-mustache has already parsed are compiled here, so syntax errors are
/// reported there. Features this compiler leaves to swift-mustache (set-delimiter tags, pragmas,
/// transforms such as `{{uppercased(name)}}`, dynamic partials `{{>*name}}`) make it return nil.
enum MustacheCompiler {
    static func compile(_ text: String) -> CompiledMustache? {
        var cursor = Cursor(Array(text))
        return try? parse(&cursor, state: State())
    }

    private struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var newLine = true
        /// Inside the body of a `{{< parent}}` tag.
        var inParentBody = false
        /// Directly inside a `{{< parent}}` tag, where `{{$block}}` defines a block.
        var parentBodyTopLevel = false
        var blockIndent: Int?

        func section(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.parentBodyTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func parentBody(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.newLine = true
            s.inParentBody = true
            s.parentBodyTopLevel = true
            return s
        }
    }

    private struct Cursor {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { position == characters.count }
        /// The current character, `\0` at the end (as swift-mustache's parser gives it).
        var current: Character { atEnd ? "\0" : characters[position] }

        mutating func advance() { position += 1 }

        mutating func read(while accept: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, accept(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        mutating func read(_ literal: String) -> Bool {
            let wanted = Array(literal)
            guard characters.count - position >= wanted.count else { return false }
            guard Array(characters[position..<(position + wanted.count)]) == wanted else { return false }
            position += wanted.count
            return true
        }
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    private static func parse(_ cursor: inout Cursor, state initial: State) throws -> CompiledMustache {
        var nodes: [CompiledMustache.Node] = []
        var state = initial
        var whitespaceBefore = ""
        func text(_ s: String) { nodes.append(.text(Array(s.utf8))) }

        while !cursor.atEnd {
            if state.newLine {
                let whitespace = cursor.read { $0 == " " || $0 == "\t" }
                if state.inParentBody && !state.parentBodyTopLevel {
                    // Lines of a block body lose the indentation of the block's first line.
                    if let indent = state.blockIndent {
                        whitespaceBefore = String(whitespace.dropFirst(indent))
                    } else {
                        state.blockIndent = whitespace.count
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let plain = readText(&cursor)
            if cursor.current.isNewline {
                text(whitespaceBefore + plain + String(cursor.current))
                state.newLine = true
                cursor.advance()
                continue
            }
            if !plain.isEmpty {
                text(whitespaceBefore + plain)
                whitespaceBefore = ""
                state.newLine = false
            }
            if cursor.atEnd { break }
            var setNewLine = false
            func flushWhitespace() {
                if !whitespaceBefore.isEmpty {
                    text(whitespaceBefore)
                    whitespaceBefore = ""
                }
            }
            switch cursor.current {
            case "#", "^":
                let inverted = cursor.current == "^"
                cursor.advance()
                let name = try readName(&cursor)
                if standalone(&cursor, state) { setNewLine = true } else { flushWhitespace() }
                let body = try parse(&cursor, state: state.section(name, newLine: setNewLine))
                nodes.append(.section(MustacheName(name), body, inverted: inverted))
            case "/":
                cursor.advance()
                let name = try readName(&cursor)
                guard name == state.sectionName else { throw Unsupported() }
                if !standalone(&cursor, state) { flushWhitespace() }
                return CompiledMustache(nodes: nodes)
            case "!":
                cursor.advance()
                while !cursor.atEnd, !cursor.read("}}") { cursor.advance() }
                setNewLine = standalone(&cursor, state)
            case "{":
                flushWhitespace()
                cursor.advance()
                let name = try readName(&cursor)
                guard cursor.read("}") else { throw Unsupported() }
                nodes.append(.variable(MustacheName(name), escaped: false))
            case "&":
                flushWhitespace()
                cursor.advance()
                nodes.append(.variable(MustacheName(try readName(&cursor)), escaped: false))
            case ">":
                cursor.advance()
                _ = cursor.read { $0.isWhitespace }
                if cursor.current == "*" { throw Unsupported() }
                let name = try readPartialName(&cursor)
                if !whitespaceBefore.isEmpty { text(whitespaceBefore) }
                if standalone(&cursor, state) {
                    setNewLine = true
                    nodes.append(.partial(name: name, indentation: whitespaceBefore, blocks: nil))
                } else {
                    nodes.append(.partial(name: name, indentation: nil, blocks: nil))
                }
                whitespaceBefore = ""
            case "<":
                cursor.advance()
                _ = cursor.read { $0.isWhitespace }
                let name = try readPartialName(&cursor)
                if name.hasPrefix("*") { throw Unsupported() }
                if !whitespaceBefore.isEmpty { text(whitespaceBefore) }
                if standalone(&cursor, state) { setNewLine = true }
                let body = try parse(&cursor, state: state.parentBody(name))
                var blocks: [String: CompiledMustache] = [:]
                for node in body.nodes {
                    switch node {
                    case .block(let blockName, let content, _): blocks[blockName] = content
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                nodes.append(.partial(name: name, indentation: whitespaceBefore, blocks: blocks))
                whitespaceBefore = ""
            case "$":
                cursor.advance()
                let name = try readName(&cursor)
                if state.parentBodyTopLevel {
                    if standalone(&cursor, state) { setNewLine = true }
                    let body = try parse(&cursor, state: state.section(name, newLine: setNewLine))
                    // A block filled for the parent; the indentation is not used for these.
                    nodes.append(.block(name: name, defaultContent: body, indentation: ""))
                } else {
                    if !whitespaceBefore.isEmpty { text(whitespaceBefore) }
                    if standalone(&cursor, state) { setNewLine = true }
                    let body = try parse(&cursor, state: state.section(name, newLine: setNewLine))
                    nodes.append(.block(name: name, defaultContent: body, indentation: whitespaceBefore))
                    whitespaceBefore = ""
                }
            case "=", "%":
                throw Unsupported()
            default:
                flushWhitespace()
                nodes.append(.variable(MustacheName(try readName(&cursor)), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return CompiledMustache(nodes: nodes)
    }

    /// Text up to a newline (not consumed) or past the next `{{`.
    private static func readText(_ cursor: inout Cursor) -> String {
        var out = ""
        while !cursor.atEnd {
            let c = cursor.current
            if c == "\n" || c == "\r\n" { break }
            if c == "{" {
                if cursor.read("{{") { break }
                out.append("{")
                cursor.advance()
                continue
            }
            out.append(c)
            cursor.advance()
        }
        return out
    }

    /// A tag name and the closing `}}`; names with transforms (`f(x)`) are left to swift-mustache.
    private static func readName(_ cursor: inout Cursor) throws -> String {
        _ = cursor.read { $0.isWhitespace }
        let name = cursor.read { nameCharacters.contains($0) }
        _ = cursor.read { $0.isWhitespace }
        guard cursor.read("}}"), !name.contains("(") && !name.contains(")") else { throw Unsupported() }
        return name
    }

    private static func readPartialName(_ cursor: inout Cursor) throws -> String {
        _ = cursor.read { $0.isWhitespace }
        let name = cursor.read { partialNameCharacters.contains($0) }
        _ = cursor.read { $0.isWhitespace }
        guard cursor.read("}}") else { throw Unsupported() }
        return name
    }

    /// True when the tag just read began its line and nothing but spaces follow it on the line;
    /// the rest of the line, newline included, is then consumed.
    private static func standalone(_ cursor: inout Cursor, _ state: State) -> Bool {
        guard state.newLine else { return false }
        if cursor.atEnd { return true }
        var probe = cursor
        _ = probe.read { $0 == " " || $0 == "\t" }
        guard probe.current.isNewline else { return false }
        probe.advance()
        cursor = probe
        return true
    }
}
