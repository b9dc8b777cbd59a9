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
        // Every (article, weight) met, then summed per article: a few hundred at most, so an
        // array sorted once is cheaper than a dictionary.
        var met: [(article: Int, weight: Int)] = []
        for event in analyzed.events {
            guard let entry = self.event(event.id) else { continue }
            for other in Self.neighbours(of: index, in: entry.articles) { met.append((other, 3)) }
        }
        for seen in analyzed.people {
            guard let entry = person(seen.person.id) else { continue }
            for other in Self.neighbours(of: index, in: entry.articles) { met.append((other, 1)) }
        }
        met.sort { $0.article < $1.article }
        var best = Self.Best(limit: limit, index: index)
        var position = 0
        while position < met.count {
            let article = met[position].article
            var score = 0
            while position < met.count, met[position].article == article {
                score += met[position].weight
                position += 1
            }
            if article != index, !excluding.contains(article) { best.offer(article, score: score) }
        }
        return best.articles
    }

    /// Other outlets' stories on the same events as article `index`, nearest in time first.
    public func alsoReported(_ index: Int, limit: Int = 5) -> [Int] {
        let outlet = articles[index].article.outlet
        var found: [Int] = []
        for event in articles[index].analyzed.events {
            guard let entry = self.event(event.id) else { continue }
            for other in Self.neighbours(of: index, in: entry.articles) where other != index {
                if let theirs = articles[other].article.outlet, theirs != outlet { found.append(other) }
            }
        }
        found.sort()
        var best = Self.Best(limit: limit, index: index)
        var last: Int?
        for other in found where other != last {
            best.offer(other, score: 0)
            last = other
        }
        return best.articles
    }

    /// The best `limit` articles offered, kept in order: higher score first, then nearer in
    /// time to article `index` (`nearer`), so the order is the same whatever the order offered.
    struct Best {
        let limit: Int
        let index: Int
        private var kept: [(article: Int, score: Int)] = []

        init(limit: Int, index: Int) {
            self.limit = limit
            self.index = index
            kept.reserveCapacity(limit + 1)
        }

        var articles: [Int] { kept.map(\.article) }

        mutating func offer(_ article: Int, score: Int) {
            guard limit > 0 else { return }
            func before(_ a: (article: Int, score: Int), _ b: (article: Int, score: Int)) -> Bool {
                a.score != b.score ? a.score > b.score : Library.nearer(a.article, than: b.article, to: index)
            }
            let candidate = (article: article, score: score)
            if kept.count == limit, let last = kept.last, !before(candidate, last) { return }
            var at = kept.count
            while at > 0, before(candidate, kept[at - 1]) { at -= 1 }
            kept.insert(candidate, at: at)
            if kept.count > limit { kept.removeLast() }
        }
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
