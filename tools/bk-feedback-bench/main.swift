// bk-feedback-bench: the feedback service through the real daemons (release builds of bk-identityd,
// bk-programsd and bk-feedbackd) on top of the demo city: 1,000 ASN answer a reaction form within a
// window (half of them an anonymous one), the results of a 10,000-response campaign, and a city-year of
// results. Each figure beside a bare round trip (health) measured under the same load. Prints figures;
// asserts nothing. Run through tools/bench-feedback.
import ArgumentParser
import BKProto
import BKRPC
import BKTestSupport
import Foundation

typealias Feedback = Binakarier_Feedback_V1_FeedbackService
typealias Identity = Binakarier_Identity_V1_IdentityService

@main
struct FeedbackBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bk-feedback-bench", abstract: "Benchmark bk-feedbackd.")

    @Option(help: "Folder with the release builds of the daemons and bk-demo-data.") var bin: String
    @Option(help: "Respondents (each gets an account and answers once).") var respondents: Int = 1000
    @Option(help: "Seconds over which they answer.") var window: Double = 60
    @Option(help: "Responses in the large (public IKM) campaign.") var large: Int = 10_000
    @Option(help: "Campaigns of 30 in the city-year.") var yearCampaigns: Int = 120
    @Option(help: "Times each results call is measured.") var resultRounds: Int = 7

    static func outcome<T>(_ body: () async throws(RPCError) -> T) async -> Result<T, RPCError> {
        do { return .success(try await body()) } catch { return .failure(error) }
    }

    func run() async throws {
        let directory = try TemporaryDirectory(prefix: "bk-fbench")
        defer { directory.remove() }
        let socketDir = directory.appending("run")
        func daemon(_ name: String, _ extra: [String] = []) throws -> DaemonProcess {
            try .benchmarked(name, bin: bin, in: directory, socketDirectory: socketDir, arguments: extra)
        }
        let identityd = try daemon("bk-identityd", ["--password-hash-concurrency", "2"])
        try await identityd.start()
        defer { identityd.process.terminate() }
        let programsd = try daemon("bk-programsd")
        try await programsd.start()
        defer { programsd.process.terminate() }
        let feedbackd = try daemon("bk-feedbackd", ["--public-answers-per-minute", "1000000"])
        try await feedbackd.start()
        defer { feedbackd.process.terminate() }
        guard try await DaemonProcess.run("\(bin)/bk-demo-data", ["load", "--socket-dir", socketDir]).status == 0 else {
            throw ValidationError("bk-demo-data load failed")
        }
        let clock = ContinuousClock()
        let identityClient = RPCClient(socketPath: DaemonName.identity.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        let admin = try await Identity.Client(identityClient).login(.init(username: "admin", password: "admin-demo-2026")).token
        let identity = Identity.Client(identityClient, metadata: .bearer(admin))

        // Respondents: active ASN without an account yet, each given one and logged in.
        var people: [String] = []
        var page = ""
        repeat {
            let answer = try await identity.listEmployees(.init(pageSize: 1000, pageToken: page))
            people += answer.employees.filter { $0.status == .active }.map(\.nip)
            page = answer.nextPageToken
        } while !page.isEmpty
        let password = "bench-feedback-2026"
        var chosen: [String] = []
        let setup = try await clock.measure {
            var candidates = people.makeIterator()
            while chosen.count < respondents, let nip = candidates.next() {
                let created = await Self.outcome { () async throws(RPCError) in
                    try await identity.createAccount(.init(username: nip, password: password, nip: nip))
                }
                switch created {
                case .success: chosen.append(nip)
                case .failure(let error) where error.code == .alreadyExists: continue
                case .failure(let error): throw error
                }
            }
        }
        var tokens: [String] = []
        for nip in chosen {
            tokens.append(try await Identity.Client(identityClient).login(.init(username: nip, password: password)).token)
        }
        let loginOrder = tokens
        print("bk-feedback-bench: bk-identityd, bk-programsd and bk-feedbackd (release), SQLite synchronous=FULL, on the demo city and year")
        print(String(format: "setup: %d accounts created and logged in (Argon2id, 2 at once) in %.1f s", chosen.count, Measurements.seconds(setup)))

        let organizerToken = try await Identity.Client(identityClient).login(.init(username: "bkpsdm", password: "bkpsdm-demo-2026")).token
        let client = RPCClient(socketPath: DaemonName.feedback.socketPath(in: socketDir), defaultTimeout: .seconds(600))
        let organizer = Feedback.Client(client, metadata: .bearer(organizerToken))
        let form = try await organizer.getInstrument(.init(code: "L1-STANDAR"))
        func answers(_ seed: Int) -> [Binakarier_Feedback_V1_Answer] {
            form.questions.compactMap { question in
                switch question.kind {
                case .likert4: .init(questionId: question.id, number: Double(2 + (seed + question.id.count) % 3))
                case .nps: .init(questionId: question.id, number: Double(5 + seed % 6))
                case .beforeAfter: .init(questionId: question.id, before: Int32(1 + seed % 3), after: Int32(3 + seed % 3))
                case .facilitatorRating: .init(questionId: question.id, number: Double(3 + seed % 3), facilitator: "Dr. Rina")
                case .longText: seed % 4 == 0 ? .init(questionId: question.id, text: "materi bermanfaat untuk tugas \(seed % 7)") : nil
                default: nil
                }
            }
        }
        let half = chosen.count / 2
        let named = try await organizer.openCampaign(.init(campaign: .init(
            title: "Tolok ukur (bernama)", instrumentCode: "L1-STANDAR", audience: .init(kind: .people, agencyCode: "BKPSDM", nips: Array(chosen.prefix(half))))))
        let hidden = try await organizer.openCampaign(.init(campaign: .init(
            title: "Tolok ukur (anonim)", instrumentCode: "L1-STANDAR", audience: .init(kind: .people, agencyCode: "BKPSDM", nips: Array(chosen.suffix(from: half))),
            anonymous: true)))

        // 1,000 answers at random moments of the window, each on its own; health probes beside them.
        let health = Binakarier_Health_V1_Health.Client(client)
        var errors = 0
        var latencies: [Double] = []
        var bare: [Double] = []
        let started = clock.now
        let answerTime = try await clock.measure {
            try await withThrowingTaskGroup(of: (Double?, Double).self) { group in
                for (index, token) in loginOrder.enumerated() {
                    let at = Double.random(in: 0..<window)
                    let campaign = index < half ? named.id : hidden.id
                    group.addTask {
                        try await Task.sleep(until: started.advanced(by: .milliseconds(Int(at * 1000))), clock: clock)
                        let probe = clock.now
                        _ = try? await health.check()
                        let bareTime = Measurements.microseconds(probe.duration(to: clock.now))
                        let begin = clock.now
                        do {
                            _ = try await Feedback.Client(client, metadata: .bearer(token)).submitResponse(.init(campaignId: campaign, answers: answers(index)))
                            return (Measurements.microseconds(begin.duration(to: clock.now)), bareTime)
                        } catch {
                            return (nil, bareTime)
                        }
                    }
                }
                for try await (latency, bareTime) in group {
                    if let latency { latencies.append(latency) } else { errors += 1 }
                    bare.append(bareTime)
                }
            }
        }
        let answerP = Measurements.percentiles(&latencies)
        let bareP = Measurements.percentiles(&bare)
        print(String(format: "answers: %d respondents (%d anonymous) over %.0f s: %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms; bare round trip beside them p50 %.2f ms, p99 %.2f ms",
                     chosen.count, chosen.count - half, Measurements.seconds(answerTime), errors, answerP.p50 / 1000, answerP.p99 / 1000,
                     (latencies.max() ?? 0) / 1000, bareP.p50 / 1000, bareP.p99 / 1000))

        // A burst: everyone at once (a second campaign each).
        let burstNamed = try await organizer.openCampaign(.init(campaign: .init(
            title: "Tolok ukur (serentak)", instrumentCode: "L1-STANDAR", audience: .init(kind: .people, agencyCode: "BKPSDM", nips: chosen), anonymous: true)))
        var burst: [Double] = []
        var burstErrors = 0
        let burstTime = try await clock.measure {
            try await withThrowingTaskGroup(of: Double?.self) { group in
                for (index, token) in loginOrder.enumerated() {
                    group.addTask {
                        let begin = clock.now
                        do {
                            _ = try await Feedback.Client(client, metadata: .bearer(token)).submitResponse(.init(campaignId: burstNamed.id, answers: answers(index)))
                            return Measurements.microseconds(begin.duration(to: clock.now))
                        } catch { return nil }
                    }
                }
                for try await latency in group { if let latency { burst.append(latency) } else { burstErrors += 1 } }
            }
        }
        let burstP = Measurements.percentiles(&burst)
        print(String(format: "burst: %d anonymous answers at once: %.2f s, %.0f answers/s, %d errors, p50 %.1f ms, p99 %.1f ms",
                     loginOrder.count, Measurements.seconds(burstTime), Double(burst.count) / Measurements.seconds(burstTime), burstErrors, burstP.p50 / 1000, burstP.p99 / 1000))

        // The results of a 10,000-response campaign (public IKM, answered without login).
        let ikm = try await organizer.getInstrument(.init(code: "IKM-PERMENPANRB-14-2017"))
        let survey = try await organizer.openCampaign(.init(campaign: .init(
            title: "IKM tolok ukur", instrumentCode: ikm.code, audience: .init(kind: .public, agencyCode: "DPMPTSP"))))
        let anyone = Feedback.Client(client)
        let fill = try await clock.measure {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<large {
                    if index >= 16 { try await group.next() }
                    group.addTask {
                        let answers = ikm.questions.compactMap { question in
                            question.ikmElement > 0 ? Binakarier_Feedback_V1_Answer(questionId: question.id, number: Double(2 + (index + Int(question.ikmElement)) % 3)) : nil
                        }
                        _ = try await anyone.submitPublicResponse(.init(campaignId: survey.id, answers: answers))
                    }
                }
                try await group.waitForAll()
            }
        }
        // Anonymous results are shown once a campaign closes.
        _ = try await organizer.closeCampaign(.init(id: survey.id))
        var resultTimes: [Double] = []
        var last = Binakarier_Feedback_V1_Results()
        for _ in 0..<resultRounds {
            let time = try await clock.measure { last = try await organizer.getResults(.init(campaignId: survey.id)) }
            resultTimes.append(Measurements.microseconds(time) / 1000)
        }
        let resultP = Measurements.percentiles(&resultTimes)
        print(String(format: "large campaign: %d public responses stored in %.1f s (%.0f/s); results p50 %.1f ms (IKM %.2f, grade %@)",
                     last.responses, Measurements.seconds(fill), Double(large) / Measurements.seconds(fill), resultP.p50, last.ikm?.index ?? 0, last.ikm?.grade ?? "-"))

        // A city-year: many reaction campaigns of 30 in one agency; results over the year.
        let answerers = Array(zip(chosen, loginOrder))
        for index in 0..<yearCampaigns {
            let group = (0..<30).map { answerers[(index * 30 + $0) % answerers.count] }
            let campaign = try await organizer.openCampaign(.init(campaign: .init(
                title: "L1 kota \(index)", instrumentCode: "L1-STANDAR", audience: .init(kind: .people, agencyCode: "BKPSDM", nips: group.map(\.0)), anonymous: index % 2 == 0)))
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                for (offset, member) in group.enumerated() {
                    tasks.addTask { _ = try? await Feedback.Client(client, metadata: .bearer(member.1)).submitResponse(.init(campaignId: campaign.id, answers: answers(offset))) }
                }
                try await tasks.waitForAll()
            }
            _ = try await organizer.closeCampaign(.init(id: campaign.id))
        }
        var yearTimes: [Double] = []
        var year = Binakarier_Feedback_V1_Results()
        for _ in 0..<5 {
            let time = try await clock.measure {
                year = try await organizer.getResults(.init(purpose: .reaction, agencyCode: "BKPSDM", fromUnix: 1_767_225_600, toUnix: 1_798_761_600))
            }
            yearTimes.append(Measurements.microseconds(time) / 1000)
        }
        let yearP = Measurements.percentiles(&yearTimes)
        var bareResults: [Double] = []
        for _ in 0..<50 {
            let time = try await clock.measure { _ = try await health.check() }
            bareResults.append(Measurements.microseconds(time) / 1000)
        }
        let bareResultP = Measurements.percentiles(&bareResults)
        print(String(format: "city-year of reaction results (BKPSDM, 2026): %d responses in the year's campaigns: p50 %.1f ms; bare round trip p50 %.2f ms",
                     year.responses, yearP.p50, bareResultP.p50))
        print("daemon RSS after: \(Measurements.residentKiB(feedbackd.process.processIdentifier)) KiB")
        await client.close()
        await identityClient.close()
    }
}
