import Mustache
import ParleyCore

/// A template problem, with the template file and line.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(message)"
    }

    public var diagnostic: Diagnostic {
        Diagnostic(.error, step: "render", file: file, line: line, message)
    }
}

/// The Mustache templates of a theme, parsed once.
///
/// Templates are named by their path without `.mustache` (`article`, `partials/header`);
/// a template refers to others as partials (`{{> partials/header}}`) or parents
/// (`{{< layout}}{{$main}}…{{/main}}{{/layout}}`). `{{value}}` is HTML-escaped;
/// `{{{value}}}` is only for HTML that Parley made itself.
///
/// swift-mustache parses every template (and reports syntax errors); pages are rendered by
/// `MustacheRenderer`, which gives the same bytes much faster. A theme that uses what
/// `MustacheCompiler` leaves out (set delimiters, pragmas, transforms, dynamic partials) is
/// rendered by swift-mustache instead.
public struct TemplateSet: Sendable {
    private let library: MustacheLibrary
    let compiled: MustacheRenderer?
    public let names: [String]
    /// The templates' text, by file name.
    private let texts: [String]
    /// Partials rendered for the items of lists, shared by every page rendered with this set.
    public let fragments: FragmentCache

    /// `sources` maps a file name relative to the templates folder (`article.mustache`) to its text.
    /// Files that do not end in `.mustache` are ignored. Throws on a syntax error or a reference
    /// to a partial or parent that does not exist.
    public init(sources: [String: String], fragments: FragmentCache = FragmentCache()) throws(TemplateError) {
        self.fragments = fragments
        var library = MustacheLibrary()
        var names: [String] = []
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                throw TemplateError(file: file, line: error.context.lineNumber,
                                    message: "template syntax error: \(Self.describe(error.error)) at column \(error.context.columnNumber): \(error.context.line.trimmed)")
            } catch {
                throw TemplateError(file: file, message: "template syntax error: \(error)")
            }
            names.append(name)
        }
        let known = Set(names)
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) where file.hasSuffix(".mustache") {
            for reference in Self.references(in: text) where !known.contains(reference.name) {
                throw TemplateError(file: file, line: reference.line,
                                    message: "refers to the template '\(reference.name)', but there is no \(reference.name).mustache")
            }
        }
        self.library = library
        self.names = names
        texts = sources.sorted(by: { $0.key < $1.key }).filter { $0.key.hasSuffix(".mustache") }.map(\.value)
        var compiled: [String: CompiledMustache] = [:]
        for (file, text) in sources where file.hasSuffix(".mustache") {
            guard let template = MustacheCompiler.compile(text) else {
                self.compiled = nil
                return
            }
            compiled[String(file.dropLast(".mustache".count))] = template
        }
        self.compiled = MustacheRenderer(templates: compiled)
    }

    /// Whether a template writes `word` (lowercase ASCII) with a capital letter somewhere, as
    /// HTML allows for names of elements and attributes (`DATA-PAGEFIND-BODY`).
    public func capitalizes(_ word: String) -> Bool {
        func count(_ text: String) -> Int { text.split(separator: word, omittingEmptySubsequences: false).count - 1 }
        return texts.contains { count($0.lowercased()) > count($0) }
    }

    /// False when the theme uses a feature only swift-mustache renders (slower, same output).
    var isCompiled: Bool { compiled != nil }

    public func has(_ name: String) -> Bool { names.contains(name) }

    /// Renders `context` with the template `name`.
    public func render(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String {
        String(decoding: try renderBytes(name, context), as: UTF8.self)
    }

    /// Renders a context given as dictionaries, arrays, strings, numbers and booleans.
    public func render(_ name: String, _ context: [String: Any]) throws(TemplateError) -> String {
        try render(name, TemplateValue(any: context))
    }

    /// The page as UTF-8 bytes, ready to be written. `reusingFragments` false renders the page
    /// without the fragment cache, for a page whose list items are listed nowhere else in the
    /// same way (their fragments would be kept and never used again).
    public func renderBytes(_ name: String, _ context: TemplateValue, reusingFragments: Bool = true) throws(TemplateError) -> [UInt8] {
        if let compiled {
            guard let output = compiled.render(name, context, fragments: reusingFragments ? fragments : nil) else { throw notFound(name) }
            return output
        }
        return Array(try renderWithSwiftMustache(name, context).utf8)
    }

    public func renderBytes(_ name: String, _ context: TemplateObject, reusingFragments: Bool = true) throws(TemplateError) -> [UInt8] {
        try renderBytes(name, .object(context), reusingFragments: reusingFragments)
    }

    /// The page as swift-mustache renders it (for themes it alone can render, and to compare).
    func renderWithSwiftMustache(_ name: String, _ context: TemplateValue) throws(TemplateError) -> String {
        guard let output = library.render(context.any, withTemplate: name) else { throw notFound(name) }
        return output
    }

    func renderWithSwiftMustache(_ name: String, _ context: [String: Any]) throws(TemplateError) -> String {
        try renderWithSwiftMustache(name, TemplateValue(any: context))
    }

    private func notFound(_ name: String) -> TemplateError {
        TemplateError(file: "\(name).mustache", message: "template not found")
    }

    /// Partial (`{{> name}}`) and parent (`{{< name}}`) references with their lines.
    static func references(in text: String) -> [(name: String, line: Int)] {
        var found: [(String, Int)] = []
        var line = 1
        var rest = text[...]
        while let open = rest.firstRange(of: "{{") {
            line += rest[..<open.lowerBound].reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            rest = rest[open.upperBound...]
            guard let close = rest.firstRange(of: "}}") else { break }
            let tag = rest[..<close.lowerBound]
            if let sigil = tag.first, sigil == ">" || sigil == "<" {
                let name = tag.dropFirst().trimmed
                if !name.isEmpty, !name.hasPrefix("*") { found.append((name, line)) }
            }
            line += tag.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            rest = rest[close.upperBound...]
        }
        return found
    }

    private static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "a section is closed with the wrong name"
        case .unfinishedName: return "a tag is not closed with }}"
        case .expectedSectionEnd: return "a section is opened but never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to an inheritance section"
        case .illegalTokenInsideInheritSection: return "only blocks {{$name}} may stand inside an inheritance section"
        case .textInsideInheritSection: return "text may not stand inside an inheritance section outside a block"
        case .invalidConfigVariableSyntax: return "invalid pragma syntax"
        case .unrecognisedConfigVariable: return "unrecognised pragma"
        @unknown default: return "\(error)"
        }
    }
}
