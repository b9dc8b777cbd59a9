import Ingest
import ParleyCore
import Render

/// Digests and file fingerprints in the build cache's files.
extension ByteWriter {
    mutating func write(_ digest: ContentDigest) {
        write(digest.high)
        write(digest.low)
    }

    mutating func write(_ f: FileFingerprint) {
        write(Int(f.size))
        write(Int(f.modified))
        write(Int(f.changed))
        write(f.inode)
        write(f.device)
    }
}

extension ByteReader {
    mutating func readDigest() throws(Damaged) -> ContentDigest {
        ContentDigest(high: try readUInt64(), low: try readUInt64())
    }

    mutating func readFingerprint() throws(Damaged) -> FileFingerprint {
        FileFingerprint(size: Int64(try readInt()), modified: Int64(try readInt()), changed: Int64(try readInt()),
                        inode: try readUInt64(), device: try readUInt64())
    }
}
