// swift-tools-version:6.0
import PackageDescription
import class Foundation.ProcessInfo

let package = Package(
    name: "Parley",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    ],
    targets: [
        // libcmark, the system C library (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // renameat2(RENAME_EXCHANGE): swaps a finished site into place atomically.
        .target(name: "CAtomicSwap"),
        // memmem: finding a run of bytes in a page.
        .target(name: "CByteSearch"),
        // Shared value types: Article, Person, Event, Mention, Diagnostic. No I/O.
        .target(name: "ParleyCore"),
        // Reading content: article files, front matter, registries, site config.
        .target(name: "Ingest", dependencies: [
            "ParleyCore",
            .product(name: "Yams", package: "Yams"),
        ]),
        // Boilerplate, dateline, date, source, title, paragraphs.
        .target(name: "Normalize", dependencies: ["ParleyCore"]),
        // Registry, alias resolution, detection, quotes, events.
        .target(name: "Entities", dependencies: ["ParleyCore"]),
        // The normalized Markdown page: front matter, escaping, cross-links.
        .target(name: "Markdown", dependencies: ["ParleyCore"]),
        // libcmark + Mustache templates.
        .target(name: "Render", dependencies: [
            "ParleyCore", "CCmark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // The central library of pages, indexes, link check and the writer.
        .target(name: "Site", dependencies: [
            "ParleyCore", "Ingest", "Normalize", "Entities", "Markdown", "Render", "CAtomicSwap", "CByteSearch",
        ]),
        // The preview server: path resolution, content types, live reload, the watcher, error page.
        .target(name: "Serve", dependencies: [
            "ParleyCore", "Ingest",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The commands (build, check, inspect, serve), a library so tests can run them.
        .target(name: "ParleyCommands", dependencies: [
            "Site", "ParleyCore", "Ingest", "Normalize", "Entities", "Markdown", "Serve",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "parley", dependencies: ["ParleyCommands"]),
        // Helpers for tests only: repository paths, HTML text.
        .target(name: "ParleyTestSupport", dependencies: ["Render"], path: "Tests/Support"),
        .testTarget(name: "ParleyCoreTests", dependencies: ["ParleyCore"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ParleyCore", "ParleyTestSupport"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "ParleyCore", "ParleyTestSupport"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "ParleyCore", "Ingest", "ParleyTestSupport"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "ParleyCore", "Render", "ParleyTestSupport"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "ParleyCore", "ParleyTestSupport"]),
        .testTarget(name: "ParleyCommandsTests", dependencies: [
            "ParleyCommands", "Site", "Ingest", "ParleyCore", "ParleyTestSupport",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ServeTests", dependencies: [
            "Serve", "ParleyCore", "ParleyTestSupport",
        ]),
        .testTarget(name: "SiteTests", dependencies: [
            "Site", "ParleyCore", "Ingest", "Normalize", "Entities", "Markdown", "Render", "ParleyTestSupport",
        ]),
    ],
    swiftLanguageModes: [.v6]
)

// `make fuzz` builds a libFuzzer target over ingest, normalize, entities and Markdown.
if ProcessInfo.processInfo.environment["PARLEY_FUZZ"] == "1" {
    package.targets.append(.executableTarget(
        name: "ParleyFuzz",
        dependencies: ["Ingest", "Normalize", "Entities", "Markdown", "Render", "ParleyCore"],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])],
        linkerSettings: [.unsafeFlags(["-sanitize=fuzzer,address"])]
    ))
}
