#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How long one step of a build took.
public struct StepTime: Sendable {
    public var step: String
    /// Wall-clock seconds.
    public var seconds: Double
    /// Processor seconds of all threads: about twice `seconds` when a step keeps two cores busy.
    public var cpuSeconds: Double

    public init(step: String, seconds: Double, cpuSeconds: Double) {
        self.step = step
        self.seconds = seconds
        self.cpuSeconds = cpuSeconds
    }
}

/// Measures named steps with a monotonic clock and the process's processor time (for
/// `--timings`; never written into a page).
struct StepTimer {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private var lastCPU: Double
    private(set) var laps: [StepTime] = []

    init() {
        last = clock.now
        lastCPU = Self.processorSeconds()
    }

    mutating func lap(_ step: String) {
        let now = clock.now
        let cpu = Self.processorSeconds()
        laps.append(StepTime(step: step, seconds: (now - last).seconds, cpuSeconds: cpu - lastCPU))
        last = now
        lastCPU = cpu
    }

    static func processorSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
