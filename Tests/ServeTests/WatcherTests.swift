import Foundation
import ParleyTestSupport
import Serve
import Testing

@Suite struct WatcherTests {
    static func write(_ path: String, _ text: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    @Test func snapshotsSeeAddedChangedReplacedAndRemovedFiles() throws {
        let root = RepositoryPaths.temporaryFolder("parley-watch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.write(root + "/content/articles/a.txt", "one")
        Self.write(root + "/content/people.yml", "[]")
        let first = FolderSnapshot.take([root + "/content", root + "/missing"])
        #expect(first.count == 2)
        #expect(FolderSnapshot.take([root + "/content"]) == first)

        Self.write(root + "/content/articles/a.txt", "one more")
        Self.write(root + "/content/articles/b.md", "two")
        try FileManager.default.removeItem(atPath: root + "/content/people.yml")
        let second = FolderSnapshot.take([root + "/content"])
        #expect(second.changes(since: first) == [root + "/content/articles/a.txt", root + "/content/articles/b.md", root + "/content/people.yml"])

        // Saved through a rename, same size: the inode tells.
        Self.write(root + "/content/articles/b.tmp", "TWO")
        try FileManager.default.removeItem(atPath: root + "/content/articles/b.md")
        try FileManager.default.moveItem(atPath: root + "/content/articles/b.tmp", toPath: root + "/content/articles/b.md")
        #expect(FolderSnapshot.take([root + "/content"]).changes(since: second).contains(root + "/content/articles/b.md"))
    }

    @Test func editorLeftoversAreIgnored() {
        let root = RepositoryPaths.temporaryFolder("parley-watch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.write(root + "/a.txt", "one")
        let before = FolderSnapshot.take([root])
        Self.write(root + "/.a.txt.swp", "swap")
        Self.write(root + "/a.txt~", "backup")
        Self.write(root + "/.git/index", "x")
        #expect(FolderSnapshot.take([root]) == before)
    }

    @Test func aBurstOfChangesIsReportedOnceQuiet() async throws {
        let root = RepositoryPaths.temporaryFolder("parley-watch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.write(root + "/a.txt", "one")
        let calls = Calls()
        let watcher = Watcher(roots: [root], interval: .milliseconds(300))
        let start = FolderSnapshot.take([root])
        let task = Task { await watcher.run(from: start) { changed in await calls.add(changed) } }
        for i in 0..<5 { Self.write(root + "/file\(i).txt", "x") } // a burst, well within one interval
        let deadline = ContinuousClock.now + .seconds(120) // generous: the test pool may be starved by other tests
        while await Set(calls.list.joined()).count < 5, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        try await Task.sleep(for: .milliseconds(900))
        task.cancel()
        await task.value
        let list = await calls.list
        #expect(Set(list.joined()) == Set((0..<5).map { root + "/file\($0).txt" }))
        // One callback, or two if a poll fell inside the burst; never one per file.
        #expect(list.count <= 2, "\(list)")
    }

    @Test func changesSinceTheStartingSnapshotAreNotMissed() async throws {
        let root = RepositoryPaths.temporaryFolder("parley-watch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let before = FolderSnapshot.take([root])
        // Saved while the first build ran, before the watcher started.
        Self.write(root + "/a.txt", "one")
        Self.write(root + "/b.txt", "two")
        let calls = Calls()
        let watcher = Watcher(roots: [root], interval: .milliseconds(50))
        let task = Task { await watcher.run(from: before) { changed in await calls.add(changed) } }
        let deadline = ContinuousClock.now + .seconds(120) // generous: the test pool may be starved by other tests
        while await calls.list.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        task.cancel()
        await task.value
        #expect(await calls.list.first == [root + "/a.txt", root + "/b.txt"])
    }

    actor Calls {
        var list: [[String]] = []
        func add(_ changed: [String]) { list.append(changed) }
    }
}
