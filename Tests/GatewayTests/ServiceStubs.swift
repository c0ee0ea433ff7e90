// Stubs of the four daemons' generated service protocols: every method records its call on a
// `StubDaemon` and answers what the test told it to (an empty message by default). Written from the
// generated protocols in Modules/BKRPC/Generated: when an RPC is added, the compiler names the method
// and the policy to add here, one line each, as the others.

import BKProto
import BKRPC

/// `Binakarier_Identity_V1_IdentityService` answered by a `StubDaemon`; every method open to anyone.
struct IdentityStub: Binakarier_Identity_V1_IdentityService.ServiceProtocol {
    let daemon: StubDaemon

    var policies: Binakarier_Identity_V1_IdentityService.Policies {
        .init(
            getAgency: .anyone,
            listAgencies: .anyone,
            createAgency: .anyone,
            updateAgency: .anyone,
            deleteAgency: .anyone,
            createUnit: .anyone,
            updateUnit: .anyone,
            deleteUnit: .anyone,
            getEmployee: .anyone,
            listEmployees: .anyone,
            createEmployee: .anyone,
            updateEmployee: .anyone,
            deleteEmployee: .anyone,
            startEmployeeImport: .anyone,
            uploadEmployeeImportChunk: .anyone,
            finishEmployeeImport: .anyone,
            cancelEmployeeImport: .anyone,
            createAccount: .anyone,
            getAccount: .anyone,
            setPassword: .anyone,
            setRoles: .anyone,
            setAccountDisabled: .anyone,
            login: .anyone,
            logout: .anyone,
            rotateSigningKey: .anyone,
            bootstrapAdministrator: .anyone
        )
    }

    func getAgency(_ request: Binakarier_Identity_V1_GetAgencyRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Agency {
        try await daemon.answer("GetAgency", request, context)
    }

    func listAgencies(_ request: Binakarier_Identity_V1_ListAgenciesRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_ListAgenciesResponse {
        try await daemon.answer("ListAgencies", request, context)
    }

    func createAgency(_ request: Binakarier_Identity_V1_CreateAgencyRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Agency {
        try await daemon.answer("CreateAgency", request, context)
    }

    func updateAgency(_ request: Binakarier_Identity_V1_UpdateAgencyRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Agency {
        try await daemon.answer("UpdateAgency", request, context)
    }

    func deleteAgency(_ request: Binakarier_Identity_V1_DeleteAgencyRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_DeleteAgencyResponse {
        try await daemon.answer("DeleteAgency", request, context)
    }

    func createUnit(_ request: Binakarier_Identity_V1_CreateUnitRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Unit {
        try await daemon.answer("CreateUnit", request, context)
    }

    func updateUnit(_ request: Binakarier_Identity_V1_UpdateUnitRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Unit {
        try await daemon.answer("UpdateUnit", request, context)
    }

    func deleteUnit(_ request: Binakarier_Identity_V1_DeleteUnitRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_DeleteUnitResponse {
        try await daemon.answer("DeleteUnit", request, context)
    }

    func getEmployee(_ request: Binakarier_Identity_V1_GetEmployeeRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Employee {
        try await daemon.answer("GetEmployee", request, context)
    }

    func listEmployees(_ request: Binakarier_Identity_V1_ListEmployeesRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_ListEmployeesResponse {
        try await daemon.answer("ListEmployees", request, context)
    }

    func createEmployee(_ request: Binakarier_Identity_V1_CreateEmployeeRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Employee {
        try await daemon.answer("CreateEmployee", request, context)
    }

    func updateEmployee(_ request: Binakarier_Identity_V1_UpdateEmployeeRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Employee {
        try await daemon.answer("UpdateEmployee", request, context)
    }

    func deleteEmployee(_ request: Binakarier_Identity_V1_DeleteEmployeeRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_DeleteEmployeeResponse {
        try await daemon.answer("DeleteEmployee", request, context)
    }

    func startEmployeeImport(_ request: Binakarier_Identity_V1_StartEmployeeImportRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_StartEmployeeImportResponse {
        try await daemon.answer("StartEmployeeImport", request, context)
    }

    func uploadEmployeeImportChunk(_ request: Binakarier_Identity_V1_UploadEmployeeImportChunkRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_UploadEmployeeImportChunkResponse {
        try await daemon.answer("UploadEmployeeImportChunk", request, context)
    }

    func finishEmployeeImport(_ request: Binakarier_Identity_V1_FinishEmployeeImportRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_ImportReport {
        try await daemon.answer("FinishEmployeeImport", request, context)
    }

    func cancelEmployeeImport(_ request: Binakarier_Identity_V1_CancelEmployeeImportRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_CancelEmployeeImportResponse {
        try await daemon.answer("CancelEmployeeImport", request, context)
    }

    func createAccount(_ request: Binakarier_Identity_V1_CreateAccountRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Account {
        try await daemon.answer("CreateAccount", request, context)
    }

    func getAccount(_ request: Binakarier_Identity_V1_GetAccountRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Account {
        try await daemon.answer("GetAccount", request, context)
    }

    func setPassword(_ request: Binakarier_Identity_V1_SetPasswordRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_SetPasswordResponse {
        try await daemon.answer("SetPassword", request, context)
    }

    func setRoles(_ request: Binakarier_Identity_V1_SetRolesRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Account {
        try await daemon.answer("SetRoles", request, context)
    }

    func setAccountDisabled(_ request: Binakarier_Identity_V1_SetAccountDisabledRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Account {
        try await daemon.answer("SetAccountDisabled", request, context)
    }

    func login(_ request: Binakarier_Identity_V1_LoginRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_LoginResponse {
        try await daemon.answer("Login", request, context)
    }

    func logout(_ request: Binakarier_Identity_V1_LogoutRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_LogoutResponse {
        try await daemon.answer("Logout", request, context)
    }

    func rotateSigningKey(_ request: Binakarier_Identity_V1_RotateSigningKeyRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_RotateSigningKeyResponse {
        try await daemon.answer("RotateSigningKey", request, context)
    }

    func bootstrapAdministrator(_ request: Binakarier_Identity_V1_BootstrapAdministratorRequest, context: RPCServerContext) async throws -> Binakarier_Identity_V1_Account {
        try await daemon.answer("BootstrapAdministrator", request, context)
    }
}

/// `Binakarier_Programs_V1_ProgramsService` answered by a `StubDaemon`; every method open to anyone.
struct ProgramsStub: Binakarier_Programs_V1_ProgramsService.ServiceProtocol {
    let daemon: StubDaemon

    var policies: Binakarier_Programs_V1_ProgramsService.Policies {
        .init(
            listCompetencies: .anyone,
            createCompetency: .anyone,
            getProgram: .anyone,
            listPrograms: .anyone,
            createProgram: .anyone,
            updateProgram: .anyone,
            getSession: .anyone,
            listSessions: .anyone,
            createSession: .anyone,
            updateSession: .anyone,
            transitionSession: .anyone,
            enrol: .anyone,
            requestEnrolment: .anyone,
            decideEnrolment: .anyone,
            listPendingApprovals: .anyone,
            cancelEnrolment: .anyone,
            listEnrolments: .anyone,
            markAttendance: .anyone,
            importAttendance: .anyone,
            getAttendance: .anyone,
            issueAttendanceCode: .anyone,
            checkIn: .anyone,
            recordAssessment: .anyone,
            getCertificate: .anyone,
            listCertificates: .anyone,
            verifyCertificate: .anyone,
            getLedger: .anyone,
            reportOutsideLearning: .anyone,
            importOutsideLearning: .anyone,
            listOutsideLearning: .anyone,
            validateOutsideLearning: .anyone,
            verifyOutsideLearning: .anyone,
            getJpConversion: .anyone,
            listJpConversions: .anyone,
            publishJpConversion: .anyone,
            getCompliance: .anyone,
            proposeNeed: .anyone,
            listNeeds: .anyone,
            summarizeNeeds: .anyone,
            linkNeed: .anyone,
            exportSiasnCourses: .anyone,
            importSiasnCourses: .anyone,
            reconcileSiasn: .anyone,
            listChanges: .anyone
        )
    }

    func listCompetencies(_ request: Binakarier_Programs_V1_ListCompetenciesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListCompetenciesResponse {
        try await daemon.answer("ListCompetencies", request, context)
    }

    func createCompetency(_ request: Binakarier_Programs_V1_CreateCompetencyRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Competency {
        try await daemon.answer("CreateCompetency", request, context)
    }

    func getProgram(_ request: Binakarier_Programs_V1_GetProgramRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Program {
        try await daemon.answer("GetProgram", request, context)
    }

    func listPrograms(_ request: Binakarier_Programs_V1_ListProgramsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListProgramsResponse {
        try await daemon.answer("ListPrograms", request, context)
    }

    func createProgram(_ request: Binakarier_Programs_V1_CreateProgramRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Program {
        try await daemon.answer("CreateProgram", request, context)
    }

    func updateProgram(_ request: Binakarier_Programs_V1_UpdateProgramRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Program {
        try await daemon.answer("UpdateProgram", request, context)
    }

    func getSession(_ request: Binakarier_Programs_V1_GetSessionRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Session {
        try await daemon.answer("GetSession", request, context)
    }

    func listSessions(_ request: Binakarier_Programs_V1_ListSessionsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListSessionsResponse {
        try await daemon.answer("ListSessions", request, context)
    }

    func createSession(_ request: Binakarier_Programs_V1_CreateSessionRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Session {
        try await daemon.answer("CreateSession", request, context)
    }

    func updateSession(_ request: Binakarier_Programs_V1_UpdateSessionRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Session {
        try await daemon.answer("UpdateSession", request, context)
    }

    func transitionSession(_ request: Binakarier_Programs_V1_TransitionSessionRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Session {
        try await daemon.answer("TransitionSession", request, context)
    }

    func enrol(_ request: Binakarier_Programs_V1_EnrolRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_EnrolResponse {
        try await daemon.answer("Enrol", request, context)
    }

    func requestEnrolment(_ request: Binakarier_Programs_V1_RequestEnrolmentRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Enrolment {
        try await daemon.answer("RequestEnrolment", request, context)
    }

    func decideEnrolment(_ request: Binakarier_Programs_V1_DecideEnrolmentRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Enrolment {
        try await daemon.answer("DecideEnrolment", request, context)
    }

    func listPendingApprovals(_ request: Binakarier_Programs_V1_ListPendingApprovalsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListPendingApprovalsResponse {
        try await daemon.answer("ListPendingApprovals", request, context)
    }

    func cancelEnrolment(_ request: Binakarier_Programs_V1_CancelEnrolmentRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Enrolment {
        try await daemon.answer("CancelEnrolment", request, context)
    }

    func listEnrolments(_ request: Binakarier_Programs_V1_ListEnrolmentsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListEnrolmentsResponse {
        try await daemon.answer("ListEnrolments", request, context)
    }

    func markAttendance(_ request: Binakarier_Programs_V1_MarkAttendanceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_MarkAttendanceResponse {
        try await daemon.answer("MarkAttendance", request, context)
    }

    func importAttendance(_ request: Binakarier_Programs_V1_ImportAttendanceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ImportAttendanceResponse {
        try await daemon.answer("ImportAttendance", request, context)
    }

    func getAttendance(_ request: Binakarier_Programs_V1_GetAttendanceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_GetAttendanceResponse {
        try await daemon.answer("GetAttendance", request, context)
    }

    func issueAttendanceCode(_ request: Binakarier_Programs_V1_IssueAttendanceCodeRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_AttendanceCode {
        try await daemon.answer("IssueAttendanceCode", request, context)
    }

    func checkIn(_ request: Binakarier_Programs_V1_CheckInRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_CheckInResponse {
        try await daemon.answer("CheckIn", request, context)
    }

    func recordAssessment(_ request: Binakarier_Programs_V1_RecordAssessmentRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Enrolment {
        try await daemon.answer("RecordAssessment", request, context)
    }

    func getCertificate(_ request: Binakarier_Programs_V1_GetCertificateRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Certificate {
        try await daemon.answer("GetCertificate", request, context)
    }

    func listCertificates(_ request: Binakarier_Programs_V1_ListCertificatesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListCertificatesResponse {
        try await daemon.answer("ListCertificates", request, context)
    }

    func verifyCertificate(_ request: Binakarier_Programs_V1_VerifyCertificateRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_VerifyCertificateResponse {
        try await daemon.answer("VerifyCertificate", request, context)
    }

    func getLedger(_ request: Binakarier_Programs_V1_GetLedgerRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Ledger {
        try await daemon.answer("GetLedger", request, context)
    }

    func reportOutsideLearning(_ request: Binakarier_Programs_V1_ReportOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_LedgerEntry {
        try await daemon.answer("ReportOutsideLearning", request, context)
    }

    func importOutsideLearning(_ request: Binakarier_Programs_V1_ImportOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ImportOutsideLearningResponse {
        try await daemon.answer("ImportOutsideLearning", request, context)
    }

    func listOutsideLearning(_ request: Binakarier_Programs_V1_ListOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListOutsideLearningResponse {
        try await daemon.answer("ListOutsideLearning", request, context)
    }

    func validateOutsideLearning(_ request: Binakarier_Programs_V1_ValidateOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ValidateOutsideLearningResponse {
        try await daemon.answer("ValidateOutsideLearning", request, context)
    }

    func getJpConversion(_ request: Binakarier_Programs_V1_GetJpConversionRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_JpConversionTable {
        try await daemon.answer("GetJpConversion", request, context)
    }

    func listJpConversions(_ request: Binakarier_Programs_V1_ListJpConversionsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListJpConversionsResponse {
        try await daemon.answer("ListJpConversions", request, context)
    }

    func publishJpConversion(_ request: Binakarier_Programs_V1_PublishJpConversionRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_JpConversionTable {
        try await daemon.answer("PublishJpConversion", request, context)
    }

    func verifyOutsideLearning(_ request: Binakarier_Programs_V1_VerifyOutsideLearningRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_VerifyOutsideLearningResponse {
        try await daemon.answer("VerifyOutsideLearning", request, context)
    }

    func getCompliance(_ request: Binakarier_Programs_V1_GetComplianceRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_Compliance {
        try await daemon.answer("GetCompliance", request, context)
    }

    func proposeNeed(_ request: Binakarier_Programs_V1_ProposeNeedRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_DevelopmentNeed {
        try await daemon.answer("ProposeNeed", request, context)
    }

    func listNeeds(_ request: Binakarier_Programs_V1_ListNeedsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ListNeedsResponse {
        try await daemon.answer("ListNeeds", request, context)
    }

    func summarizeNeeds(_ request: Binakarier_Programs_V1_SummarizeNeedsRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_SummarizeNeedsResponse {
        try await daemon.answer("SummarizeNeeds", request, context)
    }

    func linkNeed(_ request: Binakarier_Programs_V1_LinkNeedRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_DevelopmentNeed {
        try await daemon.answer("LinkNeed", request, context)
    }

    func exportSiasnCourses(_ request: Binakarier_Programs_V1_ExportSiasnCoursesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ExportSiasnCoursesResponse {
        try await daemon.answer("ExportSiasnCourses", request, context)
    }

    func importSiasnCourses(_ request: Binakarier_Programs_V1_ImportSiasnCoursesRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_ImportSiasnCoursesResponse {
        try await daemon.answer("ImportSiasnCourses", request, context)
    }

    func reconcileSiasn(_ request: Binakarier_Programs_V1_ReconcileSiasnRequest, context: RPCServerContext) async throws -> Binakarier_Programs_V1_SiasnReconciliation {
        try await daemon.answer("ReconcileSiasn", request, context)
    }

    func listChanges(_ request: Binakarier_Feed_V1_ListChangesRequest, context: RPCServerContext) async throws -> Binakarier_Feed_V1_ListChangesResponse {
        try await daemon.answer("ListChanges", request, context)
    }
}

/// `Binakarier_Feedback_V1_FeedbackService` answered by a `StubDaemon`; every method open to anyone.
struct FeedbackStub: Binakarier_Feedback_V1_FeedbackService.ServiceProtocol {
    let daemon: StubDaemon

    var policies: Binakarier_Feedback_V1_FeedbackService.Policies {
        .init(
            listInstruments: .anyone,
            getInstrument: .anyone,
            saveInstrument: .anyone,
            importInstrument: .anyone,
            publishInstrument: .anyone,
            openCampaign: .anyone,
            closeCampaign: .anyone,
            getCampaign: .anyone,
            listCampaigns: .anyone,
            listPublicCampaigns: .anyone,
            listMyPending: .anyone,
            submitResponse: .anyone,
            submitPublicResponse: .anyone,
            getMyResponses: .anyone,
            getResults: .anyone,
            createDialogue: .anyone,
            getDialogue: .anyone,
            listDialogues: .anyone,
            closeDialogue: .anyone,
            getMinutes: .anyone,
            raiseAspiration: .anyone,
            supportAspiration: .anyone,
            answerAspiration: .anyone,
            giveDirection: .anyone,
            lookupAspirations: .anyone,
            reportAspiration: .anyone,
            listHeldAspirations: .anyone,
            moderateAspiration: .anyone,
            createAction: .anyone,
            updateAction: .anyone,
            listActions: .anyone,
            getActionBoard: .anyone,
            listChanges: .anyone,
            listServiceCounters: .anyone,
            saveServiceCounters: .anyone,
            submitPaperResponses: .anyone,
            getIkmReport: .anyone,
            createChangeProject: .anyone,
            updateChangeProject: .anyone,
            getChangeProject: .anyone,
            listChangeProjects: .anyone,
            reportMilestone: .anyone,
            reviewMilestone: .anyone,
            commentChangeProject: .anyone
        )
    }

    func listInstruments(_ request: Binakarier_Feedback_V1_ListInstrumentsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListInstrumentsResponse {
        try await daemon.answer("ListInstruments", request, context)
    }

    func getInstrument(_ request: Binakarier_Feedback_V1_GetInstrumentRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Instrument {
        try await daemon.answer("GetInstrument", request, context)
    }

    func saveInstrument(_ request: Binakarier_Feedback_V1_SaveInstrumentRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Instrument {
        try await daemon.answer("SaveInstrument", request, context)
    }

    func importInstrument(_ request: Binakarier_Feedback_V1_ImportInstrumentRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ImportInstrumentResponse {
        try await daemon.answer("ImportInstrument", request, context)
    }

    func publishInstrument(_ request: Binakarier_Feedback_V1_PublishInstrumentRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Instrument {
        try await daemon.answer("PublishInstrument", request, context)
    }

    func openCampaign(_ request: Binakarier_Feedback_V1_OpenCampaignRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Campaign {
        try await daemon.answer("OpenCampaign", request, context)
    }

    func closeCampaign(_ request: Binakarier_Feedback_V1_CloseCampaignRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Campaign {
        try await daemon.answer("CloseCampaign", request, context)
    }

    func getCampaign(_ request: Binakarier_Feedback_V1_GetCampaignRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Campaign {
        try await daemon.answer("GetCampaign", request, context)
    }

    func listCampaigns(_ request: Binakarier_Feedback_V1_ListCampaignsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListCampaignsResponse {
        try await daemon.answer("ListCampaigns", request, context)
    }

    func listPublicCampaigns(_ request: Binakarier_Feedback_V1_ListPublicCampaignsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListPublicCampaignsResponse {
        try await daemon.answer("ListPublicCampaigns", request, context)
    }

    func listServiceCounters(_ request: Binakarier_Feedback_V1_ListServiceCountersRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListServiceCountersResponse {
        try await daemon.answer("ListServiceCounters", request, context)
    }

    func saveServiceCounters(_ request: Binakarier_Feedback_V1_SaveServiceCountersRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListServiceCountersResponse {
        try await daemon.answer("SaveServiceCounters", request, context)
    }

    func submitPaperResponses(_ request: Binakarier_Feedback_V1_SubmitPaperResponsesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_SubmitPaperResponsesResponse {
        try await daemon.answer("SubmitPaperResponses", request, context)
    }

    func getIkmReport(_ request: Binakarier_Feedback_V1_GetIkmReportRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_IkmReport {
        try await daemon.answer("GetIkmReport", request, context)
    }

    func createChangeProject(_ request: Binakarier_Feedback_V1_CreateChangeProjectRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ChangeProject {
        try await daemon.answer("CreateChangeProject", request, context)
    }

    func updateChangeProject(_ request: Binakarier_Feedback_V1_UpdateChangeProjectRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ChangeProject {
        try await daemon.answer("UpdateChangeProject", request, context)
    }

    func getChangeProject(_ request: Binakarier_Feedback_V1_GetChangeProjectRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ChangeProject {
        try await daemon.answer("GetChangeProject", request, context)
    }

    func listChangeProjects(_ request: Binakarier_Feedback_V1_ListChangeProjectsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListChangeProjectsResponse {
        try await daemon.answer("ListChangeProjects", request, context)
    }

    func reportMilestone(_ request: Binakarier_Feedback_V1_ReportMilestoneRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ChangeProject {
        try await daemon.answer("ReportMilestone", request, context)
    }

    func reviewMilestone(_ request: Binakarier_Feedback_V1_ReviewMilestoneRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ChangeProject {
        try await daemon.answer("ReviewMilestone", request, context)
    }

    func commentChangeProject(_ request: Binakarier_Feedback_V1_CommentChangeProjectRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ChangeProject {
        try await daemon.answer("CommentChangeProject", request, context)
    }

    func listMyPending(_ request: Binakarier_Feedback_V1_ListMyPendingRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListMyPendingResponse {
        try await daemon.answer("ListMyPending", request, context)
    }

    func submitResponse(_ request: Binakarier_Feedback_V1_SubmitResponseRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_SubmitResponseResponse {
        try await daemon.answer("SubmitResponse", request, context)
    }

    func submitPublicResponse(_ request: Binakarier_Feedback_V1_SubmitPublicResponseRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_SubmitResponseResponse {
        try await daemon.answer("SubmitPublicResponse", request, context)
    }

    func getMyResponses(_ request: Binakarier_Feedback_V1_GetMyResponsesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_GetMyResponsesResponse {
        try await daemon.answer("GetMyResponses", request, context)
    }

    func getResults(_ request: Binakarier_Feedback_V1_GetResultsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Results {
        try await daemon.answer("GetResults", request, context)
    }

    func createDialogue(_ request: Binakarier_Feedback_V1_CreateDialogueRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Dialogue {
        try await daemon.answer("CreateDialogue", request, context)
    }

    func getDialogue(_ request: Binakarier_Feedback_V1_GetDialogueRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_DialogueDetail {
        try await daemon.answer("GetDialogue", request, context)
    }

    func listDialogues(_ request: Binakarier_Feedback_V1_ListDialoguesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListDialoguesResponse {
        try await daemon.answer("ListDialogues", request, context)
    }

    func closeDialogue(_ request: Binakarier_Feedback_V1_CloseDialogueRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Dialogue {
        try await daemon.answer("CloseDialogue", request, context)
    }

    func getMinutes(_ request: Binakarier_Feedback_V1_GetMinutesRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Minutes {
        try await daemon.answer("GetMinutes", request, context)
    }

    func raiseAspiration(_ request: Binakarier_Feedback_V1_RaiseAspirationRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Aspiration {
        try await daemon.answer("RaiseAspiration", request, context)
    }

    func supportAspiration(_ request: Binakarier_Feedback_V1_SupportAspirationRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Aspiration {
        try await daemon.answer("SupportAspiration", request, context)
    }

    func answerAspiration(_ request: Binakarier_Feedback_V1_AnswerAspirationRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Aspiration {
        try await daemon.answer("AnswerAspiration", request, context)
    }

    func giveDirection(_ request: Binakarier_Feedback_V1_GiveDirectionRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Direction {
        try await daemon.answer("GiveDirection", request, context)
    }

    func createAction(_ request: Binakarier_Feedback_V1_CreateActionRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ActionItem {
        try await daemon.answer("CreateAction", request, context)
    }

    func updateAction(_ request: Binakarier_Feedback_V1_UpdateActionRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ActionItem {
        try await daemon.answer("UpdateAction", request, context)
    }

    func listActions(_ request: Binakarier_Feedback_V1_ListActionsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListActionsResponse {
        try await daemon.answer("ListActions", request, context)
    }

    func lookupAspirations(_ request: Binakarier_Feedback_V1_LookupAspirationsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_LookupAspirationsResponse {
        try await daemon.answer("LookupAspirations", request, context)
    }

    func reportAspiration(_ request: Binakarier_Feedback_V1_ReportAspirationRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Aspiration {
        try await daemon.answer("ReportAspiration", request, context)
    }

    func listHeldAspirations(_ request: Binakarier_Feedback_V1_ListHeldAspirationsRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ListHeldAspirationsResponse {
        try await daemon.answer("ListHeldAspirations", request, context)
    }

    func moderateAspiration(_ request: Binakarier_Feedback_V1_ModerateAspirationRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_Aspiration {
        try await daemon.answer("ModerateAspiration", request, context)
    }

    func getActionBoard(_ request: Binakarier_Feedback_V1_GetActionBoardRequest, context: RPCServerContext) async throws -> Binakarier_Feedback_V1_ActionBoard {
        try await daemon.answer("GetActionBoard", request, context)
    }

    func listChanges(_ request: Binakarier_Feed_V1_ListChangesRequest, context: RPCServerContext) async throws -> Binakarier_Feed_V1_ListChangesResponse {
        try await daemon.answer("ListChanges", request, context)
    }
}

/// `Binakarier_Reporting_V1_ReportingService` answered by a `StubDaemon`; every method open to anyone.
struct ReportingStub: Binakarier_Reporting_V1_ReportingService.ServiceProtocol {
    let daemon: StubDaemon

    var policies: Binakarier_Reporting_V1_ReportingService.Policies {
        .init(
            importOutcome: .anyone,
            getIpAsn: .anyone,
            summarizeIpAsn: .anyone,
            getProgramReport: .anyone,
            getAgencyReport: .anyone,
            getCityReport: .anyone,
            getPersonReport: .anyone,
            publishReport: .anyone,
            getPublishedReport: .anyone,
            listPublishedReports: .anyone,
            getDataStatus: .anyone,
            syncNow: .anyone
        )
    }

    func importOutcome(_ request: Binakarier_Reporting_V1_ImportOutcomeRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ImportOutcomeResponse {
        try await daemon.answer("ImportOutcome", request, context)
    }

    func getIpAsn(_ request: Binakarier_Reporting_V1_GetIpAsnRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_IpAsnScore {
        try await daemon.answer("GetIpAsn", request, context)
    }

    func summarizeIpAsn(_ request: Binakarier_Reporting_V1_SummarizeIpAsnRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_SummarizeIpAsnResponse {
        try await daemon.answer("SummarizeIpAsn", request, context)
    }

    func getProgramReport(_ request: Binakarier_Reporting_V1_GetProgramReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        try await daemon.answer("GetProgramReport", request, context)
    }

    func getAgencyReport(_ request: Binakarier_Reporting_V1_GetAgencyReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        try await daemon.answer("GetAgencyReport", request, context)
    }

    func getCityReport(_ request: Binakarier_Reporting_V1_GetCityReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        try await daemon.answer("GetCityReport", request, context)
    }

    func getPersonReport(_ request: Binakarier_Reporting_V1_GetPersonReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        try await daemon.answer("GetPersonReport", request, context)
    }

    func publishReport(_ request: Binakarier_Reporting_V1_PublishReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_PublishedReport {
        try await daemon.answer("PublishReport", request, context)
    }

    func getPublishedReport(_ request: Binakarier_Reporting_V1_GetPublishedReportRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ReportResponse {
        try await daemon.answer("GetPublishedReport", request, context)
    }

    func listPublishedReports(_ request: Binakarier_Reporting_V1_ListPublishedReportsRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_ListPublishedReportsResponse {
        try await daemon.answer("ListPublishedReports", request, context)
    }

    func getDataStatus(_ request: Binakarier_Reporting_V1_GetDataStatusRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_DataStatus {
        try await daemon.answer("GetDataStatus", request, context)
    }

    func syncNow(_ request: Binakarier_Reporting_V1_SyncNowRequest, context: RPCServerContext) async throws -> Binakarier_Reporting_V1_DataStatus {
        try await daemon.answer("SyncNow", request, context)
    }
}
