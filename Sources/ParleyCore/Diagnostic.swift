/// A message about the input: what is wrong or doubtful, and where.
///
/// Every stage reports problems as diagnostics instead of failing, so that one
/// bad article never hides the rest of the site. `file` is relative to the
/// content folder (for example `articles/002.txt`); `line` is 1-based.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable, Comparable {
        case note, warning, error

        private var rank: Int {
            switch self {
            case .note: 0
            case .warning: 1
            case .error: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// The pipeline step that found it: "ingest", "normalize", "entities", "render", "write", …
    public var step: String
    public var file: String?
    public var line: Int?
    public var message: String

    public init(_ severity: Severity, step: String, file: String? = nil, line: Int? = nil, _ message: String) {
        self.severity = severity
        self.step = step
        self.file = file
        self.line = line
        self.message = message
    }

    /// `articles/a.txt:3: warning: message [normalize]`
    public var description: String {
        var location = file ?? "parley"
        if let line { location += ":\(line)" }
        return "\(location): \(severity.rawValue): \(message) [\(step)]"
    }
}

extension Diagnostic: Comparable {
    /// Diagnostics sort by file, line, then severity (errors first) and message, so output is stable.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let l = (lhs.file ?? "", lhs.line ?? 0), r = (rhs.file ?? "", rhs.line ?? 0)
        if l != r { return l < r }
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        return (lhs.step, lhs.message) < (rhs.step, rhs.message)
    }
}
