extension StringProtocol {
    /// The text without leading and trailing whitespace (including newlines).
    public var trimmed: String {
        var start = startIndex, end = endIndex
        while start < end, self[start].isWhitespace { start = index(after: start) }
        while end > start, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[start..<end])
    }
}

/// `1 article`, `3 articles`.
public func counted(_ n: Int, _ word: String) -> String {
    "\(n) \(word)\(n == 1 ? "" : "s")"
}
