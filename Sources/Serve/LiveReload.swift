/// The script that reloads an open page after a rebuild, added to HTML responses of the preview
/// server only (never written to the site folder).
///
/// The page listens to server-sent events at `eventsPath`. Each `build` event carries the
/// generation of the last build; the page reloads when it sees a generation other than the one
/// it was loaded with — after a rebuild, and also after reconnecting to a restarted server.
public enum LiveReload {
    public static let eventsPath = "/__parley/events"

    /// Marks the script, so tests (and people) can tell it from the site's own markup.
    public static let marker = "data-parley-live-reload"

    public static let script = """
    <script \(marker)>
    (function () {
      if (!window.EventSource) return;
      var seen = null;
      var source = new EventSource("\(eventsPath)");
      source.addEventListener("build", function (event) {
        if (seen !== null && event.data !== seen) { source.close(); location.reload(); }
        seen = event.data;
      });
    })();
    </script>

    """

    /// `html` with the script before its last `</body>` (any case), or at the end without one.
    public static func inject(into html: [UInt8]) -> [UInt8] {
        let script = Array(Self.script.utf8)
        guard let position = lastBodyClose(in: html) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: position)
        return result
    }

    private static func lastBodyClose(in html: [UInt8]) -> Int? {
        let tag = Array("</body".utf8)
        guard html.count >= tag.count else { return nil }
        var start = html.count - tag.count
        while start >= 0 {
            var matches = true
            for offset in 0..<tag.count where lowercased(html[start + offset]) != tag[offset] {
                matches = false
                break
            }
            if matches { return start }
            start -= 1
        }
        return nil
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
