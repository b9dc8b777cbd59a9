import ParleyCore

/// The page the preview server shows for every HTML request while the last build failed:
/// each error with its file and line, HTML-escaped, and the live-reload script, so the page
/// turns back into the site as soon as the file is fixed.
public enum ErrorPage {
    /// `diagnostics` are shown errors first (warnings and notes are left to the terminal);
    /// `problems` are failures that belong to no file (the output folder could not be written).
    public static func html(diagnostics: [Diagnostic], problems: [String]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }
        var items: [String] = problems.map { "<li><span class=\"message\">\(escape($0))</span></li>" }
        for diagnostic in errors {
            var location = diagnostic.file ?? "parley"
            if let line = diagnostic.line { location += ":\(line)" }
            items.append("""
            <li><code class="location">\(escape(location))</code> <span class="message">\(escape(diagnostic.message))</span> \
            <span class="step">[\(escape(diagnostic.step))]</span></li>
            """)
        }
        let count = items.count == 1 ? "1 error" : "\(items.count) errors"
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Build failed — Parley</title>
        <style>
        body { font: 16px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1a1a1a; }
        h1 { color: #b00020; font-size: 1.5rem; }
        ul { padding: 0; list-style: none; }
        li { border-left: 4px solid #b00020; background: #fdf1f3; padding: .5rem .75rem; margin: .5rem 0; overflow-wrap: anywhere; }
        code { font: .95em ui-monospace, monospace; font-weight: bold; }
        .step { color: #666; }
        </style>
        </head>
        <body>
        <h1>The build failed: \(count)</h1>
        <p>Fix the file and save it; this page reloads by itself when the build succeeds.</p>
        <ul>
        \(items.joined(separator: "\n"))
        </ul>
        \(LiveReload.script)</body>
        </html>

        """
    }

    /// Escapes text for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
