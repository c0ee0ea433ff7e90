import Foundation

/// A fresh directory under /tmp with a short path (socket paths must fit 107 bytes), removed on `remove()`.
public struct TemporaryDirectory: Sendable {
    public let path: String

    public init(prefix: String = "bk") throws {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard let result = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: result)
    }

    public func appending(_ name: String) -> String { "\(path)/\(name)" }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
