import BKProto
import BKServiceKit
import Foundation
import GRDB

/// The JP conversion tables, and the supervisor's validation of converted learning.
extension ProgramsStore {
    static func conversionTable(_ row: Row) throws -> JpConversionTable {
        try JpConversionTable(serializedBytes: [UInt8](row["body"] as Data))
    }

    /// The version asked for, or the one in force on `date` (the latest effective on or before it).
    public func conversionTable(version: String, date: String) async throws -> JpConversionTable? {
        try await db.read { db in
            let row = version.isEmpty
                ? try Row.fetchOne(
                    db, sql: "SELECT body FROM jp_conversion WHERE effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1",
                    arguments: [date])
                : try Row.fetchOne(db, sql: "SELECT body FROM jp_conversion WHERE version = ?", arguments: [version])
            return try row.map(Self.conversionTable)
        }
    }

    public func conversionTables() async throws -> [JpConversionTable] {
        try await db.read { db in
            try Row.fetchAll(db, sql: "SELECT body FROM jp_conversion ORDER BY effective_from DESC, version DESC").map(Self.conversionTable)
        }
    }

    public func publishConversionTable(_ table: JpConversionTable) async throws -> JpConversionTable {
        var table = table
        table.publishTimeUnix = now()
        let published = table
        return try await write { db in
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM jp_conversion WHERE version = ?", arguments: [published.version]) == 0 else {
                throw ProgramsError.alreadyExists(.init(
                    id: "versi \(published.version) sudah ada; versi tidak diubah, terbitkan versi baru",
                    en: "version \(published.version) exists; versions never change, publish a new one"))
            }
            try db.run(
                sql: "INSERT INTO jp_conversion (version, effective_from, body) VALUES (?, ?, ?)",
                arguments: [published.version, published.effectiveFrom, Data(try published.serializedBytes())])
            return published
        }
    }

    /// JP already claimed (pending or verified) this year by `nip` for `activity`: what its cap leaves.
    public func claimedJP(nip: String, year: Int32, activity: String) async throws -> Int64 {
        try await db.read { db in
            try Int64.fetchOne(
                db, sql: "SELECT COALESCE(SUM(jp), 0) FROM ledger_entry WHERE nip = ? AND year = ? AND activity_code = ? AND state IN (1, 2)",
                arguments: [nip, year, activity]) ?? 0
        }
    }

    /// Pending converted learning of `nips` not yet validated, oldest first (at most 1,000).
    public func awaitingValidation(nips: [String]) async throws -> [LedgerEntry] {
        guard !nips.isEmpty else { return [] }
        return try await db.read { db in
            try Row.fetchAll(
                db, sql: """
                    SELECT * FROM ledger_entry WHERE source = 2 AND state = 1 AND needs_validation = 1 AND validated_by = ''
                        AND nip IN (SELECT value FROM json_each(?)) ORDER BY create_time, id LIMIT 1000
                    """,
                arguments: [String(decoding: try JSONEncoder().encode(nips), as: UTF8.self)]).map(Self.ledgerEntry)
        }
    }

    public func ledgerEntry(id: String) async throws -> LedgerEntry? {
        try await db.read { db in
            try Row.fetchOne(db, sql: "SELECT * FROM ledger_entry WHERE id = ? AND source = 2", arguments: [id]).map(Self.ledgerEntry)
        }
    }

    /// The supervisor's (or head's) validation of converted learning, all entries or none: approving
    /// leaves them pending for BKPSDM; refusing rejects them with the reason. `mayValidate` is the
    /// caller's right over each entry's person (asked of identity before).
    public func validateOutsideLearning(ids: [String], approve: Bool, reason: String, by subject: String) async throws -> Int {
        let time = now()
        return try await write { db in
            for id in Set(ids) {
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM ledger_entry WHERE id = ? AND source = 2", arguments: [id]) else {
                    throw ProgramsError.notFound(.init(id: "catatan \(id) tidak ditemukan", en: "entry \(id) not found"))
                }
                guard row["state"] as Int == 1, row["needs_validation"] as Bool, (row["validated_by"] as String).isEmpty else {
                    throw ProgramsError.failedPrecondition(.init(
                        id: "catatan \(id) tidak menunggu validasi atasan", en: "entry \(id) is not waiting for a supervisor's validation"))
                }
                if approve {
                    try db.run(sql: "UPDATE ledger_entry SET validated_by = ?, validate_time = ? WHERE id = ?", arguments: [subject, time, id])
                } else {
                    try db.run(
                        sql: "UPDATE ledger_entry SET state = 3, verified_by = ?, reject_reason = ?, validate_time = ? WHERE id = ?",
                        arguments: [subject, reason, time, id])
                }
                if let entry = try Row.fetchOne(db, sql: "SELECT * FROM ledger_entry WHERE id = ?", arguments: [id]).map(Self.ledgerEntry) {
                    try Self.publish(db, ChangeKind.ledger, key: entry.nip, entry, time: time)
                }
            }
            return Set(ids).count
        }
    }
}
