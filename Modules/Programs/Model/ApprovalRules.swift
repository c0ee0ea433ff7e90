import BKProto
import BKRPC

/// Who decides a request's supervisor step: the direct supervisor named on it, or the head of the
/// person's agency (always, so that a request never waits on someone absent for good; and alone when
/// the person has no supervisor).
public enum ApprovalRules {
    public static func decidesSupervisorStep(_ enrolment: Enrolment, caller: Caller) -> Bool {
        guard !caller.nip.isEmpty, caller.nip != enrolment.nip else { return false }
        if !enrolment.approverNip.isEmpty, caller.nip == enrolment.approverNip, caller.has(.supervisor) || caller.has(.agencyHead) { return true }
        return caller.has(.agencyHead) && !caller.agencyCode.isEmpty && caller.agencyCode == enrolment.agencyCode
    }
}
