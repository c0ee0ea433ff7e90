import BKProto
import BKTestSupport
import Identity

/// The demo year worked out before any call, from the city and a generator seeded from the city's
/// seed, so that every load plans the same year: each session's days, place and facilitators, who sits
/// in it, their attendance day by day and their test scores, and the learning people report from
/// elsewhere.
///
/// Compliance comes out realistic by construction. Each active PNS is drawn as someone who will reach
/// 20 JP this year (`targetPercent` of them) or someone who will not (they get at most 0 to 16 JP);
/// PPPK stay under their 24-JP ceiling. Seats in each session go first to those still short of their
/// 20 JP (the furthest first), then to the others within their limit, then to a few who already have
/// enough. Some miss days or fail the post-test and do not complete; those who were meant to reach
/// 20 JP get a seat in a later session.
struct DemoProgramsPlan: Sendable {
    typealias Status = Binakarier_Programs_V1_AttendanceStatus

    enum Fate: Sendable {
        /// Before the cutoff: opened, started, attendance and tests recorded, completed.
        case complete
        /// After the cutoff, in early December: open, with some people enrolled.
        case enrolling
        /// Later in December: still a draft.
        case draft
    }

    struct Participant: Sendable {
        let nip: String
        /// One status per session day, in the order of the days.
        var attendance: [Status]
        var notes: [String]
        var preTest: Double?
        var postTest: Double?
        /// Whether the service should find the participant completed (attendance and pass mark).
        var completes: Bool
    }

    struct PlannedSession: Sendable {
        let spec: DemoPrograms.Spec
        /// 1 for the program's first session of the year (the batch the service gives it when the
        /// sessions are created in order).
        var ordinal: Int
        let dates: [DemoDay]
        let days: [Binakarier_Programs_V1_SessionDay]
        let venue: String
        var onlineLink: String
        let facilitators: [Binakarier_Programs_V1_Facilitator]
        let fate: Fate
        var participants: [Participant] = []

        var firstDate: String { days.first?.date ?? "" }

        /// What CreateSession takes (the service assigns the id and batch).
        var session: Binakarier_Programs_V1_Session {
            .init(programCode: spec.code, days: days, venue: venue, onlineLink: onlineLink, capacity: Int32(spec.capacity),
                  facilitators: facilitators)
        }
    }

    struct Outside: Sendable {
        let learning: Binakarier_Programs_V1_OutsideLearning
        /// Verified by BKPSDM; otherwise left pending.
        let verify: Bool

        var key: String { DemoProgramsPlan.key(nip: learning.nip, title: learning.title, startDate: learning.startDate) }
    }

    /// Every session of the year, in the order of their first day.
    let sessions: [PlannedSession]
    let outside: [Outside]
    /// Active PNS, and those the plan brings to 20 JP (if every call goes as planned).
    let activePNS: Int
    let plannedMeetingTarget: Int

    static let outsideCount = 160

    static func key(nip: String, title: String, startDate: String) -> String { "\(nip)|\(title)|\(startDate)" }

    init(city: DemoCity, targetPercent: Int = 80) {
        var random = SplitMix64(seed: city.seed ^ 0x2026_B1A4_CA41_0001)
        func next(_ bound: Int) -> Int { Int(random.next() % UInt64(max(bound, 1))) }
        func shuffle(_ items: inout [Int]) {
            guard items.count > 1 else { return }
            for index in stride(from: items.count - 1, to: 0, by: -1) { items.swapAt(index, next(index + 1)) }
        }

        // Who: the active ASN, and how far each goes this year.
        let people = city.employees.filter { $0.status == .active }
        var credited = [Int](repeating: 0, count: people.count)
        var limit = [Int](repeating: 0, count: people.count)
        var reaches = [Bool](repeating: false, count: people.count)
        var busy = [Set<Int>](repeating: [], count: people.count)
        var finished = [Set<String>](repeating: [], count: people.count)
        for index in people.indices {
            if people[index].asnType == .pppk {
                limit[index] = [8, 12, 16, 20, 24][next(5)]
            } else if next(100) < targetPercent {
                reaches[index] = true
                limit[index] = Int.max
            } else {
                limit[index] = [0, 0, 4, 8, 12, 16][next(6)]
            }
        }

        // Learning elsewhere, reported before the sessions fill: verified JP count towards the 20.
        var outside: [Outside] = []
        var order = Array(people.indices)
        shuffle(&order)
        let general = DemoPrograms.outsideCourses.filter { $0.agencies.isEmpty }
        let reportFrom = DemoDay(DemoPrograms.year, 2, 2)
        let reportSpan = DemoDay(DemoPrograms.year, 11, 13).number - reportFrom.number
        for index in order where outside.count < Self.outsideCount {
            let person = people[index]
            let own = DemoPrograms.outsideCourses.filter { $0.agencies.contains(person.agencyCode) }
            let course = !own.isEmpty && next(100) < 60 ? own[next(own.count)] : general[next(general.count)]
            let verify: Bool
            if reaches[index] {
                verify = next(100) < 88
            } else if person.asnType == .pppk {
                verify = credited[index] + course.jp <= limit[index] && next(100) < 85
            } else {
                verify = false  // short of 20 JP: waiting for BKPSDM
            }
            if verify { credited[index] += course.jp }
            let start = Self.nextWorkingDay(reportFrom.adding(next(reportSpan)))
            let end: DemoDay = switch course.kind {
            case .eLearning: start.adding(13)
            case .pelatihan, .bimtek, .lokakarya: Self.workingDays(from: start, count: (course.jp + 7) / 8).last ?? start
            default: start
            }
            outside.append(Outside(
                learning: .init(
                    nip: person.nip, title: course.title, provider: course.provider, kind: course.kind, jp: Int32(course.jp),
                    startDate: start.description, endDate: end.description,
                    evidence: "Sertifikat elektronik No. \(DemoPrograms.year)/\(10_000 + next(90_000))"),
                verify: verify))
        }

        // When and where: every session of the catalogue.
        var planned: [(order: Int, session: PlannedSession)] = []
        for spec in DemoPrograms.catalogue {
            for ordinal in 1...max(spec.batches, 1) {
                let position = (Double(ordinal - 1) + 0.15 + 0.7 * Double(next(1000)) / 1000) / Double(max(spec.batches, 1))
                let dates = Self.schedule(spec, at: position)
                let fate: Fate = dates[dates.count - 1] < DemoPrograms.cutoff
                    ? .complete : dates[0] <= DemoDay(DemoPrograms.year, 12, 9) ? .enrolling : .draft
                let venue = spec.venues.isEmpty ? "" : spec.venues[next(spec.venues.count)]
                planned.append((order: planned.count, session: PlannedSession(
                    spec: spec, ordinal: ordinal, dates: dates, days: Self.sessionDays(spec, dates), venue: venue, onlineLink: "",
                    facilitators: Self.facilitators(spec, city: city), fate: fate)))
            }
        }
        planned.sort { ($0.session.dates[0].number, $0.order) < ($1.session.dates[0].number, $1.order) }
        var sessions = planned.map { $0.session }
        // Batches are numbered in the order the sessions are created: by date.
        var batches: [String: Int] = [:]
        for position in sessions.indices {
            let code = sessions[position].spec.code
            let batch = (batches[code] ?? 0) + 1
            batches[code] = batch
            sessions[position].ordinal = batch
            if sessions[position].spec.online {
                sessions[position].onlineLink = DemoPrograms.learningSite + code.lowercased() + (batch < 10 ? "-0" : "-") + String(batch)
            }
        }

        // Who sits where, in the order the sessions run.
        var eligible: [String: [Int]] = [:]
        for spec in DemoPrograms.catalogue {
            eligible[spec.code] = people.indices.filter { spec.admits(people[$0]) }
        }
        for position in sessions.indices {
            let spec = sessions[position].spec
            let dayNumbers = Set(sessions[position].dates.map(\.number))
            let dayJP = sessions[position].days.map { Int($0.jp) }
            var ranked: [(priority: Int, key: Int, person: Int)] = []
            var wanted = 0
            switch sessions[position].fate {
            case .complete:
                wanted = spec.capacity * (85 + next(16)) / 100
                for index in eligible[spec.code] ?? [] where !finished[index].contains(spec.code) && busy[index].isDisjoint(with: dayNumbers) {
                    if reaches[index] && credited[index] < 20 {
                        ranked.append((priority: 20 - credited[index], key: next(1 << 30), person: index))
                    } else if !reaches[index] && credited[index] + spec.jp <= limit[index] {
                        ranked.append((priority: 0, key: next(1 << 30), person: index))
                    } else if reaches[index] && next(100) < 30 {
                        ranked.append((priority: -1, key: next(1 << 30), person: index))
                    }
                }
            case .enrolling:
                wanted = spec.capacity * (40 + next(31)) / 100
                for index in eligible[spec.code] ?? [] where !finished[index].contains(spec.code) && busy[index].isDisjoint(with: dayNumbers) {
                    if people[index].asnType == .pns && credited[index] < 20 {
                        ranked.append((priority: 1, key: next(1 << 30), person: index))
                    } else if credited[index] + spec.jp <= limit[index] {
                        ranked.append((priority: 0, key: next(1 << 30), person: index))
                    }
                }
            case .draft:
                break
            }
            ranked.sort { $0.priority != $1.priority ? $0.priority > $1.priority : $0.key < $1.key }
            for candidate in ranked.prefix(wanted) {
                let index = candidate.person
                busy[index].formUnion(dayNumbers)
                guard sessions[position].fate == .complete else {
                    finished[index].insert(spec.code)
                    sessions[position].participants.append(Participant(
                        nip: people[index].nip, attendance: [], notes: [], preTest: nil, postTest: nil, completes: false))
                    continue
                }
                // Attendance: most come every day; a few miss a day, a very few never come.
                var attendance = [Status](repeating: .hadir, count: dayJP.count)
                var notes = [String](repeating: "", count: dayJP.count)
                let roll = next(100)
                if roll < 3 {
                    attendance = [Status](repeating: .alpa, count: dayJP.count)
                    notes = [String](repeating: "Tanpa keterangan", count: dayJP.count)
                } else if roll < 9 {
                    let day = next(dayJP.count)
                    let absence: [(status: Status, note: String)] = [
                        (.izin, "Tugas kedinasan luar daerah"), (.sakit, "Surat keterangan dokter"), (.alpa, "Tanpa keterangan"),
                    ]
                    let chosen = absence[next(3)]
                    attendance[day] = chosen.status
                    notes[day] = chosen.note
                }
                for day in attendance.indices where attendance[day] == .hadir {
                    if next(100) < 5 {
                        attendance[day] = .terlambat
                        notes[day] = "Terlambat \(10 + 5 * next(5)) menit"
                    }
                }
                var attended = 0
                for (status, jp) in zip(attendance, dayJP) where status == .hadir || status == .terlambat { attended += jp }
                var completes = attended * 100 >= spec.minimumAttendance * spec.jp
                var preTest: Double?
                var postTest: Double?
                if attended > 0 {
                    if spec.preTest { preTest = Double(35 + next(30)) }
                    if spec.postTest {
                        let score = next(100) < 8 ? 50 + next(20) : 72 + next(27)
                        postTest = Double(score)
                        completes = completes && Double(score) >= spec.passMark
                    }
                }
                if completes {
                    credited[index] += spec.jp
                    finished[index].insert(spec.code)
                }
                sessions[position].participants.append(Participant(
                    nip: people[index].nip, attendance: attendance, notes: notes, preTest: preTest, postTest: postTest, completes: completes))
            }
        }

        self.sessions = sessions
        self.outside = outside
        let pns = people.indices.filter { people[$0].asnType == .pns }
        activePNS = pns.count
        plannedMeetingTarget = pns.filter { credited[$0] >= 20 }.count
    }

    // MARK: the calendar

    /// National holidays and joint leave of 2026 (SKB 3 Menteri), and the Idul Fitri weeks, when no
    /// class is held.
    static let holidays: Set<DemoDay> = {
        let year = DemoPrograms.year
        let dates: [(Int, Int)] = [
            (1, 1), (1, 16), (2, 16), (2, 17), (4, 3), (5, 1), (5, 14), (5, 15), (5, 27), (5, 28), (6, 1), (6, 16),
            (8, 17), (8, 25), (12, 24), (12, 25), (12, 31),
        ]
        var days = Set(dates.map { DemoDay(year, $0.0, $0.1) })
        for day in 16...27 { days.insert(DemoDay(year, 3, day)) }
        return days
    }()

    static func isWorkingDay(_ day: DemoDay) -> Bool { day.weekday < 5 && !holidays.contains(day) }

    static func nextWorkingDay(_ day: DemoDay) -> DemoDay {
        var day = day
        while !isWorkingDay(day) { day = day.adding(1) }
        return day
    }

    static func workingDays(from start: DemoDay, count: Int) -> [DemoDay] {
        var days: [DemoDay] = []
        var day = nextWorkingDay(start)
        while days.count < count {
            days.append(day)
            day = nextWorkingDay(day.adding(1))
        }
        return days
    }

    /// The days of a session starting on or after `start`: consecutive working days (a block of up to a
    /// week starts early enough in the week to end in it), or one day a week for coaching and mentoring.
    static func dates(_ spec: DemoPrograms.Spec, from start: DemoDay) -> [DemoDay] {
        let count = (spec.jp + spec.jpPerDay - 1) / spec.jpPerDay
        var day = nextWorkingDay(start)
        if !spec.weekly, count > 1, count <= 5 {
            while day.weekday > 5 - count { day = nextWorkingDay(day.adding(1)) }
        }
        var days: [DemoDay] = []
        while days.count < count {
            days.append(day)
            day = nextWorkingDay(day.adding(spec.weekly ? 7 : 1))
        }
        return days
    }

    /// The days of the session at `position` (0 to 1) through the year: from mid-January to the end of
    /// November up to 0.88, in the first half of December after. None runs past 18 December, and none
    /// runs across the cutoff (it is over, or it has not begun).
    static func schedule(_ spec: DemoPrograms.Spec, at position: Double) -> [DemoDay] {
        let year = DemoPrograms.year
        let first = DemoDay(year, 1, 19), lastRegular = DemoDay(year, 11, 20)
        let december = DemoDay(year, 11, 30), lastDecember = DemoDay(year, 12, 16)
        let start = position < 0.88
            ? first.adding(Int(position / 0.88 * Double(lastRegular.number - first.number)))
            : december.adding(Int((position - 0.88) / 0.12 * Double(lastDecember.number - december.number)))
        var days = dates(spec, from: start)
        while days[days.count - 1] > DemoDay(year, 12, 18) { days = dates(spec, from: days[0].adding(-7)) }
        while days[0] < DemoPrograms.cutoff && days[days.count - 1] >= DemoPrograms.cutoff {
            days = dates(spec, from: days[0].adding(-7))
        }
        return days
    }

    /// The schedule as the service takes it: each day's JP (full days, the last takes the rest) and its
    /// hours, one JP being 45 minutes, with an hour's break at noon.
    static func sessionDays(_ spec: DemoPrograms.Spec, _ dates: [DemoDay]) -> [Binakarier_Programs_V1_SessionDay] {
        dates.indices.map { (index: Int) -> Binakarier_Programs_V1_SessionDay in
            let jp = index < dates.count - 1 ? spec.jpPerDay : spec.jp - spec.jpPerDay * (dates.count - 1)
            let start = spec.startMinute
            var end = start + jp * 45
            if start < 12 * 60 && end > 12 * 60 { end += 60 }
            return .init(date: dates[index].description, startTime: DemoDay.clock(start), endTime: DemoDay.clock(end), jp: Int32(jp))
        }
    }

    static func facilitators(_ spec: DemoPrograms.Spec, city: DemoCity) -> [Binakarier_Programs_V1_Facilitator] {
        let role = switch spec.kind {
        case .seminar: "Narasumber"
        case .coaching: "Coach"
        case .mentoring: "Mentor"
        default: "Fasilitator"
        }
        var facilitators = spec.facilitators.map { Binakarier_Programs_V1_Facilitator(name: $0.name, role: "\(role) (\($0.role))") }
        if !spec.coachedByHeadOf.isEmpty,
            let agency = city.agencies.first(where: { $0.code == spec.coachedByHeadOf }),
            let head = city.employees.first(where: { $0.nip == agency.headNip })
        {
            facilitators.append(.init(nip: head.nip, name: head.name, role: "\(role) (\(head.positionTitle))"))
        }
        return facilitators
    }
}
