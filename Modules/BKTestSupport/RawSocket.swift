import BKRPC
import Foundation
import NIOCore

/// A Unix-socket peer for tests that must send bytes no well-behaved client would.
///
/// Its calls block, so they run on a Dispatch thread: blocking the Swift cooperative pool (two threads
/// on a two-core machine) would starve the server under test.
public final class RawSocket: @unchecked Sendable {
    public let fd: Int32

    public init(path: String, receiveTimeout: Duration = .seconds(5)) throws {
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        var timeout = timeval(tv_sec: Int(receiveTimeout.components.seconds), tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = UnixSocketPath.socketAddress(path)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard result == 0 else {
            let code = errno
            close(fd)
            throw POSIXError(.init(rawValue: code) ?? .EIO)
        }
    }

    deinit { close(fd) }

    public func send(_ bytes: [UInt8]) async throws {
        try await Self.offPool { try self.sendBlocking(bytes) }
    }

    public func receiveFrame() async -> (header: TTRPCFrameHeader, data: [UInt8])? {
        await Self.offPool { self.receiveFrameBlocking() }
    }

    public func isClosedByPeer() async -> Bool {
        await Self.offPool { self.isClosedByPeerBlocking() }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }

    private static func offPool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }

    private func sendBlocking(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard written > 0 else { throw POSIXError(.init(rawValue: errno) ?? .EPIPE) }
            offset += written
        }
    }

    /// Reads exactly `count` bytes, or nil if the peer closed or the timeout passed first.
    private func receive(_ count: Int) -> [UInt8]? {
        var out = [UInt8](repeating: 0, count: count)
        var offset = 0
        while offset < count {
            let got = out[offset...].withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard got > 0 else { return nil }
            offset += got
        }
        return out
    }

    /// Reads one frame: its header and its data.
    private func receiveFrameBlocking() -> (header: TTRPCFrameHeader, data: [UInt8])? {
        guard let header = receive(TTRPCFrameHeader.byteCount) else { return nil }
        var buffer = ByteBuffer(bytes: header)
        let length = buffer.readInteger(as: UInt32.self)!
        let streamID = buffer.readInteger(as: UInt32.self)!
        let type = buffer.readInteger(as: UInt8.self)!
        let flags = buffer.readInteger(as: UInt8.self)!
        guard let data = receive(Int(length)) else { return nil }
        return (TTRPCFrameHeader(length: length, streamID: streamID, rawType: type, flags: flags), data)
    }

    /// True when the peer has closed the connection (reads end of stream).
    private func isClosedByPeerBlocking() -> Bool {
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, 0) == 0
    }

    /// A frame: 10-byte header then data.
    public static func frame(streamID: UInt32, type: UInt8, flags: UInt8 = 0, data: [UInt8], claimedLength: UInt32? = nil) -> [UInt8] {
        var buffer = ByteBuffer()
        buffer.writeInteger(claimedLength ?? UInt32(data.count))
        buffer.writeInteger(streamID)
        buffer.writeInteger(type)
        buffer.writeInteger(flags)
        buffer.writeBytes(data)
        return Array(buffer.readableBytesView)
    }
}
