/// What the entity layer knows about each token of a paragraph.
enum TokenLabel: Sendable, Equatable {
    case none
    /// Index into the registry's people.
    case person(Int)
    /// Index into `EntityRecognizer.places` / `.organizations`.
    case place(Int)
    case organization(Int)
}

/// A paragraph's tokens, the spelling matches laid over them, and helpers for the text.
struct ParagraphText: Sendable {
    var index: Int
    var text: String
    var bytes: [UInt8]
    var line: Int?
    var tokens: [Token]
    /// Same length as `tokens`.
    var labels: [TokenLabel]
    /// For labelled tokens: the token index where their match starts and ends.
    var matchStart: [Int]
    var matchEnd: [Int]
    /// Tokens inside an editor's insertion `(Vladimir. – Ed.)`.
    var editorial: [Bool]

    init(index: Int, text: String, line: Int?) {
        self.index = index
        self.text = text
        self.bytes = Array(text.utf8)
        self.line = line
        self.tokens = Tokenizer.tokenize(text)
        self.labels = Array(repeating: .none, count: tokens.count)
        self.matchStart = Array(0..<tokens.count)
        self.matchEnd = Array(1..<(tokens.count + 1))
        self.editorial = Array(repeating: false, count: tokens.count)
    }

    func slice(_ from: Int, _ to: Int) -> String {
        guard from < to, from >= 0, to <= tokens.count else { return "" }
        return String(decoding: bytes[tokens[from].start..<tokens[to - 1].end], as: UTF8.self)
    }

    func byteSlice(_ start: Int, _ end: Int) -> String {
        String(decoding: bytes[start..<end], as: UTF8.self)
    }

    func key(_ i: Int) -> String { i >= 0 && i < tokens.count ? tokens[i].key : "" }

    func isMark(_ i: Int, _ marks: Set<Unicode.Scalar>) -> Bool {
        i >= 0 && i < tokens.count && tokens[i].isPunct && marks.contains(tokens[i].mark)
    }

    static let openQuotes: Set<Unicode.Scalar> = ["\u{201C}", "\""]
    static let closeQuotes: Set<Unicode.Scalar> = ["\u{201D}", "\""]
    static let dashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}", "\u{2012}", "\u{2015}"]
}
