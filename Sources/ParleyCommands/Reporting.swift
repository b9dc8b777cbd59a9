#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyCore
import Site

/// Writes a line to standard error, unbuffered.
func printError(_ text: String) {
    writeAll(2, text + "\n")
}

/// Writes all of `text` to a file descriptor, unbuffered.
func writeAll(_ fd: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    bytes.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            offset += n
        }
    }
}

/// Prints diagnostics (errors and warnings; notes only when verbose) to standard error.
func report(_ diagnostics: [Diagnostic], verbose: Bool) {
    for diagnostic in diagnostics where verbose || diagnostic.severity != .note {
        printError(diagnostic.description)
    }
}

/// The steps of the build (pages are written as they are rendered, in "pages"), then the
/// search index and the swap into place.
/// `searchSeconds`: the time of the search index, made before the swap (not in `swapSeconds`).
func printTimings(_ result: BuildResult, swapSeconds: Double?, searchSeconds: Double? = nil) {
    var timings = result.timings
    if let searchSeconds { timings.append(("search index", searchSeconds)) }
    if let swapSeconds { timings.append(("swap", swapSeconds)) }
    let total = timings.filter { !$0.step.hasPrefix(" ") }.reduce(0) { $0 + $1.seconds }
    for (step, seconds) in timings + [("total", total)] {
        let padded = step + String(repeating: " ", count: max(1, 14 - step.count))
        printError("\(padded)\(formatMilliseconds(seconds))")
    }
    if result.pageJobs > 0 {
        printError("pages rendered \(result.pagesRendered) of \(result.pageJobs) (the others kept from the last build)")
    }
    if let reason = result.wholeLibraryBecause { printError("the whole library was read: \(reason)") }
}

func formatMilliseconds(_ seconds: Double) -> String {
    let ms = (seconds * 10_000).rounded() / 10
    return "\(ms) ms"
}

/// Seconds since an instant of a monotonic clock.
func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}
