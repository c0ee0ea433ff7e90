import BKStore
import GRDB

/// The reporting database. Three kinds of tables:
/// - the replica of what other services serve (people, agencies, programs, sessions, enrolments, JP
///   ledger lines, campaigns with their aggregate results, dialogues, action items), replaced or
///   upserted by the sync from the sources' feeds and lists: never edited here;
/// - the outcome data this service owns (SKP, discipline, outside IKM), from CSV imports;
/// - published reports, frozen with their hash.
/// No answer of any respondent is stored here: only the aggregates feedback computes.
enum ReportingSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("reporting-v1") { db in
            try db.execute(sql: """
                CREATE TABLE person (
                    nip TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, asn_type INTEGER NOT NULL, sex INTEGER NOT NULL,
                    golongan INTEGER NOT NULL, pppk_grade INTEGER NOT NULL, job_level INTEGER NOT NULL,
                    education INTEGER NOT NULL, agency TEXT NOT NULL, unit TEXT NOT NULL, supervisor TEXT NOT NULL,
                    status INTEGER NOT NULL, position TEXT NOT NULL, service_start TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX person_agency ON person (agency, unit);
                CREATE INDEX person_supervisor ON person (supervisor);
                CREATE TABLE agency (code TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL, head_nip TEXT NOT NULL) WITHOUT ROWID;
                CREATE TABLE unit (
                    agency TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL, head_nip TEXT NOT NULL,
                    PRIMARY KEY (agency, code)
                ) WITHOUT ROWID;
                CREATE TABLE program (
                    code TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, kind INTEGER NOT NULL, jp INTEGER NOT NULL,
                    cost_rupiah INTEGER NOT NULL, organizer TEXT NOT NULL, fetched INTEGER NOT NULL DEFAULT 0
                ) WITHOUT ROWID;
                CREATE TABLE session (
                    id TEXT PRIMARY KEY NOT NULL, program_code TEXT NOT NULL, state INTEGER NOT NULL,
                    first_day TEXT NOT NULL, last_day TEXT NOT NULL, year INTEGER NOT NULL, quarter INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX session_year ON session (year, program_code);
                CREATE TABLE enrolment (
                    session_id TEXT NOT NULL, nip TEXT NOT NULL, program_code TEXT NOT NULL, agency TEXT NOT NULL,
                    state INTEGER NOT NULL, completion INTEGER NOT NULL, attendance REAL NOT NULL,
                    pre_test REAL NOT NULL, post_test REAL NOT NULL, certificate TEXT NOT NULL,
                    PRIMARY KEY (session_id, nip)
                ) WITHOUT ROWID;
                CREATE INDEX enrolment_nip ON enrolment (nip);
                CREATE INDEX enrolment_program ON enrolment (program_code);
                CREATE TABLE ledger_line (
                    id TEXT PRIMARY KEY NOT NULL, nip TEXT NOT NULL, year INTEGER NOT NULL, source INTEGER NOT NULL,
                    kind INTEGER NOT NULL, jp INTEGER NOT NULL, state INTEGER NOT NULL, title TEXT NOT NULL,
                    session_id TEXT NOT NULL, end_date TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX ledger_nip ON ledger_line (nip, year);
                -- Covering: a year's JP per person, and its learning, without a lookup per line.
                CREATE INDEX ledger_year ON ledger_line (year, state, nip, jp, kind, title);
                CREATE TABLE campaign (
                    id TEXT PRIMARY KEY NOT NULL, purpose INTEGER NOT NULL, program_code TEXT NOT NULL,
                    session_id TEXT NOT NULL, agency TEXT NOT NULL, unit TEXT NOT NULL, anonymous INTEGER NOT NULL,
                    open_time INTEGER NOT NULL, close_time INTEGER NOT NULL, state INTEGER NOT NULL,
                    audience_size INTEGER NOT NULL, responses INTEGER NOT NULL, wave_days INTEGER NOT NULL,
                    results BLOB, results_stale INTEGER NOT NULL DEFAULT 1
                ) WITHOUT ROWID;
                CREATE INDEX campaign_program ON campaign (program_code, purpose);
                CREATE INDEX campaign_stale ON campaign (results_stale) WHERE results_stale = 1;
                -- Feedback's own results of a program's campaigns of one purpose in one year (what GetResults
                -- sums, with its rules for groups under k), refreshed when one of them changes.
                CREATE TABLE program_result (
                    program_code TEXT NOT NULL, year INTEGER NOT NULL, purpose INTEGER NOT NULL,
                    results BLOB, stale INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (program_code, year, purpose)
                ) WITHOUT ROWID;
                CREATE TABLE dialogue (
                    id TEXT PRIMARY KEY NOT NULL, agency TEXT NOT NULL, unit TEXT NOT NULL, date TEXT NOT NULL,
                    state INTEGER NOT NULL, aspirations INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE action_item (
                    id TEXT PRIMARY KEY NOT NULL, title TEXT NOT NULL, agency TEXT NOT NULL, source INTEGER NOT NULL,
                    source_id TEXT NOT NULL, state INTEGER NOT NULL, due_date TEXT NOT NULL, create_time INTEGER NOT NULL,
                    close_time INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX action_agency ON action_item (agency);

                CREATE TABLE skp (
                    nip TEXT NOT NULL, year INTEGER NOT NULL, work INTEGER NOT NULL, behaviour INTEGER NOT NULL,
                    predicate INTEGER NOT NULL, PRIMARY KEY (nip, year)
                ) WITHOUT ROWID;
                CREATE INDEX skp_year ON skp (year, nip, predicate);
                CREATE TABLE discipline (
                    nip TEXT NOT NULL, year INTEGER NOT NULL, level INTEGER NOT NULL, kind TEXT NOT NULL, decree TEXT NOT NULL,
                    agency TEXT NOT NULL
                );
                CREATE INDEX discipline_nip ON discipline (nip, year);
                -- The years (and agencies, '' for the whole city) a discipline file covered: a person of a
                -- covered agency and year without a row had no sanction.
                CREATE TABLE discipline_year (year INTEGER NOT NULL, agency TEXT NOT NULL, PRIMARY KEY (year, agency)) WITHOUT ROWID;
                CREATE TABLE outside_ikm (
                    agency TEXT NOT NULL, unit TEXT NOT NULL, year INTEGER NOT NULL, semester INTEGER NOT NULL,
                    respondents INTEGER NOT NULL, nrr TEXT NOT NULL, ikm REAL NOT NULL,
                    PRIMARY KEY (agency, unit, year, semester)
                ) WITHOUT ROWID;

                CREATE TABLE published_report (
                    id TEXT PRIMARY KEY NOT NULL, kind INTEGER NOT NULL, scope TEXT NOT NULL, year INTEGER NOT NULL,
                    quarter INTEGER NOT NULL, title TEXT NOT NULL, sha256 TEXT NOT NULL, report BLOB NOT NULL,
                    publish_time INTEGER NOT NULL, published_by TEXT NOT NULL, agency TEXT NOT NULL,
                    programs_sequence INTEGER NOT NULL, feedback_sequence INTEGER NOT NULL, identity_synced INTEGER NOT NULL,
                    outcome_version INTEGER NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX published_order ON published_report (publish_time DESC, id DESC);
                -- Sessions whose attendance moved: their enrolments' shares are read again.
                CREATE TABLE session_refresh (id TEXT PRIMARY KEY NOT NULL) WITHOUT ROWID;

                -- Counters: the outcome data's version (raised by every import) and the last identity sync.
                CREATE TABLE sync_state (key TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL, text TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
                """)
        }
        ChangeFeedConsumer.registerMigration(&migrator)
        ChangeProjectEvidence.registerMigration(&migrator)
        return migrator
    }
}
