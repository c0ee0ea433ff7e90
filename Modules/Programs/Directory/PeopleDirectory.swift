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
        if let agencyCode { return try await Self.all(in: agencyCode, identity) }
        // The whole city: agency by agency, a few at once (identity pages each list by NIP; one list of
        // everyone would be read one page after another).
        var agencies: [String] = []
        var pageToken = ""
        repeat {
            let page = try await identity.listAgencies(.init(pageSize: 1000, pageToken: pageToken))
            agencies += page.agencies.map(\.code)
            pageToken = page.nextPageToken
        } while !pageToken.isEmpty
        do {
            return try await withThrowingTaskGroup(of: [Employee].self) { group in
                var pending = agencies.makeIterator()
                for _ in 0..<Self.concurrentLists {
                    guard let agency = pending.next() else { break }
                    group.addTask { try await Self.all(in: agency, identity) }
                }
                var everyone: [Employee] = []
                while let some = try await group.next() {
                    everyone += some
                    if let agency = pending.next() { group.addTask { try await Self.all(in: agency, identity) } }
                }
                return everyone
            }
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError(.internal, "\(error)")
        }
    }

    /// Lists of agencies asked of identity at once for the whole city.
    static let concurrentLists = 4

    static func all(in agencyCode: String, _ identity: Binakarier_Identity_V1_IdentityService.Client) async throws(RPCError) -> [Employee] {
        var all: [Employee] = []
        var pageToken = ""
        repeat {
            let page = try await identity.listEmployees(.init(pageSize: 1000, pageToken: pageToken, agencyCode: agencyCode))
            all += page.employees
            pageToken = page.nextPageToken
        } while !pageToken.isEmpty
        return all
    }
}
