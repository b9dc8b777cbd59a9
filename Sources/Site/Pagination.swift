import Render
/// A long list split over numbered pages with stable addresses: the first page is the folder's
/// own page (`people/x/index.html`), the others `people/x/page/2/index.html`, `…/page/3/…`.
struct Pagination: Sendable {
    /// Articles per page on person and event pages, which list them as cards.
    static let entityPageSize = 20
    /// Articles per page on source and place pages: archives by outlet and by place, long
    /// (nearly every article names Moscow), which list their articles as one-line rows.
    static let collectionPageSize = 100
    /// Articles per page of the home digest.
    static let homePageSize = 30

    let folder: String
    let itemCount: Int
    let pageSize: Int

    var pageCount: Int { max(1, (itemCount + pageSize - 1) / pageSize) }
    var pages: ClosedRange<Int> { 1...pageCount }

    func path(_ page: Int) -> String {
        page == 1 ? "\(folder)index.html" : "\(folder)page/\(page)/index.html"
    }

    /// The positions in the list shown on `page`.
    func range(_ page: Int) -> Range<Int> {
        let start = (page - 1) * pageSize
        return start..<min(itemCount, start + pageSize)
    }

    /// The page that shows the item at `position` of the list.
    func page(holding position: Int) -> Int {
        position / pageSize + 1
    }

    /// The navigation between pages for templates, or `false` when everything fits on one page:
    /// previous and next, and the page numbers around this one (always the first and the last),
    /// with a gap marker where numbers are left out.
    func context(_ page: Int) -> TemplateValue {
        guard pageCount > 1 else { return false }
        func link(_ number: Int) -> TemplateValue { [.number: .int(number), .href: .string(path(number))] }
        var numbers: [TemplateValue] = []
        var last = 0
        for number in pages where number == 1 || number == pageCount || abs(number - page) <= 2 {
            if number > last + 1 { numbers.append([.gap: true, .current: false, .number: false, .href: false]) }
            numbers.append([.number: .int(number), .href: .string(path(number)), .current: .bool(number == page), .gap: false])
            last = number
        }
        return [
            .current: .int(page), .total: .int(pageCount),
            .previous: page > 1 ? link(page - 1) : false,
            .next: page < pageCount ? link(page + 1) : false,
            .pages: .list(numbers),
        ]
    }

    /// `Vladimir Putin` on the first page, `Vladimir Putin, page 2` after.
    func title(_ base: String, page: Int) -> String {
        page == 1 ? base : "\(base), page \(page)"
    }
}

extension Pagination {
    /// The pages of a person's, an event's, an outlet's or a place's article list.
    init(of list: some PagedArticleList) {
        self.init(folder: list.folder, itemCount: list.articles.count, pageSize: type(of: list).pageSize)
    }
}

/// A page listing articles over numbered pages, `pageSize` a page.
protocol PagedArticleList {
    /// The folder of its pages (`people/<id>/`).
    var folder: String { get }
    /// Indexes into `Library.articles`, ascending.
    var articles: [Int] { get }
    static var pageSize: Int { get }
}

extension PersonEntry: PagedArticleList {
    static var pageSize: Int { Pagination.entityPageSize }
}

extension EventEntry: PagedArticleList {
    static var pageSize: Int { Pagination.entityPageSize }
}

extension CollectionEntry: PagedArticleList {
    static var pageSize: Int { Pagination.collectionPageSize }
}
