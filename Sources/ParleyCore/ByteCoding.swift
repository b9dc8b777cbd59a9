/// Writes values as compact bytes for Parley's build cache: integers as LEB128 varints,
/// strings and byte arrays with their length first. `ByteReader` reads them back in the same
/// order; the format has no field names, so writer and reader must agree field by field.
public struct ByteWriter {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    public mutating func write(_ value: Int) {
        // Zigzag, so small negative numbers stay short.
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    public mutating func write(_ value: [UInt8]) {
        write(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    public mutating func write(_ value: String?) {
        write(value != nil)
        if let value { write(value) }
    }

    public mutating func write(_ value: Int?) {
        write(value != nil)
        if let value { write(value) }
    }

    /// Bytes written by another writer, as they are.
    public mutating func append(_ raw: [UInt8]) {
        bytes.append(contentsOf: raw)
    }

    public mutating func write(_ values: [String]) {
        write(UInt64(values.count))
        for value in values { write(value) }
    }
}

/// Reads what `ByteWriter` wrote; throws `ByteReader.Damaged` on bytes that do not fit.
public struct ByteReader {
    public struct Damaged: Error, Sendable {
        public init() {}
    }

    private let bytes: [UInt8]
    public private(set) var position = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// A reader of `bytes` that starts at `position` (what comes before is not read).
    public init(_ bytes: [UInt8], from position: Int) {
        self.bytes = bytes
        self.position = min(max(0, position), bytes.count)
    }

    public var atEnd: Bool { position == bytes.count }

    public mutating func readUInt64() throws(Damaged) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count, shift < 64 else { throw Damaged() }
            let b = bytes[position]
            position += 1
            result |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return result }
            shift += 7
        }
    }

    public mutating func readInt() throws(Damaged) -> Int {
        let z = try readUInt64()
        return Int(Int64(bitPattern: (z >> 1) ^ (0 &- (z & 1))))
    }

    /// A count of items that follow; more than the bytes left could hold means damage.
    public mutating func readCount() throws(Damaged) -> Int {
        let n = try readUInt64()
        guard n <= UInt64(bytes.count - position) else { throw Damaged() }
        return Int(n)
    }

    public mutating func readBool() throws(Damaged) -> Bool {
        guard position < bytes.count, bytes[position] <= 1 else { throw Damaged() }
        position += 1
        return bytes[position - 1] == 1
    }

    public mutating func readBytes() throws(Damaged) -> [UInt8] {
        let n = try readCount()
        defer { position += n }
        return Array(bytes[position..<(position + n)])
    }

    public mutating func readString() throws(Damaged) -> String {
        let n = try readCount()
        defer { position += n }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[position..<(position + n)]), as: UTF8.self) }
    }

    public mutating func readOptionalString() throws(Damaged) -> String? {
        try readBool() ? try readString() : nil
    }

    public mutating func readOptionalInt() throws(Damaged) -> Int? {
        try readBool() ? try readInt() : nil
    }

    public mutating func readStrings() throws(Damaged) -> [String] {
        try readArray { reader throws(Damaged) in try reader.readString() }
    }

    /// A count, then that many elements read by `element`, in an array with room for exactly
    /// them: what a build reads from its cache is kept to the end of the build, and an array grown
    /// by appending keeps up to twice the room it needs. (The count is at most the bytes left, so
    /// a damaged file cannot ask for more room than its size in elements.)
    public mutating func readArray<Element>(_ element: (inout ByteReader) throws(Damaged) -> Element) throws(Damaged) -> [Element] {
        let count = try readCount()
        var out: [Element] = []
        out.reserveCapacity(count)
        for _ in 0..<count { out.append(try element(&self)) }
        return out
    }
}
