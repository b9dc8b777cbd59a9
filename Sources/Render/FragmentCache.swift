import Foundation
import ParleyCore

/// Rendered partials, kept by what they were made from, so that a partial rendered for the same
/// item on many pages (an article's card on the home page and on the page of every person and
/// event it names) is rendered once.
///
/// A fragment is found by the partial, its indentation and the digest of the item it was
/// rendered for (the innermost object of the context stack); it also records every name it
/// looked up further out in the stack (`root`, `site`…) with the digest of what it found there,
/// and is used again only where those names give the same values. Its bytes are therefore the
/// bytes rendering would give.
///
/// Shared by the threads that render pages, for one build and one `TemplateSet` (partials are
/// known by their number in its templates).
public final class FragmentCache: @unchecked Sendable {
    struct Key: Hashable {
        /// The partial's number in the templates' program.
        var partial: Int32
        var indentation: String
        var item: ContentDigest
    }

    /// A name looked up below the item, and the digest of what it found (nil: nothing).
    struct Dependency: Equatable {
        var name: TemplateKey
        var found: ContentDigest?
    }

    struct Fragment {
        var dependencies: [Dependency]
        var bytes: [UInt8]
    }

    private let lock = NSLock()
    private var fragments: [Key: [Fragment]] = [:]
    /// Digests of items listed on many pages, by the identity of their storage; the items are
    /// kept here, so no other dictionary can take their place in memory while this cache lives.
    private var sharedDigests: [UnsafeRawPointer: ContentDigest] = [:]
    private var sharedItems: [TemplateObject] = []

    public init() {}

    /// Items (dictionaries) that will be listed on many pages, with their digests, so the digest
    /// of each is not worked out again on every page that lists it.
    public func share(_ items: [TemplateObject], digests: [ContentDigest]) {
        lock.withLock {
            for (item, digest) in zip(items, digests) {
                guard let identity = item.storageIdentity else { continue }
                sharedDigests[identity] = digest
            }
            sharedItems += items
        }
    }

    /// The digest of an item: looked up when it was shared, worked out otherwise.
    func digest(of item: TemplateObject) -> ContentDigest {
        if let identity = item.storageIdentity, let shared = lock.withLock({ sharedDigests[identity] }) {
            return shared
        }
        return ContentDigest.ofContext(item)
    }

    var count: Int { lock.withLock { fragments.values.reduce(0) { $0 + $1.count } } }

    /// Forgets every fragment and shared item, for when no more pages listing them will be
    /// rendered: a large site's fragments would otherwise stay in memory to the end of the build.
    public func removeAll() {
        lock.withLock {
            fragments = [:]
            sharedDigests = [:]
            sharedItems = []
        }
    }

    func candidates(_ key: Key) -> [Fragment] {
        lock.withLock {
            fragments[key] ?? []
        }
    }

    func store(_ key: Key, _ fragment: Fragment) {
        lock.withLock {
            if !(fragments[key]?.contains { $0.dependencies == fragment.dependencies } ?? false) {
                fragments[key, default: []].append(fragment)
            }
        }
    }
}
