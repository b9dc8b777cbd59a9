import ParleyCore

/// Dates an undated article from what it refers to.
///
/// 1. A dateline with month and day but no year: the earliest year, not before the year of
///    the latest registry event the article refers to, in which the dateline day is not
///    before that event.
/// 2. A registry event named together with its weekday (`On Tuesday, … talks in Istanbul`):
///    the article is dated on that event's day, the earliest day the sentence can be written
///    (a report may come a day later; the event day is the principled lower bound).
/// 3. Otherwise the article stays undated, with a warning.
enum DateInference {
    static func infer(_ article: NormalizedArticle, references: [EventFinder.Reference], events: [Event])
        -> (ArticleDate, [Diagnostic])
    {
        guard article.date.status == .undated || article.date.day == nil else { return (article.date, []) }
        let referenced = references.compactMap { ref -> (Event, Day)? in
            guard let start = events[ref.event].start else { return nil }
            return (events[ref.event], events[ref.event].end ?? start)
        }
        let latest = referenced.max(by: { $0.1 < $1.1 })
        if let month = article.dateline?.month, let day = article.dateline?.day {
            if let (event, end) = latest {
                for year in end.year...(end.year + 1) {
                    if let d = Day(year: year, month: month, day: day), d >= end {
                        return (.inferred(d, basis: "dateline \(Day.monthNames[month - 1]) \(day); year \(year) from events named in the text (latest: \(event.name), \(end.iso))"), [])
                    }
                }
            }
            return (.undated, [Diagnostic(.warning, step: "entities", file: article.source.path, line: article.paragraphs.first?.line,
                                          "the dateline gives \(Day.monthNames[month - 1]) \(day) but no year, and the text names no dated event to infer it from; the article is listed as undated")])
        }
        var best: (Day, String)? = nil
        for ref in references {
            guard let wd = ref.weekday, let start = events[ref.event].start else { continue }
            let end = events[ref.event].end ?? start
            var d = start
            while d <= end {
                if d.weekday == wd {
                    if best == nil || d > best!.0 {
                        best = (d, "the text names \(events[ref.event].name) (\(d.iso), a \(Day.weekdayNames[wd - 1])) by its weekday; dated on that day")
                    }
                    break
                }
                d = d.adding(days: 1)
            }
        }
        if let best {
            if let latest, latest.1 > best.0 {
                // A later event is named: the weekday reading cannot be right.
            } else {
                return (.inferred(best.0, basis: best.1), [])
            }
        }
        return (.undated, [Diagnostic(.warning, step: "entities", file: article.source.path, line: article.paragraphs.first?.line,
                                      "no date in the text, no dateline day and no dated event named with its weekday; the article is listed as undated")])
    }

    /// A date inferred from the dateline's day and the latest year named in the text is only
    /// the earliest the article can be: when the text names a registry event by a phrase that
    /// is later than it, the article is dated on the first dateline day not before that event.
    static func movedPast(_ article: NormalizedArticle, day: Day, references: [EventFinder.Reference], events: [Event]) -> ArticleDate {
        guard let month = article.dateline?.month, let dayOfMonth = article.dateline?.day else { return article.date }
        var latest: (Event, Day)? = nil
        for ref in references where ref.byPhrase {
            guard let start = events[ref.event].start else { continue }
            let end = events[ref.event].end ?? start
            if end > day, latest.map({ end > $0.1 }) ?? true { latest = (events[ref.event], end) }
        }
        guard let (event, end) = latest else { return article.date }
        for year in end.year...(end.year + 1) {
            if let d = Day(year: year, month: month, day: dayOfMonth), d >= end {
                return .inferred(d, basis: "dateline \(Day.monthNames[month - 1]) \(dayOfMonth); year \(year): not before \(event.name) (\(end.iso)), named in the text")
            }
        }
        return article.date
    }
}
