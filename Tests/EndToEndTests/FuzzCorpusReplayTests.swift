import BKTestSupport
import Foundation
import Testing

/// Every input in Tests/FuzzCorpus (seeds, and crashers once fixed) replayed through the fuzz targets
/// (tools/bk-fuzz) in the plain build: a decoder that traps on one fails this test.
@Suite("Fuzz corpus replay")
struct FuzzCorpusReplayTests {
    @Test func corpusReplaysWithoutACrash() async throws {
        let corpus = DaemonProcess.repositoryRoot.appendingPathComponent("Tests/FuzzCorpus").path
        let files = try FileManager.default.contentsOfDirectory(atPath: corpus)
        #expect(files.count >= 9)
        let result = try await DaemonProcess.run("bk-fuzz", [corpus])
        #expect(result.status == 0)
        #expect(result.output.contains("replayed \(files.count) inputs"))
    }
}
