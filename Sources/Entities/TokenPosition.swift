/// A token of an article: its paragraph and its index there. A key for sets of positions,
/// hashed as two integers (a `[paragraph, token]` array key allocates and hashes an array).
struct TokenPosition: Hashable, Sendable {
    var paragraph: Int
    var token: Int
}
