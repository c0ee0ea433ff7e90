import BKProto
import BKServiceKit
import Foundation

public typealias ChangeProject = Binakarier_Feedback_V1_ChangeProject
public typealias Milestone = Binakarier_Feedback_V1_Milestone

extension FeedbackChange {
    /// Payload: the project without its texts (states, terms and dates of its milestones): what reporting
    /// counts as level-3 evidence.
    public static let changeProject = "change_project.changed"
}

/// Which programs are leadership trainings, and the rules of a change project's plan (aksi perubahan).
public enum ChangeProjectRules {
    /// Program code prefixes of the leadership trainings (LAN): PKN (tingkat II), PKA, PKP, and the older
    /// Diklatpim. The same prefixes reporting's IP ASN reads (`IpAsnRules.leadershipPrefixes`): the
    /// program message has no kind for it, and its code already says it.
    public static let trainingPrefixes = ["DIKLATPIM", "PIM", "PKN", "PKA", "PKP"]

    /// "PKA", "PKP", "PKN", "DIKLATPIM" or "PIM" for a leadership training's program code; nil otherwise.
    public static func training(ofProgram code: String) -> String? {
        let upper = code.uppercased()
        return trainingPrefixes.first { upper.hasPrefix($0) }
    }

    public static let maximumMilestones = 20
    public static let maximumComments = 200

    /// The plan as given, checked: 1 to 20 milestones, each with a title, a term and a due date.
    /// Milestones keep their id and state when `previous` has them; a confirmed one may be neither
    /// removed nor changed; new ones are planned, numbered after the highest id so far.
    public static func plan(_ given: [Milestone], previous: [Milestone] = []) throws(FeedbackError) -> [Milestone] {
        guard !given.isEmpty else {
            throw .invalid(field: "project.milestones", reason: .init(id: "paling sedikit satu tahapan", en: "at least one milestone"))
        }
        guard given.count <= maximumMilestones else {
            throw .invalid(field: "project.milestones", reason: .init(
                id: "paling banyak \(maximumMilestones) tahapan", en: "at most \(maximumMilestones) milestones"))
        }
        let old = Dictionary(previous.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var next = (previous.compactMap { Int($0.id.dropFirst()) }.max() ?? 0) + 1
        var seen = Set<String>()
        var plan: [Milestone] = []
        for (index, input) in given.enumerated() {
            let field = "project.milestones[\(index)]"
            var milestone = Milestone(
                id: input.id.trimmingCharacters(in: .whitespaces).uppercased(),
                title: try FeedbackService.text(input.title, "\(field).title", limit: TextRules.name, required: true),
                term: input.term, dueDate: try FeedbackService.date(input.dueDate, "\(field).due_date"),
                output: try FeedbackService.text(input.output, "\(field).output", limit: TextRules.name, required: false))
            guard milestone.term != .unspecified, MilestoneTermName.all.contains(milestone.term) else {
                throw .invalid(field: "\(field).term", reason: .init(
                    id: "pilih jangka pendek, menengah atau panjang", en: "choose short, medium or long term"))
            }
            if milestone.id.isEmpty {
                milestone.id = "T\(next)"
                next += 1
                milestone.state = .planned
            } else {
                guard let before = old[milestone.id] else {
                    throw .invalid(field: "\(field).id", reason: .init(
                        id: "tahapan \(milestone.id) tidak ada; kosongkan untuk tahapan baru", en: "milestone \(milestone.id) does not exist; leave it empty for a new one"))
                }
                if before.state == .confirmed, before.title != milestone.title || before.term != milestone.term || before.dueDate != milestone.dueDate
                    || before.output != milestone.output {
                    throw .failedPrecondition(.init(
                        id: "tahapan \(before.id) sudah dikonfirmasi mentor dan tidak dapat diubah",
                        en: "milestone \(before.id) is confirmed by the mentor and cannot change"))
                }
                // What happened to it stays: reports, the mentor's review.
                var kept = before
                kept.title = milestone.title
                kept.term = milestone.term
                kept.dueDate = milestone.dueDate
                kept.output = milestone.output
                milestone = kept
            }
            guard seen.insert(milestone.id).inserted else {
                throw .invalid(field: "\(field).id", reason: .init(id: "tahapan \(milestone.id) disebut dua kali", en: "milestone \(milestone.id) is given twice"))
            }
            plan.append(milestone)
        }
        for removed in previous where !seen.contains(removed.id) && removed.state == .confirmed {
            throw .failedPrecondition(.init(
                id: "tahapan \(removed.id) sudah dikonfirmasi mentor dan tidak dapat dihapus",
                en: "milestone \(removed.id) is confirmed by the mentor and cannot be removed"))
        }
        return plan
    }

    /// The counts and state that follow from the milestones.
    public static func counted(_ project: ChangeProject) -> ChangeProject {
        var project = project
        project.confirmed = Int32(project.milestones.count { $0.state == .confirmed })
        project.awaitingReview = Int32(project.milestones.count { $0.state == .reported })
        project.state = !project.milestones.isEmpty && project.confirmed == Int32(project.milestones.count) ? .completed : .active
        return project
    }

    /// What the change feed carries: no texts (titles, reports, notes, comments stay in feedback).
    public static func announced(_ project: ChangeProject) -> ChangeProject {
        var lean = project
        lean.title = ""
        lean.problem = ""
        lean.goal = ""
        lean.coachName = ""
        lean.comments = []
        lean.milestones = project.milestones.map {
            Milestone(id: $0.id, term: $0.term, dueDate: $0.dueDate, state: $0.state, reportTimeUnix: $0.reportTimeUnix, reviewTimeUnix: $0.reviewTimeUnix)
        }
        return lean
    }
}

/// Terms of milestones as people read them.
public enum MilestoneTermName {
    public static let all: [Binakarier_Feedback_V1_MilestoneTerm] = [.short, .medium, .long]

    public static func label(_ term: Binakarier_Feedback_V1_MilestoneTerm) -> String {
        switch term {
        case .short: "jangka pendek"
        case .medium: "jangka menengah"
        case .long: "jangka panjang"
        default: "-"
        }
    }
}
