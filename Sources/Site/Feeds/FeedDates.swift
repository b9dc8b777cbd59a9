import ParleyCore

/// The date formats of feeds, from a day. Articles are dated by day, so the time is midnight UTC;
/// no clock is read.
extension Day {
    /// RFC 3339, for Atom and JSON Feed: `2022-03-29T00:00:00Z`.
    var rfc3339: String { iso + "T00:00:00Z" }

    /// RFC 822 as RSS 2.0 uses it (four-digit year): `Tue, 29 Mar 2022 00:00:00 +0000`.
    var rfc822: String {
        let weekday = String(Day.weekdayNames[weekday - 1].prefix(3))
        let month = String(Day.monthNames[month - 1].prefix(3))
        let dd = day < 10 ? "0\(day)" : "\(day)"
        return "\(weekday), \(dd) \(month) \(iso.prefix(4)) 00:00:00 +0000"
    }
}
