import ParleyCore
import Render

extension ByteWriter {
    mutating func write(_ digest: ContentDigest) {
        write(digest.high)
        write(digest.low)
    }
}

extension ByteReader {
    mutating func readDigest() throws(Damaged) -> ContentDigest {
        ContentDigest(high: try readUInt64(), low: try readUInt64())
    }
}
