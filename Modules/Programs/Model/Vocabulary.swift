import BKProto

public typealias Competency = Binakarier_Programs_V1_Competency
public typealias Program = Binakarier_Programs_V1_Program
public typealias Session = Binakarier_Programs_V1_Session
public typealias SessionDay = Binakarier_Programs_V1_SessionDay
public typealias Enrolment = Binakarier_Programs_V1_Enrolment
public typealias AttendanceRecord = Binakarier_Programs_V1_AttendanceRecord
public typealias Certificate = Binakarier_Programs_V1_Certificate
public typealias LedgerEntry = Binakarier_Programs_V1_LedgerEntry
public typealias DevelopmentNeed = Binakarier_Programs_V1_DevelopmentNeed
public typealias TargetAudience = Binakarier_Programs_V1_TargetAudience
public typealias Employee = Binakarier_Identity_V1_Employee

/// The names of the changes in the programs feed (`Change.kind`).
public enum ChangeKind {
    public static func session(_ state: Binakarier_Programs_V1_SessionState) -> String {
        switch state {
        case .draft: "session.created"
        case .open: "session.opened"
        case .running: "session.started"
        case .completed: "session.completed"
        case .cancelled: "session.cancelled"
        default: "session.changed"
        }
    }
    public static let sessionUpdated = "session.updated"
    public static let enrolment = "enrolment.changed"
    public static let approvalReminder = "enrolment.reminder"
    public static let attendance = "attendance.marked"
    public static let completion = "completion.changed"
    public static let assessment = "assessment.recorded"
    public static let certificateIssued = "certificate.issued"
    public static let certificateRevoked = "certificate.revoked"
    public static let ledger = "ledger.changed"
}
