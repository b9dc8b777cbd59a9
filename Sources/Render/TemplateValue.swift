import Foundation

/// A name in a page's context (`title`, `href`, `root`): a number given once per name in this
/// process, so a template looks a name up by comparing numbers instead of hashing strings.
///
/// Names used on every page are kept as constants (`TemplateKey.title`); `TemplateKey("x")`
/// finds or gives the number of any name (a template's names are numbered when it is compiled).
public struct TemplateKey: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The number in the low 24 bits; above, 40 bits of the name's digest (the same in every
    /// process, for `ContentDigest.ofContext`).
    let raw: UInt64

    public init(_ name: String) {
        raw = KeyNames.shared.key(for: name)
    }

    public init(stringLiteral name: String) {
        self.init(name)
    }

    /// Bits of the name's digest, the same in every process.
    var nameBits: UInt64 { raw >> 24 }

    public var name: String { KeyNames.shared.name(Int(raw & 0xFF_FFFF)) }

    public var description: String { name }
}

/// The names of `TemplateKey`s by number, shared by the whole process.
private final class KeyNames: @unchecked Sendable {
    static let shared = KeyNames()

    private let lock = NSLock()
    private var keys: [String: UInt64] = [:]
    private var names: [String] = []

    func key(for name: String) -> UInt64 {
        lock.withLock {
            if let known = keys[name] { return known }
            let digest = ContentDigest.of(name, seed: 2)
            let key = UInt64(names.count) | (digest.high << 24)
            keys[name] = key
            names.append(name)
            return key
        }
    }

    func name(_ number: Int) -> String {
        lock.withLock { names[number] }
    }
}

/// A value of a page's context: what Mustache variables print and sections test or iterate.
///
/// Strings, numbers and booleans print as they are; a section over `false` or an empty list
/// is skipped (`{{^x}}` renders it), over `true` rendered once, over a list once per item, over
/// anything else once with the value pushed on the context stack (as swift-mustache does).
public enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The value as swift-mustache takes it: dictionaries, arrays, strings, numbers, booleans.
    public var any: Any {
        switch self {
        case .string(let v): v
        case .int(let v): v
        case .bool(let v): v
        case .list(let items): items.map(\.any)
        case .object(let object): object.dictionary
        }
    }

    /// A context given as dictionaries and arrays (as swift-mustache takes them): strings,
    /// integers and booleans as they are, other values as the text they print as.
    public init(any value: Any) {
        switch value {
        case let v as TemplateValue: self = v
        case let v as TemplateObject: self = .object(v)
        case let v as String: self = .string(v)
        case let v as Bool: self = .bool(v)
        case let v as Int: self = .int(v)
        case let v as [String: Any]: self = .object(TemplateObject(any: v))
        case let v as [Any]: self = .list(v.map(TemplateValue.init(any:)))
        default: self = .string(String(describing: value))
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .string(String(stringInterpolation: stringInterpolation)) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}

/// An object of a page's context: its names and values in the order they were set. Objects
/// are small (a card has a dozen names), so a name is found by walking them.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    struct Entry: Sendable {
        let key: TemplateKey
        var value: TemplateValue
    }

    private(set) var entries: [Entry]

    public init() {
        entries = []
    }

    public init(dictionaryLiteral elements: (TemplateKey, TemplateValue)...) {
        self.init(elements)
    }

    init(_ elements: [(TemplateKey, TemplateValue)]) {
        entries = []
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { self[key] = value }
    }

    /// A dictionary's entries, by name.
    public init(any dictionary: [String: Any]) {
        self.init(dictionary.sorted { $0.key < $1.key }.map { (TemplateKey($0.key), TemplateValue(any: $0.value)) })
    }

    public subscript(key: TemplateKey) -> TemplateValue? {
        get { value(key) }
        set {
            if let index = entries.firstIndex(where: { $0.key.raw == key.raw }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    /// Sets every name of `other` (its values win).
    public mutating func merge(_ other: TemplateObject) {
        for entry in other.entries { self[entry.key] = entry.value }
    }

    public var count: Int { entries.count }

    /// The names set, in order.
    public var keys: [TemplateKey] { entries.map(\.key) }

    /// The object as a dictionary by name (for swift-mustache).
    public var dictionary: [String: Any] {
        var out: [String: Any] = [:]
        for entry in entries { out[entry.key.name] = entry.value.any }
        return out
    }

    /// The value of `key`, found by comparing numbers.
    @inline(__always)
    func value(_ key: TemplateKey) -> TemplateValue? {
        for entry in entries where entry.key.raw == key.raw { return entry.value }
        return nil
    }

    /// The address of the entries' storage, the same for every copy of this object (and for
    /// no other object while it lives); nil for an object without entries.
    var storageIdentity: UnsafeRawPointer? {
        guard !entries.isEmpty, MemoryLayout<[Entry]>.size == MemoryLayout<UnsafeRawPointer>.size else { return nil }
        return unsafeBitCast(entries, to: UnsafeRawPointer.self)
    }
}
