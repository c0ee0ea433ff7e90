import BKProto
import BKRPC

/// `binakarier.testing.v1.Echo`: answers with what it was sent, after a delay, as an error, or with a
/// payload of a requested size, so tests and the benchmark can drive every path of the RPC layer.
public struct EchoService: RPCService {
    public init() {}

    public func register(in router: inout RPCRouter) {
        router.register(Binakarier_Testing_V1_Echo.echo) { request, context in
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
}
