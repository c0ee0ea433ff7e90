import BKAuth
import BKProto
import BKRPC

/// What feedback asks of the other services: who attended a session and who supervises whom (programs
/// and identity, with feedback's own service token), and the test results it records in programs. A
/// protocol so that the domain's tests can run without the other daemons; the end-to-end tests use the
/// live one.
public protocol Peers: Sendable {
    func session(_ id: String) async throws(RPCError) -> Binakarier_Programs_V1_Session?
    func program(_ code: String) async throws(RPCError) -> Binakarier_Programs_V1_Program?
    /// The enrolled participants of a session, with the share of its JP each attended.
    func participants(ofSession id: String) async throws(RPCError) -> [Binakarier_Programs_V1_Enrolment]
    func employee(_ nip: String) async throws(RPCError) -> Employee?
    func employees(ofAgency code: String) async throws(RPCError) -> [Employee]
    func agency(_ code: String) async throws(RPCError) -> Binakarier_Identity_V1_Agency?
    func recordAssessment(session: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double) async throws(RPCError)
    func programChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse
}

/// The peers over their sockets, with feedback's service token (renewed by `ServiceTokenSource`).
public struct LivePeers: Peers {
    let identity: RPCClient
    let programs: RPCClient
    let tokens: ServiceTokenSource

    public init(identity: RPCClient, programs: RPCClient) {
        self.identity = identity
        self.programs = programs
        self.tokens = ServiceTokenSource(service: .feedback, client: .init(identity))
    }

    private func programsClient() async throws(RPCError) -> Binakarier_Programs_V1_ProgramsService.Client {
        .init(programs, metadata: .bearer(try await tokens.token()))
    }

    private func identityClient() async throws(RPCError) -> Binakarier_Identity_V1_IdentityService.Client {
        .init(identity, metadata: .bearer(try await tokens.token()))
    }

    /// nil for NOT_FOUND; other errors as they are.
    private func optional<T>(_ call: () async throws(RPCError) -> T) async throws(RPCError) -> T? {
        do { return try await call() } catch where error.code == .notFound { return nil }
    }

    public func session(_ id: String) async throws(RPCError) -> Binakarier_Programs_V1_Session? {
        let client = try await programsClient()
        return try await optional { () async throws(RPCError) in try await client.getSession(.init(id: id)) }
    }

    public func program(_ code: String) async throws(RPCError) -> Binakarier_Programs_V1_Program? {
        let client = try await programsClient()
        return try await optional { () async throws(RPCError) in try await client.getProgram(.init(code: code)) }
    }

    public func participants(ofSession id: String) async throws(RPCError) -> [Binakarier_Programs_V1_Enrolment] {
        try await programsClient().getAttendance(.init(sessionId: id)).enrolments
    }

    public func employee(_ nip: String) async throws(RPCError) -> Employee? {
        let client = try await identityClient()
        return try await optional { () async throws(RPCError) in try await client.getEmployee(.init(nip: nip)) }
    }

    public func employees(ofAgency code: String) async throws(RPCError) -> [Employee] {
        let client = try await identityClient()
        var all: [Employee] = []
        var page = ""
        repeat {
            let answer = try await client.listEmployees(.init(pageSize: 1000, pageToken: page, agencyCode: code))
            all += answer.employees
            page = answer.nextPageToken
        } while !page.isEmpty
        return all
    }

    public func agency(_ code: String) async throws(RPCError) -> Binakarier_Identity_V1_Agency? {
        let client = try await identityClient()
        return try await optional { () async throws(RPCError) in try await client.getAgency(.init(code: code)) }
    }

    public func recordAssessment(session: String, nip: String, kind: Binakarier_Programs_V1_AssessmentKind, score: Double) async throws(RPCError) {
        _ = try await programsClient().recordAssessment(.init(sessionId: session, nip: nip, kind: kind, score: score))
    }

    public func programChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse {
        try await programsClient().listChanges(.init(afterSequence: after, limit: limit))
    }
}
