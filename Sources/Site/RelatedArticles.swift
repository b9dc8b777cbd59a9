import ParleyCore

extension Library {
    /// How many articles on each side of an article, in a person's or an event's list, are
    /// considered: a person named in thousands of articles costs no more than one named in fifty,
    /// and the nearest in time are the ones worth reading next.
    static let relatedWindow = 25

    /// Articles sharing people and events with article `index`, best first: an event in common
    /// counts 3, a person 1; ties go to the article nearest in time, then to library order.
    /// Articles in `excluding` (e.g. those listed as "also reported by") are left out.
    public func related(to index: Int, limit: Int = 5, excluding: [Int] = []) -> [Int] {
        let analyzed = articles[index].analyzed
        // The neighbours of the article in the list of each of its events and people: sorted
        // windows of a few dozen, merged here with their weights summed per article.
        var windows = SortedWindows()
        for event in analyzed.events {
            guard let position = eventPosition(event.id) else { continue }
            windows.add(Self.neighbours(of: index, in: events[position].articles), weight: 3)
        }
        for seen in analyzed.people {
            guard let position = personPosition(seen.person.id) else { continue }
            windows.add(Self.neighbours(of: index, in: people[position].articles), weight: 1)
        }
        var best = Self.Best(limit: limit, index: index)
        windows.merge { article, score in
            if article != index, best.wouldKeep(article, score: score), !excluding.contains(article) {
                best.offer(article, score: score)
            }
        }
        return best.articles
    }

    /// Other outlets' stories on the same events as article `index`, nearest in time first.
    public func alsoReported(_ index: Int, limit: Int = 5) -> [Int] {
        let outlet = articles[index].article.outlet
        var windows = SortedWindows()
        for event in articles[index].analyzed.events {
            guard let position = eventPosition(event.id) else { continue }
            windows.add(Self.neighbours(of: index, in: events[position].articles), weight: 0)
        }
        var best = Self.Best(limit: limit, index: index)
        windows.merge { other, _ in
            guard other != index, best.wouldKeep(other, score: 0) else { return }
            if let theirs = articles[other].article.outlet, theirs != outlet { best.offer(other, score: 0) }
        }
        return best.articles
    }

    /// Ascending windows of article indexes, each with a weight, walked in one merge: each
    /// article met once, with the sum of the weights of every place it holds in the windows.
    ///
    /// The windows are copied one after another into one buffer and walked by position: a few
    /// hundred integers, where walking slices of the library's lists counted references and
    /// checked for copies at every step (the merge was half the time of working out the pages'
    /// inputs).
    struct SortedWindows {
        private var items: [Int] = []
        private var windows: [(start: Int, end: Int, weight: Int)] = []

        mutating func add(_ articles: ArraySlice<Int>, weight: Int) {
            guard !articles.isEmpty else { return }
            let start = items.count
            items.append(contentsOf: articles)
            windows.append((start, items.count, weight))
        }

        /// Calls `body` with each article of the windows, in ascending order, and its summed weight.
        func merge(_ body: (_ article: Int, _ weight: Int) -> Void) {
            var heads = windows
            items.withUnsafeBufferPointer { items in
                heads.withUnsafeMutableBufferPointer { heads in
                    var live = heads.count
                    while live > 0 {
                        var lowest = Int.max
                        for w in 0..<live where items[heads[w].start] < lowest { lowest = items[heads[w].start] }
                        var weight = 0
                        var w = 0
                        while w < live {
                            if items[heads[w].start] == lowest {
                                repeat {
                                    weight += heads[w].weight
                                    heads[w].start += 1
                                } while heads[w].start < heads[w].end && items[heads[w].start] == lowest
                                if heads[w].start == heads[w].end {
                                    heads.swapAt(w, live - 1)
                                    live -= 1
                                    continue
                                }
                            }
                            w += 1
                        }
                        body(lowest, weight)
                    }
                }
            }
        }
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

        /// Whether `offer` would keep this article (checked before anything costlier).
        func wouldKeep(_ article: Int, score: Int) -> Bool {
            guard limit > 0 else { return false }
            guard kept.count == limit, let last = kept.last else { return true }
            return Self.before((article, score), last, index: index)
        }

        private static func before(_ a: (article: Int, score: Int), _ b: (article: Int, score: Int), index: Int) -> Bool {
            a.score != b.score ? a.score > b.score : Library.nearer(a.article, than: b.article, to: index)
        }

        mutating func offer(_ article: Int, score: Int) {
            guard limit > 0 else { return }
            func before(_ a: (article: Int, score: Int), _ b: (article: Int, score: Int)) -> Bool {
                Self.before(a, b, index: index)
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

    /// The other articles the page of article `index` links to, worked out once for both the
    /// page's inputs (`PageInputs`) and its context (`PageContexts.article`).
    func links(of index: Int) -> ArticleLinks {
        let also = alsoReported(index)
        let (older, newer) = neighboursInTime(index)
        return ArticleLinks(alsoReported: also, related: related(to: index, excluding: also), older: older, newer: newer)
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

/// The other articles an article's page links to: other outlets' stories on the same events,
/// related articles, and the articles just before and after it in time.
struct ArticleLinks: Sendable {
    var alsoReported: [Int]
    var related: [Int]
    var older: Int?
    var newer: Int?
}
