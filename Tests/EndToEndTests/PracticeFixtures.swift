import BKProto
import BKRPC
import BKTestSupport
import Foundation
import Testing

/// What the end-to-end tests of issue 12's programs and IKM points share: dates in WIB, more people of
/// the cluster's agency UJI (created in identity, so that supervisor relations come from its records),
/// and waiting until a daemon accepts identity's tokens.
enum PracticeFixtures {
    static let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    /// YYYY-MM-DD of `date` in WIB.
    static func wibDate(_ date: Date = Date(), plusDays days: Int = 0) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = jakarta
        let shifted = calendar.date(byAdding: .day, value: days, to: date)!
        let parts = calendar.dateComponents([.year, .month, .day], from: shifted)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }

    /// Minutes since midnight WIB, now.
    static func wibMinuteOfDay(_ date: Date = Date()) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = jakarta
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return parts.hour! * 60 + parts.minute!
    }

    static func wibYear(_ date: Date = Date()) -> Int32 { Int32(wibDate(date).prefix(4))! }

    static func hhmm(_ minutes: Int) -> String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    /// A person of agency UJI with an ASN account named by NIP (the cluster's password), created by the
    /// administrator; `supervisor` empty: the top of a chain.
    @discardableResult
    static func addEmployee(
        _ cluster: Cluster, nip: String, name: String, supervisor: String = "", unit: String = ""
    ) async throws -> String {
        let admin = try await cluster.administratorToken()
        _ = try await cluster.token(for: .employee) // creates agency UJI and its three people first
        let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(admin))
        _ = try await identity.createEmployee(.init(employee: .init(
            nip: nip, name: name, asnType: .pns, golongan: .iiiB, agencyCode: ClusterPeople.agency, unitCode: unit, supervisorNip: supervisor)))
        _ = try await identity.createAccount(.init(username: nip, password: Cluster.password, roles: [], nip: nip))
        return try await cluster.login(nip)
    }

    /// A unit of UJI (created by the administrator) with its head.
    static func addUnit(_ cluster: Cluster, code: String, name: String, head: String) async throws {
        let admin = try await cluster.administratorToken()
        _ = try await cluster.token(for: .employee)
        let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(admin))
        _ = try await identity.createUnit(.init(unit: .init(agencyCode: ClusterPeople.agency, code: code, name: name, headNip: head)))
    }

    /// Moves an existing person into a unit of UJI.
    static func place(_ cluster: Cluster, nip: String, unit: String) async throws {
        let admin = try await cluster.administratorToken()
        let identity = Binakarier_Identity_V1_IdentityService.Client(cluster.client(.identity), metadata: .bearer(admin))
        _ = try await identity.updateEmployee(.init(employee: .init(nip: nip, unitCode: unit), updateMask: .init(paths: ["unit_code"])))
    }

    /// Waits until programs knows identity's keys (its first poll of the token feed).
    static func programsReady(_ cluster: Cluster, _ token: String) async throws {
        let programs = ProgramsAPI.Client(cluster.client(.programs), metadata: .bearer(token))
        let answered = try await eventually(within: .seconds(20)) { try await programs.listPrograms(.init(pageSize: 1)) }
        #expect(answered != nil, "programs never accepted identity's tokens")
    }

    static func feedbackReady(_ cluster: Cluster, _ token: String) async throws {
        let feedback = FeedbackAPI.Client(cluster.client(.feedback), metadata: .bearer(token))
        let answered = try await eventually(within: .seconds(20)) { try await feedback.listInstruments(.init(pageSize: 1)) }
        #expect(answered != nil, "feedback never accepted identity's tokens")
    }

    static var now: Int64 { Int64(Date().timeIntervalSince1970) }
}
