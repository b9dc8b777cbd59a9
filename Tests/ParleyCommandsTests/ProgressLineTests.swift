@testable import ParleyCommands
import Testing

/// The progress line: drawn in place on a terminal for long builds, never anywhere else.
@Suite struct ProgressLineTests {
    final class Output {
        var writes: [String] = []
    }

    @Test func onATerminalStepsAreDrawnInPlaceAndCleared() {
        let output = Output()
        let line = ProgressLine(enabled: true, delay: .zero) { output.writes.append($0) }
        line.stepFinished("ingest")
        line.stepFinished("entities")
        line.status("writing 12 files…")
        #expect(output.writes.count == 3)
        #expect(output.writes.allSatisfy { $0.hasPrefix("\r\u{1B}[Kparley: ") && !$0.contains("\n") })
        #expect(output.writes[0].contains("building… ingest done ("))
        #expect(output.writes[2].contains("writing 12 files… ("))
        line.clear()
        #expect(output.writes.last == "\r\u{1B}[K")
        line.clear()
        #expect(output.writes.count == 4, "nothing to clear twice")
    }

    @Test func quickBuildsShowNothing() {
        let output = Output()
        let line = ProgressLine(enabled: true, delay: .seconds(3600)) { output.writes.append($0) }
        line.stepFinished("ingest")
        line.clear()
        #expect(output.writes.isEmpty)
    }

    @Test func offTheTerminalNothingIsWritten() {
        let output = Output()
        let line = ProgressLine(enabled: false, delay: .zero) { output.writes.append($0) }
        line.stepFinished("ingest")
        line.status("writing")
        line.clear()
        #expect(output.writes.isEmpty)
    }

    @Test func secondsWithOneDecimal() {
        #expect(String(format1: 0) == "0.0")
        #expect(String(format1: 2.44) == "2.4")
        #expect(String(format1: 2.46) == "2.5")
        #expect(String(format1: 12.0) == "12.0")
    }

    /// `parley serve` says how long each build took with two decimals.
    @Test func secondsWithTwoDecimals() {
        #expect(String(fixed: 0.426, decimals: 2) == "0.43")
        #expect(String(fixed: 0.004, decimals: 2) == "0.00")
        #expect(String(fixed: 1.05, decimals: 2) == "1.05")
        #expect(String(fixed: 12.3, decimals: 2) == "12.30")
        #expect(String(fixed: 0.07, decimals: 2) == "0.07")
    }
}
