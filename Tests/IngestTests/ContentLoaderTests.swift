import Ingest
import ParleyCore
import ParleyTestSupport
import Testing

@Suite struct ContentLoaderTests {
    let site = MemoryFileSystem([
        "c/site.yml": "title: Test digest\nbase_url: https://example.org/x\n",
        "c/people.yml": """
        - name: Sergei Lavrov
          aliases: [Sergey Lavrov]
          roles: Foreign Minister of Russia
          country: Russia
        - name: Antony Blinken
          aliases: [Anthony Blinken]
          country: United States
        """,
        "c/events.yml": """
        events:
          - id: istanbul-talks-2022
            name: Istanbul round of Russia–Ukraine talks
            date: 2022-03-29
            place: Istanbul
            phrases: [talks in Istanbul, talks in Turkey]
            participants: [sergei-lavrov]
        """,
        "c/articles/b.txt": "Second story.\n",
        "c/articles/a.md": "---\ntitle: First\n---\nFirst story.\n",
        "c/articles/notes.docx": "ignored",
        "c/articles/empty.txt": "  \n\n",
    ])

    @Test func loadsSiteRegistriesAndArticles() {
        let content = ContentLoader(root: "c", fileSystem: site).load()
        #expect(content.site.title == "Test digest")
        #expect(content.site.baseURL == "https://example.org/x/")
        #expect(content.registry.people.map(\.id) == ["sergei-lavrov", "antony-blinken"])
        #expect(content.registry.people[0].roles == ["Foreign Minister of Russia"])
        #expect(content.registry.people[0].aliases == ["Sergey Lavrov"])
        let event = content.registry.events.first
        #expect(event?.id == "istanbul-talks-2022")
        #expect(event?.start == Day(iso: "2022-03-29"))
        #expect(event?.phrases == ["talks in Istanbul", "talks in Turkey"])
        #expect(content.articles.map(\.path) == ["articles/a.md", "articles/b.txt"])
        #expect(content.articles[0].format == .markdown)
        #expect(content.articles[0].frontMatter?.title == "First")
        #expect(content.articles[1].format == .text)
    }

    @Test func nothingIsLostSilently() {
        let content = ContentLoader(root: "c", fileSystem: site).load()
        let byFile = Dictionary(grouping: content.diagnostics, by: { $0.file ?? "" })
        #expect(byFile["articles/notes.docx"]?.first?.severity == .warning)
        #expect(byFile["articles/empty.txt"]?.first?.severity == .error)
    }

    @Test func registryErrorsNameFileAndLine() {
        let fs = MemoryFileSystem([
            "c/people.yml": "- name: A\n- aliases: [B]\n",
            "c/events.yml": "- name: E\n  date: 29 March\n",
            "c/articles/a.txt": "x",
        ])
        let content = ContentLoader(root: "c", fileSystem: fs).load()
        let errors = content.diagnostics.filter { $0.severity == .error }
        #expect(errors.contains { $0.file == "people.yml" && $0.line == 2 && $0.message.contains("'name'") })
        #expect(errors.contains { $0.file == "events.yml" && $0.line == 2 && $0.message.contains("YYYY-MM-DD") })
    }

    @Test func sameAliasOnTwoPeopleIsReportedWithBothNames() {
        let registry = Registry(people: [
            Person(name: "Sergei Lavrov", aliases: ["Lavrov"]),
            Person(name: "Ivan Lavrov", aliases: ["Lavrov"]),
        ])
        let diagnostics = RegistryValidator.validate(registry)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].message.contains("Ivan Lavrov and Sergei Lavrov"))
    }

    @Test func missingArticlesFolderIsAnError() {
        let content = ContentLoader(root: "nowhere", fileSystem: MemoryFileSystem([:])).load()
        #expect(content.articles.isEmpty)
        #expect(content.diagnostics.contains { $0.severity == .error && $0.message.contains("articles") })
    }

    @Test func readsTheShippedContentFolder() {
        let content = ContentLoader(root: RepositoryPaths.inRepository("content")).load()
        #expect(content.diagnostics.filter { $0.severity == .error }.isEmpty, "\(content.diagnostics)")
        #expect(content.articles.count >= 5)
        #expect(content.articles.allSatisfy { $0.format == .text })
    }
}
