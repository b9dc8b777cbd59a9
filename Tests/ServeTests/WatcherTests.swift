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

    @Test func aBurstOfChangesIsOneCallback() async throws {
        let root = RepositoryPaths.temporaryFolder("parley-watch")
        defer { try? FileManager.default.removeItem(atPath: root) }
        Self.write(root + "/a.txt", "one")
        let calls = Calls()
        let watcher = Watcher(roots: [root], interval: .milliseconds(50))
        let task = Task { await watcher.run { changed in await calls.add(changed) } }
        defer { task.cancel() }
        try await Task.sleep(for: .milliseconds(120))
        for i in 0..<5 { Self.write(root + "/file\(i).txt", "x") } // faster than one interval
        let deadline = ContinuousClock.now + .seconds(10)
        while await calls.list.isEmpty, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
        try await Task.sleep(for: .milliseconds(300))
        let list = await calls.list
        #expect(list.count == 1)
        #expect(list.first?.count == 5)
        task.cancel()
        _ = await task.value
    }

    actor Calls {
        var list: [[String]] = []
        func add(_ changed: [String]) { list.append(changed) }
    }
}
