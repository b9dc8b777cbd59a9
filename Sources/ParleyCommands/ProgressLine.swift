#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One line on a terminal that tells how far a long build is (`parley: building… entities done
/// (2.4 s)`), redrawn in place with a carriage return and cleared before anything else is printed.
///
/// It appears only when standard output is a terminal and only once a build has taken longer
/// than `delay`, so quick builds print exactly what they print in CI, where standard output
/// is a file or a pipe and there is never any carriage return or escape sequence.
final class ProgressLine {
    private let enabled: Bool
    private let delay: Duration
    private let write: (String) -> Void
    private let start = ContinuousClock.now
    private var shown = false

    init(enabled: Bool, delay: Duration = .milliseconds(300), write: @escaping (String) -> Void) {
        self.enabled = enabled
        self.delay = delay
        self.write = write
    }

    /// On when standard output is a terminal (and `TERM` is not `dumb`).
    static func standardOutput() -> ProgressLine {
        let dumb = getenv("TERM").map { String(cString: $0) == "dumb" } ?? false
        return ProgressLine(enabled: isatty(1) == 1 && !dumb) { text in
            fflush(nil) // whatever print() buffered goes first
            writeAll(1, text)
        }
    }

    /// A step of the build has completed.
    func stepFinished(_ step: String) {
        draw("building… \(step) done")
    }

    /// What the build is doing now (`writing 512 files…`).
    func status(_ text: String) {
        draw(text)
    }

    /// Removes the line, if one was drawn; call before printing anything else.
    func clear() {
        guard shown else { return }
        write("\r\u{1B}[K")
        shown = false
    }

    private func draw(_ text: String) {
        guard enabled else { return }
        let elapsed = ContinuousClock.now - start
        guard elapsed >= delay else { return }
        write("\r\u{1B}[Kparley: \(text) (\(String(format1: elapsed.seconds)) s)")
        shown = true
    }
}

extension String {
    /// One decimal: `2.4`.
    init(format1 value: Double) {
        self.init(fixed: value, decimals: 1)
    }

    /// A positive number with `decimals` decimals (at least one): `0.42`.
    init(fixed value: Double, decimals: Int) {
        self = String.fixed(value, decimals: Swift.max(1, decimals))
    }

    private static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = Int((value * Double(scale)).rounded())
        let fraction = "\(scaled % scale)"
        return "\(scaled / scale)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
