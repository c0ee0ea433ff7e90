import BKProto
import Foundation
import BKStore
import GRDB

/// The programs database. Programs and sessions keep their nested parts (goals, audience, schedule,
/// facilitators) as the encoded message, with the columns that are filtered, counted or changed apart
/// (those columns win when a row is read).
enum ProgramsSchema {
    /// The built-in dictionary: the eight manajerial competencies and the one sosial-kultural
    /// (PermenPANRB 38/2017).
    static let builtInCompetencies: [(code: String, name: String, type: Int)] = [
        ("MNJ-INTEGRITAS", "Integritas", 2),
        ("MNJ-KERJA-SAMA", "Kerja Sama", 2),
        ("MNJ-KOMUNIKASI", "Komunikasi", 2),
        ("MNJ-ORIENTASI-HASIL", "Orientasi pada Hasil", 2),
        ("MNJ-PELAYANAN-PUBLIK", "Pelayanan Publik", 2),
        ("MNJ-PENGEMBANGAN-DIRI", "Pengembangan Diri dan Orang Lain", 2),
        ("MNJ-MENGELOLA-PERUBAHAN", "Mengelola Perubahan", 2),
        ("MNJ-PENGAMBILAN-KEPUTUSAN", "Pengambilan Keputusan", 2),
        ("SOSKUL-PEREKAT-BANGSA", "Perekat Bangsa", 3),
    ]

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("programs-1") { db in
            try db.execute(sql: """
                CREATE TABLE competency (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    type INTEGER NOT NULL,
                    agency_code TEXT NOT NULL DEFAULT '',
                    description TEXT NOT NULL DEFAULT '',
                    built_in INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE program (
                    code TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    jp INTEGER NOT NULL,
                    message BLOB NOT NULL,
                    create_time INTEGER NOT NULL,
                    update_time INTEGER NOT NULL
                );
                -- What ListPrograms filters on.
                CREATE TABLE program_agency (
                    program_code TEXT NOT NULL REFERENCES program(code) ON DELETE CASCADE,
                    agency_code TEXT NOT NULL,
                    PRIMARY KEY (program_code, agency_code)
                ) WITHOUT ROWID;
                CREATE TABLE program_competency (
                    program_code TEXT NOT NULL REFERENCES program(code) ON DELETE CASCADE,
                    competency_code TEXT NOT NULL REFERENCES competency(code),
                    level INTEGER NOT NULL,
                    PRIMARY KEY (program_code, competency_code)
                ) WITHOUT ROWID;
                CREATE INDEX program_competency_by_competency ON program_competency(competency_code);

                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL,
                    program_code TEXT NOT NULL REFERENCES program(code),
                    batch INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    capacity INTEGER NOT NULL,
                    first_day TEXT NOT NULL,
                    last_day TEXT NOT NULL,
                    cancel_reason TEXT NOT NULL DEFAULT '',
                    message BLOB NOT NULL,
                    create_time INTEGER NOT NULL,
                    update_time INTEGER NOT NULL,
                    UNIQUE (program_code, batch)
                );
                CREATE INDEX session_by_day ON session(first_day);
                CREATE TABLE session_day (
                    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    jp INTEGER NOT NULL,
                    PRIMARY KEY (session_id, date)
                ) WITHOUT ROWID;

                CREATE TABLE enrolment (
                    session_id TEXT NOT NULL REFERENCES session(id),
                    nip TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    source INTEGER NOT NULL,
                    requested_by TEXT NOT NULL,
                    -- Waitlist order: the order in which people joined it (a counter, never reused).
                    queue INTEGER NOT NULL DEFAULT 0,
                    eligibility_override TEXT NOT NULL DEFAULT '',
                    override_by TEXT NOT NULL DEFAULT '',
                    completion INTEGER NOT NULL DEFAULT 1,
                    attendance_percent REAL NOT NULL DEFAULT 0,
                    pre_test REAL NOT NULL DEFAULT -1,
                    post_test REAL NOT NULL DEFAULT -1,
                    certificate_number TEXT NOT NULL DEFAULT '',
                    program_code TEXT NOT NULL,
                    agency_code TEXT NOT NULL DEFAULT '',
                    cancel_reason TEXT NOT NULL DEFAULT '',
                    create_time INTEGER NOT NULL,
                    update_time INTEGER NOT NULL,
                    PRIMARY KEY (session_id, nip)
                ) WITHOUT ROWID;
                CREATE INDEX enrolment_by_nip ON enrolment(nip);
                CREATE INDEX enrolment_by_state ON enrolment(session_id, state, queue);

                CREATE TABLE attendance (
                    session_id TEXT NOT NULL,
                    nip TEXT NOT NULL,
                    date TEXT NOT NULL,
                    status INTEGER NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    marked_by TEXT NOT NULL,
                    update_time INTEGER NOT NULL,
                    PRIMARY KEY (session_id, nip, date),
                    FOREIGN KEY (session_id, nip) REFERENCES enrolment(session_id, nip),
                    FOREIGN KEY (session_id, date) REFERENCES session_day(session_id, date)
                ) WITHOUT ROWID;

                CREATE TABLE certificate (
                    number TEXT PRIMARY KEY NOT NULL,
                    year INTEGER NOT NULL,
                    sequence INTEGER NOT NULL,
                    nip TEXT NOT NULL,
                    session_id TEXT NOT NULL REFERENCES session(id),
                    program_code TEXT NOT NULL,
                    program_title TEXT NOT NULL,
                    jp INTEGER NOT NULL,
                    issue_date TEXT NOT NULL,
                    verification_code TEXT NOT NULL,
                    revoked INTEGER NOT NULL DEFAULT 0,
                    revoke_reason TEXT NOT NULL DEFAULT '',
                    UNIQUE (year, sequence),
                    UNIQUE (session_id, nip)
                );
                CREATE INDEX certificate_by_nip ON certificate(nip);
                -- The last number given per year: numbers are taken in the completing transaction, so a
                -- rolled-back completion leaves no gap.
                CREATE TABLE certificate_counter (year INTEGER PRIMARY KEY NOT NULL, last INTEGER NOT NULL);

                CREATE TABLE ledger_entry (
                    id TEXT PRIMARY KEY NOT NULL,
                    nip TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    source INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    session_id TEXT NOT NULL DEFAULT '',
                    provider TEXT NOT NULL DEFAULT '',
                    kind INTEGER NOT NULL DEFAULT 0,
                    jp INTEGER NOT NULL,
                    start_date TEXT NOT NULL,
                    end_date TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    evidence TEXT NOT NULL DEFAULT '',
                    reported_by TEXT NOT NULL DEFAULT '',
                    verified_by TEXT NOT NULL DEFAULT '',
                    reject_reason TEXT NOT NULL DEFAULT '',
                    create_time INTEGER NOT NULL
                );
                CREATE INDEX ledger_by_person ON ledger_entry(nip, year);
                -- Compliance sums a year's JP per person from this index alone.
                CREATE INDEX ledger_by_year ON ledger_entry(year, state, nip, jp);
                CREATE INDEX ledger_by_state ON ledger_entry(state, id);

                CREATE TABLE need (
                    id TEXT PRIMARY KEY NOT NULL,
                    nip TEXT NOT NULL,
                    competency_code TEXT NOT NULL REFERENCES competency(code),
                    priority INTEGER NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    proposed_by TEXT NOT NULL,
                    agency_code TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    program_code TEXT NOT NULL DEFAULT '',
                    create_time INTEGER NOT NULL
                );
                CREATE INDEX need_by_agency ON need(year, agency_code, competency_code);
                """)
            for competency in builtInCompetencies {
                try db.execute(
                    sql: "INSERT INTO competency (code, name, type, built_in) VALUES (?, ?, ?, 1)",
                    arguments: [competency.code, competency.name, competency.type])
            }
        }
        Outbox.registerMigration(&migrator, identifier: "programs-outbox")
        // The approval chain of requests (ASN → supervisor or agency head → BKPSDM) and duty letters.
        migrator.registerMigration("programs-2-approval-chain") { db in
            try db.execute(sql: """
                ALTER TABLE enrolment ADD COLUMN approval_stage INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE enrolment ADD COLUMN approver_nip TEXT NOT NULL DEFAULT '';
                ALTER TABLE enrolment ADD COLUMN supervisor_approved_by TEXT NOT NULL DEFAULT '';
                ALTER TABLE enrolment ADD COLUMN supervisor_approve_time INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE enrolment ADD COLUMN supervisor_note TEXT NOT NULL DEFAULT '';
                ALTER TABLE enrolment ADD COLUMN step_due_time INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE enrolment ADD COLUMN reminder_time INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE enrolment ADD COLUMN rejected_by TEXT NOT NULL DEFAULT '';
                ALTER TABLE enrolment ADD COLUMN duty_letter_number TEXT NOT NULL DEFAULT '';
                ALTER TABLE enrolment ADD COLUMN duty_letter_time INTEGER NOT NULL DEFAULT 0;
                -- Requests still in the chain, for the approvers' lists and the reminders.
                CREATE INDEX enrolment_pending ON enrolment(approval_stage, step_due_time) WHERE state = 1;
                CREATE TABLE duty_letter_counter (year INTEGER PRIMARY KEY, last INTEGER NOT NULL);
                """)
        }
        // LAN's conversion of non-classroom learning into JP: versioned tables; converted ledger lines
        // with their activity, units, evidence and the supervisor's validation.
        migrator.registerMigration("programs-3-jp-conversion") { db in
            try db.execute(sql: """
                CREATE TABLE jp_conversion (
                    version TEXT PRIMARY KEY NOT NULL,
                    effective_from TEXT NOT NULL,
                    -- The whole table as a serialized binakarier.programs.v1.JpConversionTable.
                    body BLOB NOT NULL
                );
                CREATE INDEX jp_conversion_by_date ON jp_conversion(effective_from);
                ALTER TABLE ledger_entry ADD COLUMN activity_code TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger_entry ADD COLUMN units REAL NOT NULL DEFAULT 0;
                ALTER TABLE ledger_entry ADD COLUMN conversion_version TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger_entry ADD COLUMN evidence_kinds TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger_entry ADD COLUMN needs_validation INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE ledger_entry ADD COLUMN validated_by TEXT NOT NULL DEFAULT '';
                ALTER TABLE ledger_entry ADD COLUMN validate_time INTEGER NOT NULL DEFAULT 0;
                """)
            try db.execute(
                sql: "INSERT INTO jp_conversion (version, effective_from, body) VALUES (?, ?, ?)",
                arguments: [JpConversion.builtIn.version, JpConversion.builtIn.effectiveFrom, Data(try JpConversion.builtIn.serializedBytes())])
        }
        // What each agency's SIASN export holds (ProgramsStore+Siasn).
        registerSiasn(&migrator)
        return migrator
    }
}
