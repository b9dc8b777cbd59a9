import Entities
import Ingest
import Markdown
import Normalize
import ParleyCore
import Render

/// libFuzzer entry point: one input is one article file. It goes through decoding, front
/// matter, normalization, entity recognition, the Markdown page and cmark, and the invariants
/// that later stages rely on are checked (a violation is a crash the fuzzer reports).
///
/// Built only with `make fuzz` (PARLEY_FUZZ=1 adds this target to the package).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Read through the real ingest path: an input starting with "-" is a Markdown article.
    let path = bytes.first == UInt8(ascii: "-") ? "articles/fuzz.md" : "articles/fuzz.txt"
    guard let source = ContentLoader(root: "", fileSystem: MemoryFileSystem(bytes: [path: bytes])).loadArticle(path).0 else { return 0 }
    let normalized = FuzzContext.normalizer.normalize(source)
    let analyzed = FuzzContext.recognizer.analyze(normalized)
    let paragraphs = analyzed.article.paragraphs
    var previous: (Int, Int) = (-1, -1)
    for mention in analyzed.mentions {
        precondition(mention.paragraph >= 0 && mention.paragraph < paragraphs.count, "mention outside the paragraphs")
        let length = paragraphs[mention.paragraph].text.utf8.count
        precondition(mention.start >= 0 && mention.start < mention.end && mention.end <= length, "mention range outside its paragraph")
        precondition((mention.paragraph, mention.start) >= previous, "mentions out of order")
        previous = (mention.paragraph, mention.end)
    }
    for quote in analyzed.quotes {
        precondition(quote.paragraph >= 0 && quote.paragraph < paragraphs.count, "quote outside the paragraphs")
    }
    let markdown = ArticleMarkdown(analyzed) { kind, id in "../../\(kind.rawValue)/\(id)/index.html" }
    for (text, paragraph) in zip(markdown.paragraphs, paragraphs) where source.format == .text {
        let html = CommonMark.html(text)
        precondition(!html.contains("<script"), "script from content in the HTML")
        _ = paragraph
    }
    _ = markdown.frontMatter
    return 0
}

enum FuzzContext {
    /// The shipped registries, so recognition runs with real aliases.
    static let registry: Registry = {
        var path = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        path.removeLast(3)
        return ContentLoader(root: path.joined(separator: "/") + "/content").loadRegistry().registry
    }()
    static let normalizer = Normalizer(places: registry.places)
    static let recognizer = EntityRecognizer(registry: registry)
}

@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

/// SwiftPM's entry point for this executable: hands control to libFuzzer's driver.
@_cdecl("ParleyFuzz_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
