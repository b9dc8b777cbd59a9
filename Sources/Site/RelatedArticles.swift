import ParleyCore

extension Library {
    /// How many articles on each side of an article, in a person's or an event's list, are
    /// considered: a person named in thousands of articles costs no more than one named in fifty,
    /// and the nearest in time are the ones worth reading next.
    static let relatedWindow = 25

    /// Articles sharing people and events with article `index`, best first: an event in common
    /// counts 3, a person 1; ties go to the article nearest in time, then to library order.
    /// Articles in `excluding` (e.g. those listed as "also reported by") are left out.
    public func related(to index: Int, limit: Int = 5, excluding: Set<Int> = []) -> [Int] {
        let analyzed = articles[index].analyzed
        var scores: [Int: Int] = [:]
        for event in analyzed.events {
            guard let entry = self.event(event.id) else { continue }
            for other in Self.neighbours(of: index, in: entry.articles) { scores[other, default: 0] += 3 }
        }
        for seen in analyzed.people {
            guard let entry = person(seen.person.id) else { continue }
            for other in Self.neighbours(of: index, in: entry.articles) { scores[other, default: 0] += 1 }
        }
        return scores.filter { $0.key != index && !excluding.contains($0.key) }
            .sorted { a, b in a.value != b.value ? a.value > b.value : Self.nearer(a.key, than: b.key, to: index) }
            .prefix(limit).map(\.key)
    }

    /// Other outlets' stories on the same events as article `index`, nearest in time first.
    public func alsoReported(_ index: Int, limit: Int = 5) -> [Int] {
        let outlet = articles[index].article.outlet
        var found = Set<Int>()
        for event in articles[index].analyzed.events {
            guard let entry = self.event(event.id) else { continue }
            for other in Self.neighbours(of: index, in: entry.articles) where other != index {
                if let theirs = articles[other].article.outlet, theirs != outlet { found.insert(other) }
            }
        }
        return found.sorted { Self.nearer($0, than: $1, to: index) }.prefix(limit).map { $0 }
    }

    /// Whether article `a` is nearer in time to article `index` than `b` is (by place in the
    /// newest-first library; ties go to the newer one).
    static func nearer(_ a: Int, than b: Int, to index: Int) -> Bool {
        let (da, db) = (abs(a - index), abs(b - index))
        return da != db ? da < db : a < b
    }

    /// The articles within `relatedWindow` places of `index` in an ascending list of indexes.
    static func neighbours(of index: Int, in list: [Int]) -> ArraySlice<Int> {
        var low = 0, high = list.count
        while low < high {
            let mid = (low + high) / 2
            if list[mid] < index { low = mid + 1 } else { high = mid }
        }
        return list[max(0, low - relatedWindow)..<min(list.count, low + relatedWindow + 1)]
    }

    /// The next older and next newer dated article (the library is newest first; undated
    /// articles have no neighbours in time).
    public func neighboursInTime(_ index: Int) -> (older: Int?, newer: Int?) {
        guard articles[index].article.date.day != nil else { return (nil, nil) }
        let older = index + 1 < articles.count && articles[index + 1].article.date.day != nil ? index + 1 : nil
        let newer = index > 0 ? index - 1 : nil
        return (older, newer)
    }
}
