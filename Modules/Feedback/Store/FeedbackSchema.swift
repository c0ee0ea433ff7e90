import BKStore
import GRDB

/// The feedback database. Anonymity is a property of this schema: `participation` says who has answered
/// a campaign (to refuse a second answer and to count), `response` holds what was answered, and for an
/// anonymous campaign nothing links a row of one to a row of the other. A response's key is random, so
/// its place in the table says nothing of when it came; it carries no time and no respondent; the two
/// rows are written in one transaction (nothing lost), whose trace in the write-ahead log is
/// checkpointed away at once (see the module README for the threat model).
enum FeedbackSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("feedback-1") { db in
            try db.execute(sql: """
                CREATE TABLE instrument (
                    code TEXT NOT NULL,
                    version INTEGER NOT NULL,
                    purpose INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    message BLOB NOT NULL,
                    create_time INTEGER NOT NULL,
                    PRIMARY KEY (code, version)
                ) WITHOUT ROWID;

                CREATE TABLE campaign (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    instrument_code TEXT NOT NULL,
                    instrument_version INTEGER NOT NULL,
                    purpose INTEGER NOT NULL,
                    anonymous INTEGER NOT NULL,
                    state INTEGER NOT NULL,
                    origin INTEGER NOT NULL,
                    audience_kind INTEGER NOT NULL,
                    session_id TEXT NOT NULL DEFAULT '',
                    dialogue_id TEXT NOT NULL DEFAULT '',
                    program_code TEXT NOT NULL DEFAULT '',
                    agency_code TEXT NOT NULL DEFAULT '',
                    unit_code TEXT NOT NULL DEFAULT '',
                    open_time INTEGER NOT NULL,
                    close_time INTEGER NOT NULL,
                    wave_days INTEGER NOT NULL DEFAULT 0,
                    opened_by TEXT NOT NULL,
                    -- Weak results were looked at (once, when it closed).
                    reviewed INTEGER NOT NULL DEFAULT 0,
                    FOREIGN KEY (instrument_code, instrument_version) REFERENCES instrument(code, version)
                );
                CREATE INDEX campaign_by_session ON campaign(session_id, purpose);
                CREATE INDEX campaign_by_program ON campaign(program_code, purpose);
                CREATE INDEX campaign_by_agency ON campaign(agency_code, purpose, open_time);
                CREATE INDEX campaign_by_state ON campaign(state, close_time);

                -- Who may answer; for supervisor follow-ups, about whom.
                CREATE TABLE campaign_audience (
                    campaign_id TEXT NOT NULL REFERENCES campaign(id),
                    respondent_nip TEXT NOT NULL,
                    subject_nip TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (campaign_id, respondent_nip, subject_nip)
                ) WITHOUT ROWID;
                CREATE INDEX audience_by_respondent ON campaign_audience(respondent_nip);

                -- Who has answered (never what).
                CREATE TABLE participation (
                    campaign_id TEXT NOT NULL REFERENCES campaign(id),
                    respondent_nip TEXT NOT NULL,
                    subject_nip TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (campaign_id, respondent_nip, subject_nip)
                ) WITHOUT ROWID;
                CREATE INDEX participation_by_respondent ON participation(respondent_nip);

                -- What was answered. Anonymous campaigns: respondent and subject empty, no time.
                CREATE TABLE response (
                    id TEXT PRIMARY KEY NOT NULL,
                    campaign_id TEXT NOT NULL REFERENCES campaign(id),
                    respondent_nip TEXT NOT NULL DEFAULT '',
                    subject_nip TEXT NOT NULL DEFAULT '',
                    score REAL,
                    receipt_hash TEXT NOT NULL,
                    answers BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX response_by_campaign ON response(campaign_id);
                CREATE INDEX response_by_respondent ON response(respondent_nip) WHERE respondent_nip != '';

                -- Campaigns to open, from programs' feed: each once (the key), when due.
                CREATE TABLE schedule (
                    key TEXT PRIMARY KEY NOT NULL,
                    due_time INTEGER NOT NULL,
                    purpose INTEGER NOT NULL,
                    session_id TEXT NOT NULL,
                    wave_days INTEGER NOT NULL DEFAULT 0,
                    -- 0 waiting, 1 opened, 2 not needed (the program does not ask for it), 3 cancelled
                    state INTEGER NOT NULL DEFAULT 0,
                    campaign_id TEXT NOT NULL DEFAULT '',
                    note TEXT NOT NULL DEFAULT ''
                ) WITHOUT ROWID;
                CREATE INDEX schedule_due ON schedule(state, due_time);

                -- Test results owed to programs (RecordAssessment), sent and then removed.
                CREATE TABLE assessment_outbox (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    session_id TEXT NOT NULL,
                    nip TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    score REAL NOT NULL
                );

                CREATE TABLE dialogue (
                    id TEXT PRIMARY KEY NOT NULL,
                    agency_code TEXT NOT NULL,
                    unit_code TEXT NOT NULL DEFAULT '',
                    topic TEXT NOT NULL,
                    date TEXT NOT NULL,
                    time TEXT NOT NULL DEFAULT '',
                    venue TEXT NOT NULL DEFAULT '',
                    leader_nip TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    summary TEXT NOT NULL DEFAULT '',
                    create_time INTEGER NOT NULL
                );
                CREATE INDEX dialogue_by_agency ON dialogue(agency_code, date);
                CREATE TABLE aspiration (
                    id TEXT PRIMARY KEY NOT NULL,
                    dialogue_id TEXT NOT NULL REFERENCES dialogue(id),
                    category TEXT NOT NULL,
                    text TEXT NOT NULL,
                    anonymous INTEGER NOT NULL,
                    author_nip TEXT NOT NULL DEFAULT '',
                    answer TEXT NOT NULL DEFAULT '',
                    answered_by TEXT NOT NULL DEFAULT '',
                    action_id TEXT NOT NULL DEFAULT ''
                ) WITHOUT ROWID;
                CREATE INDEX aspiration_by_dialogue ON aspiration(dialogue_id);
                CREATE TABLE support (
                    aspiration_id TEXT NOT NULL REFERENCES aspiration(id),
                    nip TEXT NOT NULL,
                    PRIMARY KEY (aspiration_id, nip)
                ) WITHOUT ROWID;
                CREATE TABLE direction (
                    id TEXT PRIMARY KEY NOT NULL,
                    dialogue_id TEXT NOT NULL REFERENCES dialogue(id),
                    text TEXT NOT NULL,
                    given_by TEXT NOT NULL,
                    action_id TEXT NOT NULL DEFAULT '',
                    create_time INTEGER NOT NULL
                );
                CREATE INDEX direction_by_dialogue ON direction(dialogue_id);

                CREATE TABLE action (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    source INTEGER NOT NULL,
                    source_id TEXT NOT NULL DEFAULT '',
                    agency_code TEXT NOT NULL,
                    owner_nip TEXT NOT NULL,
                    due_date TEXT NOT NULL,
                    state INTEGER NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    evidence TEXT NOT NULL DEFAULT '',
                    created_by TEXT NOT NULL,
                    create_time INTEGER NOT NULL,
                    close_time INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX action_by_agency ON action(agency_code, state, due_date);
                CREATE INDEX action_by_owner ON action(owner_nip, state);
                CREATE INDEX action_by_source ON action(source_id);
                CREATE TABLE action_note (
                    action_id TEXT NOT NULL REFERENCES action(id),
                    time_unix INTEGER NOT NULL,
                    text TEXT NOT NULL,
                    by TEXT NOT NULL
                );
                CREATE INDEX action_note_by_action ON action_note(action_id, time_unix);
                """)
        }
        Outbox.registerMigration(&migrator, identifier: "feedback-outbox")
        // Results from running counts: a result costs the same for 10 responses or 100,000, and holds
        // nothing but aggregates. `value` is the score, the choice's index, or before × 10 + after; -1
        // counts the responses that answered the question; `total` sums numbers.
        migrator.registerMigration("feedback-2-tallies") { db in
            try db.execute(sql: """
                CREATE TABLE tally (
                    campaign_id TEXT NOT NULL,
                    question_id TEXT NOT NULL,
                    facilitator TEXT NOT NULL DEFAULT '',
                    value INTEGER NOT NULL,
                    count INTEGER NOT NULL,
                    total REAL NOT NULL DEFAULT 0,
                    PRIMARY KEY (campaign_id, question_id, facilitator, value)
                ) WITHOUT ROWID;
                -- Free text apart, under a random key (its order says nothing of when it came).
                CREATE TABLE answer_text (
                    campaign_id TEXT NOT NULL,
                    id TEXT NOT NULL,
                    question_id TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (campaign_id, id)
                ) WITHOUT ROWID;
                """)
        }
        ChangeFeedConsumer.registerMigration(&migrator, identifier: "feedback-feed-cursors")
        // Receipts apart from the answers: a receipt proves that an answer was counted, not which.
        migrator.registerMigration("feedback-3-receipts") { db in
            try db.execute(sql: "CREATE TABLE receipt (campaign_id TEXT NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (campaign_id, hash)) WITHOUT ROWID")
        }
        // Anonymous aspirations by receipt (its hash only: the author holds the receipt), and moderation:
        // 1 shown, 2 held, 3 released, 4 removed; who reported what (reporters are not anonymous).
        migrator.registerMigration("feedback-dialogue-moderation") { db in
            try db.execute(sql: """
                ALTER TABLE aspiration ADD COLUMN receipt_hash TEXT NOT NULL DEFAULT '';
                ALTER TABLE aspiration ADD COLUMN moderation INTEGER NOT NULL DEFAULT 1;
                ALTER TABLE aspiration ADD COLUMN moderation_reason TEXT NOT NULL DEFAULT '';
                ALTER TABLE aspiration ADD COLUMN moderated_by TEXT NOT NULL DEFAULT '';
                CREATE INDEX aspiration_by_receipt ON aspiration(receipt_hash) WHERE receipt_hash != '';
                CREATE INDEX aspiration_by_moderation ON aspiration(moderation, dialogue_id);
                CREATE TABLE aspiration_report (
                    aspiration_id TEXT NOT NULL REFERENCES aspiration(id),
                    nip TEXT NOT NULL,
                    reason TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (aspiration_id, nip)
                ) WITHOUT ROWID;
                """)
        }
        // IKM as service units run it: each unit's counters (loket), named on its posters.
        migrator.registerMigration("feedback-ikm-counters") { db in
            try db.execute(sql: """
                CREATE TABLE service_counter (
                    agency_code TEXT NOT NULL,
                    unit_code TEXT NOT NULL,
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (agency_code, unit_code, code)
                ) WITHOUT ROWID;
                """)
        }
        // Change projects (aksi perubahan) of leadership training: the project as one message (its
        // milestones and comments inside), with the columns lists and access are decided by.
        migrator.registerMigration("feedback-change-projects") { db in
            try db.execute(sql: """
                CREATE TABLE change_project (
                    id TEXT PRIMARY KEY NOT NULL,
                    session_id TEXT NOT NULL,
                    program_code TEXT NOT NULL,
                    participant_nip TEXT NOT NULL,
                    mentor_nip TEXT NOT NULL,
                    coach_nip TEXT NOT NULL DEFAULT '',
                    agency_code TEXT NOT NULL,
                    awaiting_review INTEGER NOT NULL DEFAULT 0,
                    message BLOB NOT NULL,
                    create_time INTEGER NOT NULL,
                    update_time INTEGER NOT NULL,
                    UNIQUE (session_id, participant_nip)
                ) WITHOUT ROWID;
                CREATE INDEX change_project_by_mentor ON change_project(mentor_nip, awaiting_review);
                CREATE INDEX change_project_by_participant ON change_project(participant_nip);
                CREATE INDEX change_project_by_coach ON change_project(coach_nip) WHERE coach_nip != '';
                CREATE INDEX change_project_by_program ON change_project(program_code);
                CREATE INDEX change_project_by_agency ON change_project(agency_code);
                """)
        }
        return migrator
    }
}
