import ParleyCore
import Render

extension PageContexts {
    /// Every event and article on one page, oldest first, by month (anchors `m-2022-03`), with
    /// the events of a day before its articles; undated articles and events at the end.
    func timeline() -> TemplateObject {
        var context = base(path: "timeline/index.html", title: "Timeline",
                           description: "Every event and article of \(site.title), in order", section: "timeline")
        struct Item {
            var day: Day?
            var isEvent: Bool
            var order: Int
            var fields: TemplateObject
        }
        var items: [Item] = []
        for (order, entry) in library.events.enumerated() {
            items.append(Item(day: entry.event.start, isEvent: true, order: order, fields: [
                .isEvent: true, .title: .string(entry.event.name), .href: .string(entry.path),
                .date: Self.value(Self.when(entry.event)), .dateISO: Self.value(entry.event.start?.iso),
                .place: Self.value(entry.event.place), .source: false, .dateline: false,
            ]))
        }
        // The library is newest first; walking it backwards gives oldest first within a day too.
        for index in library.articles.indices.reversed() {
            let a = library.articles[index].article
            items.append(Item(day: a.date.day, isEvent: false, order: library.articles.count - index, fields: [
                .isEvent: false, .title: .string(a.title), .href: .string(library.articles[index].path),
                .date: Self.value(a.date.day?.longDescription), .dateISO: Self.value(a.date.day?.iso),
                .place: false, .source: Self.value(a.outlet), .dateline: Self.value(a.dateline?.places.first),
            ]))
        }
        let dated = items.filter { $0.day != nil }.sorted { x, y in
            if x.day! != y.day! { return x.day! < y.day! }
            if x.isEvent != y.isEvent { return x.isEvent }
            return x.order < y.order
        }
        var months: [(id: String, label: String, items: [TemplateValue])] = []
        for item in dated {
            let day = item.day!
            let id = "m-" + String(day.iso.prefix(7))
            if months.last?.id != id { months.append((id, day.monthDescription, [])) }
            months[months.count - 1].items.append(.object(item.fields))
        }
        let undated = items.filter { $0.day == nil }.sorted { ($0.isEvent ? 0 : 1, $0.order) < ($1.isEvent ? 0 : 1, $1.order) }
        context[.months] = Self.list(months.map { month -> TemplateObject in
            [.id: .string(month.id), .label: .string(month.label), .items: .list(month.items)]
        })
        context[.undated] = Self.list(undated.map(\.fields))
        context[.monthLinks] = Self.list(months.map { month -> TemplateObject in [.id: .string(month.id), .label: .string(month.label)] })
        return context
    }
}
