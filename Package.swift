// swift-tools-version:6.0
import PackageDescription

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
    ],
    targets: [
        // libcmark, the system C library (Debian: libcmark-dev).
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
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
            "ParleyCore", "Ingest", "Normalize", "Entities", "Markdown", "Render",
        ]),
        .executableTarget(name: "parley", dependencies: [
            "Site", "ParleyCore", "Ingest", "Normalize", "Entities",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "ParleyCoreTests", dependencies: ["ParleyCore"]),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "ParleyCore"]),
        .testTarget(name: "NormalizeTests", dependencies: ["Normalize", "ParleyCore"]),
        .testTarget(name: "EntitiesTests", dependencies: ["Entities", "ParleyCore", "Ingest"]),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown", "ParleyCore", "Render"]),
        .testTarget(name: "RenderTests", dependencies: ["Render", "ParleyCore"]),
        .testTarget(name: "SiteTests", dependencies: [
            "Site", "ParleyCore", "Ingest", "Normalize", "Entities", "Markdown", "Render",
        ]),
    ],
    swiftLanguageModes: [.v6]
)
