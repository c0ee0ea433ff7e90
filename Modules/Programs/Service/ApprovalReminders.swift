import Logging
import ServiceLifecycle

/// Sends the reminders of the approval chain: every `interval`, each request whose current step has
/// passed its time limit is announced once on the feed (`enrolment.reminder`, for whatever notifies
/// people) and logged; the approvers' lists mark it overdue, and BKPSDM sees it among its own.
public struct ApprovalReminders: Service {
    let store: ProgramsStore
    let interval: Duration
    let logger: Logger

    public init(store: ProgramsStore, interval: Duration = .seconds(60), logger: Logger) {
        self.store = store
        self.interval = interval
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await remindOnce()
                do { try await Task.sleep(for: interval) } catch { return }
            }
        }
    }

    func remindOnce() async {
        do {
            for enrolment in try await store.remindOverdueApprovals() {
                logger.notice("approval overdue: reminder sent", metadata: [
                    "session": "\(enrolment.sessionId)", "nip": "\(enrolment.nip)", "step": "\(enrolment.approvalStage.protoName)",
                    "approver": "\(enrolment.approverNip.isEmpty ? "agency head" : enrolment.approverNip)",
                ])
            }
        } catch {
            logger.warning("approval reminders: cannot read the pending requests now; trying again", metadata: ["error": "\(error)"])
        }
    }
}
