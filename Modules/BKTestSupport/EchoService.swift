import BKProto
import BKRPC

/// `binakarier.testing.v1.Echo`: answers with what it was sent, after a delay, as an error, or with a
/// payload of a requested size, so tests and the benchmark can drive every path of the RPC layer.
public struct EchoService: Binakarier_Testing_V1_Echo.ServiceProtocol {
    public let policies: Binakarier_Testing_V1_Echo.Policies

    /// - Parameter policy: who may call Echo; anyone by default (the echo daemon verifies no tokens).
    public init(policy: MethodPolicy = .anyone) {
        policies = .init(echo: policy)
    }

    public func echo(
        _ request: Binakarier_Testing_V1_EchoRequest, context: RPCServerContext
    ) async throws -> Binakarier_Testing_V1_EchoResponse {
        if request.delayMs > 0 {
            try await Task.sleep(for: .milliseconds(Int(request.delayMs)))
        }
        if request.failCode != 0 {
            throw RPCError(RPCStatusCode(wireValue: request.failCode), request.text)
        }
        return Binakarier_Testing_V1_EchoResponse(
            text: request.text,
            metadata: context.metadata.map { "\($0.key)=\($0.value)" },
            payload: request.responseSize > 0 ? Array(repeating: 0x42, count: Int(request.responseSize)) : [])
    }
}
