import BKProto
import CHeapStats
import Foundation
import Testing

/// Measures the real C heap, so nothing else may allocate meanwhile: tests running in parallel would
/// blur the figure. tools/test runs this suite on its own (BK_ISOLATED_MEMORY_TESTS=1); a plain
/// `swift test` skips it.
@Suite("Memory", .enabled(if: ProcessInfo.processInfo.environment["BK_ISOLATED_MEMORY_TESTS"] == "1"))
struct LeakTests {
    /// Bytes the C heap holds right now (glibc's mallinfo2), which counts protobuf-c's and the arena's
    /// allocations as well as Swift's. mallinfo2 sees only glibc's main arena, which is the main
    /// thread's: hence the test runs on the main actor.
    static func heapInUse() -> Int {
        Int(bk_heap_bytes_in_use())
    }

    @MainActor
    @Test func aMillionEncodeDecodeCyclesDoNotLeak() throws {
        let message = Binakarier_Rpc_V1_Request(
            service: "binakarier.testing.v1.Echo", method: "Echo", payload: Array("payload".utf8), timeoutNano: 5,
            metadata: [.init(key: "k", value: "v")])
        let nested = Binakarier_Testing_V1_AllTypes(
            fString: "x", fNested: .init(label: "n", children: [.init(label: "c")]), rString: ["a", "b"],
            rNested: [.init(label: "r")], choice: .choiceText("t"))
        // Warm up caches and lazily initialised descriptors before the baseline.
        for _ in 0..<10_000 {
            _ = try Binakarier_Rpc_V1_Request(serializedBytes: message.serializedBytes())
            _ = try Binakarier_Testing_V1_AllTypes(serializedBytes: nested.serializedBytes())
        }
        let before = Self.heapInUse()
        for index in 0..<1_000_000 {
            if index % 2 == 0 {
                let decoded = try Binakarier_Rpc_V1_Request(serializedBytes: message.serializedBytes())
                #expect(decoded.timeoutNano == 5)
            } else {
                let decoded = try Binakarier_Testing_V1_AllTypes(serializedBytes: nested.serializedBytes())
                #expect(decoded.rString.count == 2)
            }
            // Failed decodes must free what protobuf-c allocated too.
            if index % 10 == 0 { _ = try? Binakarier_Testing_V1_AllTypes(serializedBytes: [0x72, 0x02, 0x61, 0x00]) }
        }
        let growth = Self.heapInUse() - before
        // A leak of even one byte per cycle would show as a megabyte.
        #expect(growth < 256 * 1024, "C heap grew by \(growth) bytes over a million cycles")
    }
}
