import BKProto
import BKRPC

/// Who people are, as identity tells the caller: programs keeps NIPs and agency codes only and asks
/// identity for the rest, with the caller's own token so that identity applies the caller's rights.
public protocol PeopleDirectory: Sendable {
    /// The employee as identity shows them to the token's holder, or nil when unknown or not visible to them.
    func employee(nip: String, token: String) async throws(RPCError) -> Employee?
    /// Every employee of `agencyCode` (all agencies when nil) the token's holder may list.
    func employees(agencyCode: String?, token: String) async throws(RPCError) -> [Employee]
}

/// The directory over identity's socket.
public struct IdentityDirectory: PeopleDirectory {
    let client: RPCClient

    public init(client: RPCClient) {
        self.client = client
    }

    private func identity(_ token: String) -> Binakarier_Identity_V1_IdentityService.Client {
        .init(client, metadata: .bearer(token))
    }

    public func employee(nip: String, token: String) async throws(RPCError) -> Employee? {
        do {
            return try await identity(token).getEmployee(.init(nip: nip))
        } catch where error.code == .notFound || error.code == .invalidArgument {
            return nil
        }
    }

    public func employees(agencyCode: String?, token: String) async throws(RPCError) -> [Employee] {
        let identity = identity(token)
        var all: [Employee] = []
        var pageToken = ""
        repeat {
            let page = try await identity.listEmployees(.init(pageSize: 1000, pageToken: pageToken, agencyCode: agencyCode ?? ""))
            all += page.employees
            pageToken = page.nextPageToken
        } while !pageToken.isEmpty
        return all
    }
}
