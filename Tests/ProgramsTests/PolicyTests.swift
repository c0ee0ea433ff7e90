import BKAuth
import BKRPC
import Testing
@testable import Programs

@Suite("Programs: the policy of every call")
struct ProgramsPolicyTests {
    /// The policy of every RPC of bk-programsd, as the security review reads it. A method added without
    /// a row here, or a policy changed without changing its row, fails the test.
    static let table: [String: String] = [
        "ListCompetencies": "authenticated services:feedback,reporting",
        "CreateCompetency": "roles:administrator,organizer",
        "GetProgram": "authenticated services:feedback,reporting",
        "ListPrograms": "authenticated services:feedback,reporting",
        "CreateProgram": "roles:administrator,organizer",
        "UpdateProgram": "roles:administrator,organizer",
        "GetSession": "authenticated services:feedback,reporting",
        "ListSessions": "authenticated services:feedback,reporting",
        "CreateSession": "roles:administrator,organizer",
        "UpdateSession": "roles:administrator,organizer",
        "TransitionSession": "roles:administrator,organizer",
        "Enrol": "roles:administrator,agency_head,organizer,supervisor",
        "RequestEnrolment": "authenticated",
        "DecideEnrolment": "roles:administrator,agency_head,organizer,supervisor",
        "ListPendingApprovals": "roles:administrator,agency_head,organizer,supervisor",
        "CancelEnrolment": "authenticated",
        "ListEnrolments": "authenticated services:feedback,reporting",
        "MarkAttendance": "roles:administrator,organizer",
        "ImportAttendance": "roles:administrator,organizer",
        "GetAttendance": "authenticated services:feedback,reporting",
        "IssueAttendanceCode": "roles:administrator,organizer",
        "CheckIn": "authenticated",
        "RecordAssessment": "roles:administrator,organizer services:feedback",
        "GetCertificate": "authenticated services:feedback,reporting",
        "ListCertificates": "authenticated services:feedback,reporting",
        "VerifyCertificate": "anyone",
        "GetLedger": "authenticated services:feedback,reporting",
        "ReportOutsideLearning": "authenticated",
        "ImportOutsideLearning": "roles:administrator,organizer",
        "ListOutsideLearning": "authenticated",
        "VerifyOutsideLearning": "roles:administrator,organizer",
        "ValidateOutsideLearning": "roles:agency_head,supervisor",
        "GetJpConversion": "authenticated services:reporting",
        "ListJpConversions": "authenticated",
        "PublishJpConversion": "roles:administrator,organizer",
        "GetCompliance": "roles:administrator,agency_head,organizer services:reporting",
        "ProposeNeed": "roles:administrator,agency_head,organizer,supervisor",
        "ListNeeds": "roles:administrator,agency_head,organizer services:reporting",
        "SummarizeNeeds": "roles:administrator,organizer services:reporting",
        "LinkNeed": "roles:administrator,organizer",
        "ExportSiasnCourses": "authenticated",
        "ImportSiasnCourses": "roles:administrator,organizer",
        "ReconcileSiasn": "authenticated",
        "ListChanges": "roles:administrator services:feedback,reporting",
    ]

    @Test func everyMethodHasTheDeclaredPolicy() throws {
        let service = ProgramsService(store: try ProgramsStore.inMemory(), directory: StaticDirectory([]))
        var router = RPCRouter()
        router.register(service)
        let declared = Dictionary(uniqueKeysWithValues: router.policies.map { ("\($0.method)", $0.policy.description) })
        #expect(declared == Self.table)
        #expect(Set(router.policies.map(\.service)) == ["binakarier.programs.v1.ProgramsService"])
    }
}
