import BKAuth
import BKProto
import BKRPC

/// What reporting reads from the other services, with its own service token: their change feeds,
/// programs' catalogue, feedback's aggregate results (never single answers), identity's people and
/// agencies. A protocol so that the domain's tests can feed the replica without the other daemons.
public protocol Sources: Sendable {
    func programChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse
    func feedbackChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse
    func program(_ code: String) async throws(RPCError) -> Binakarier_Programs_V1_Program?
    /// A session's enrolled participants with the share of its JP each attended.
    func participants(ofSession id: String) async throws(RPCError) -> [Binakarier_Programs_V1_Enrolment]
    /// nil when feedback shows no results for it (yet): an anonymous campaign still open, or nothing counted.
    func results(_ request: Binakarier_Feedback_V1_GetResultsRequest) async throws(RPCError) -> Binakarier_Feedback_V1_Results?
    func dialogues(page: String) async throws(RPCError) -> Binakarier_Feedback_V1_ListDialoguesResponse
    func employees(page: String) async throws(RPCError) -> Binakarier_Identity_V1_ListEmployeesResponse
    func agencies(page: String) async throws(RPCError) -> Binakarier_Identity_V1_ListAgenciesResponse
}

/// The sources over their sockets, with reporting's service token (renewed by `ServiceTokenSource`).
public struct LiveSources: Sources {
    let identity: RPCClient
    let programs: RPCClient
    let feedback: RPCClient
    let tokens: ServiceTokenSource

    public init(identity: RPCClient, programs: RPCClient, feedback: RPCClient) {
        self.identity = identity
        self.programs = programs
        self.feedback = feedback
        self.tokens = ServiceTokenSource(service: .reporting, client: .init(identity))
    }

    private func metadata() async throws(RPCError) -> RPCMetadata { .bearer(try await tokens.token()) }

    public func programChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse {
        try await Binakarier_Programs_V1_ProgramsService.Client(programs, metadata: metadata()).listChanges(.init(afterSequence: after, limit: limit))
    }

    public func feedbackChanges(after: Int64, limit: Int32) async throws(RPCError) -> Binakarier_Feed_V1_ListChangesResponse {
        try await Binakarier_Feedback_V1_FeedbackService.Client(feedback, metadata: metadata()).listChanges(.init(afterSequence: after, limit: limit))
    }

    public func program(_ code: String) async throws(RPCError) -> Binakarier_Programs_V1_Program? {
        let client = Binakarier_Programs_V1_ProgramsService.Client(programs, metadata: try await metadata())
        do { return try await client.getProgram(.init(code: code)) } catch {
            guard error.code == .notFound else { throw error }
            return nil
        }
    }

    public func participants(ofSession id: String) async throws(RPCError) -> [Binakarier_Programs_V1_Enrolment] {
        let client = Binakarier_Programs_V1_ProgramsService.Client(programs, metadata: try await metadata())
        do { return try await client.getAttendance(.init(sessionId: id)).enrolments } catch {
            guard error.code == .notFound else { throw error }
            return []
        }
    }

    public func results(_ request: Binakarier_Feedback_V1_GetResultsRequest) async throws(RPCError) -> Binakarier_Feedback_V1_Results? {
        let client = Binakarier_Feedback_V1_FeedbackService.Client(feedback, metadata: try await metadata())
        do { return try await client.getResults(request) } catch {
            guard error.code == .notFound || error.code == .failedPrecondition else { throw error }
            return nil
        }
    }

    public func dialogues(page: String) async throws(RPCError) -> Binakarier_Feedback_V1_ListDialoguesResponse {
        try await Binakarier_Feedback_V1_FeedbackService.Client(feedback, metadata: metadata()).listDialogues(.init(pageSize: 500, pageToken: page))
    }

    public func employees(page: String) async throws(RPCError) -> Binakarier_Identity_V1_ListEmployeesResponse {
        try await Binakarier_Identity_V1_IdentityService.Client(identity, metadata: metadata()).listEmployees(.init(pageSize: 1000, pageToken: page))
    }

    public func agencies(page: String) async throws(RPCError) -> Binakarier_Identity_V1_ListAgenciesResponse {
        try await Binakarier_Identity_V1_IdentityService.Client(identity, metadata: metadata()).listAgencies(.init(pageSize: 200, pageToken: page))
    }
}
