/// Where a request to the preview server leads, decided from the request path alone (no disk).
///
/// The path is split on `/` first and each segment percent-decoded on its own, so an encoded
/// separator (`%2f`) can never join segments, and an encoded dot segment (`%2e%2e`) is caught
/// like a plain one. Anything that could step out of the site folder or mean something else to
/// the file system — `.` and `..` segments, NUL and other control characters, backslashes,
/// encoded slashes, malformed escapes — is a bad request. What is left is a path relative to
/// the site folder; an absolute path such as `/etc/passwd` therefore names a file *inside* the
/// site folder (which does not exist).
public enum RequestPath: Equatable, Sendable {
    /// A file of the site, relative to the site folder: `index.html`, `people/index.html`, `style.css`.
    case file(String)
    /// The same place, spelled canonically: send the browser to this path (`/parley/`).
    case redirect(String)
    /// A path outside the site's base path, or a hidden file: the 404 page.
    case notFound
    /// A path no browser sends for a page of the site; the reason is for the response body.
    case badRequest(String)

    /// Resolves the path of a request target (`/parley/people/?x=1`); `basePath` is the path of
    /// the site's base URL (`/parley/`), where the site is served. `/` redirects there.
    public static func resolve(_ target: String, basePath: String = "/") -> RequestPath {
        var raw = Substring(target)
        if let end = raw.firstIndex(where: { $0 == "?" || $0 == "#" }) { raw = raw[..<end] }
        guard raw.hasPrefix("/") else { return .badRequest("the path does not start with /") }
        var segments: [String] = []
        for part in raw.split(separator: "/", omittingEmptySubsequences: true) {
            switch decodeSegment(part) {
            case .success(let segment): segments.append(segment)
            case .failure(let reason): return .badRequest(reason)
            }
        }
        let endsWithSlash = raw.hasSuffix("/")
        let base = basePath.split(separator: "/").map { part in
            if case .success(let segment) = decodeSegment(part) { segment } else { String(part) }
        }
        guard segments.starts(with: base) else {
            return segments.isEmpty ? .redirect(urlPath(base)) : .notFound
        }
        var rest = Array(segments.dropFirst(base.count))
        if rest.isEmpty && !endsWithSlash && !base.isEmpty { return .redirect(urlPath(base)) }
        if rest.contains(where: { $0.hasPrefix(".") }) { return .notFound }
        if rest.isEmpty || endsWithSlash { rest.append("index.html") }
        return .file(rest.joined(separator: "/"))
    }

    /// The URL path of a folder of the site (`people` under `/parley/` → `/parley/people/`),
    /// each segment percent-encoded: for redirects that add the trailing slash.
    public static func directoryURL(basePath: String, relative: String) -> String {
        urlPath(basePath.split(separator: "/").map(String.init) + relative.split(separator: "/").map(String.init))
    }

    private enum Decoded {
        case success(String)
        case failure(String)
    }

    private static func decodeSegment(_ part: Substring) -> Decoded {
        var bytes: [UInt8] = []
        var utf8 = part.utf8[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%") {
                guard utf8.count >= 2, let high = hexValue(utf8.popFirst()!), let low = hexValue(utf8.popFirst()!) else {
                    return .failure("malformed percent-encoding")
                }
                bytes.append(high << 4 | low)
            } else {
                bytes.append(byte)
            }
        }
        if bytes.contains(UInt8(ascii: "/")) { return .failure("an encoded / in the path") }
        if bytes.contains(UInt8(ascii: "\\")) { return .failure("a backslash in the path") }
        if bytes.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return .failure("a control character in the path") }
        guard let segment = String(validating: bytes, as: UTF8.self) else { return .failure("the path is not UTF-8") }
        if segment == "." || segment == ".." { return .failure("a . or .. segment in the path") }
        return .success(segment)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// `/a/b/` from segments, percent-encoding all but unreserved and a few safe characters, so
    /// a redirect can never start with `//` or carry what the request smuggled in.
    private static func urlPath(_ segments: [String]) -> String {
        var path = "/"
        for segment in segments {
            for byte in segment.utf8 {
                if isSafe(byte) {
                    path.unicodeScalars.append(Unicode.Scalar(byte))
                } else {
                    path += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
                }
            }
            path += "/"
        }
        return path
    }

    private static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        default:
            "-._~!$&'()*+,;=:@".utf8.contains(byte)
        }
    }
}
