#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ParleyCore
import Site

/// Writes to standard error.
func printError(_ text: String) {
    let line = Array((text + "\n").utf8)
    line.withUnsafeBytes { raw in
        var offset = 0
        while offset < raw.count {
            let n = write(2, raw.baseAddress! + offset, raw.count - offset)
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

/// The steps of a build with their wall-clock and processor times, then the parts that ran
/// inside the page steps on all cores, with the time summed over the threads.
func printTimings(_ result: BuildResult) {
    let total = StepTime(step: "total", seconds: result.timings.reduce(0) { $0 + $1.seconds },
                         cpuSeconds: result.timings.reduce(0) { $0 + $1.cpuSeconds })
    for time in result.timings + [total] {
        printError(padded(time.step, 16) + padded(formatMilliseconds(time.seconds), 12) + "cpu " + formatMilliseconds(time.cpuSeconds))
    }
    for (step, seconds) in result.threadTimings {
        printError(padded("  " + step, 28) + "cpu " + formatMilliseconds(seconds))
    }
}

private func padded(_ text: String, _ width: Int) -> String {
    text + String(repeating: " ", count: max(1, width - text.count))
}

func formatMilliseconds(_ seconds: Double) -> String {
    let ms = (seconds * 10_000).rounded() / 10
    return "\(ms) ms"
}

/// Seconds since an instant of a monotonic clock.
func seconds(since start: ContinuousClock.Instant) -> Double {
    (ContinuousClock.now - start).seconds
}
