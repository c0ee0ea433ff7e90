import GRDB

/// The identity database, one migration per change; never edit a migration that has shipped.
enum IdentitySchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE agency (
                    code TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    kind INTEGER NOT NULL,
                    head_nip TEXT REFERENCES employee(nip) DEFERRABLE INITIALLY DEFERRED,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL
                );
                CREATE TABLE unit (
                    agency_code TEXT NOT NULL REFERENCES agency(code),
                    code TEXT NOT NULL,
                    name TEXT NOT NULL,
                    head_nip TEXT REFERENCES employee(nip) DEFERRABLE INITIALLY DEFERRED,
                    PRIMARY KEY (agency_code, code)
                );
                CREATE TABLE employee (
                    nip TEXT PRIMARY KEY NOT NULL,
                    name TEXT NOT NULL,
                    asn_type INTEGER NOT NULL,
                    sex INTEGER NOT NULL,
                    birth_date TEXT NOT NULL,
                    service_start TEXT NOT NULL,
                    golongan INTEGER NOT NULL,
                    pppk_grade INTEGER NOT NULL,
                    job_level INTEGER NOT NULL,
                    position_title TEXT NOT NULL,
                    education INTEGER NOT NULL,
                    agency_code TEXT NOT NULL REFERENCES agency(code),
                    unit_code TEXT,
                    supervisor_nip TEXT REFERENCES employee(nip) DEFERRABLE INITIALLY DEFERRED,
                    status INTEGER NOT NULL,
                    created_at INTEGER NOT NULL,
                    updated_at INTEGER NOT NULL,
                    FOREIGN KEY (agency_code, unit_code) REFERENCES unit(agency_code, code)
                );
                CREATE INDEX employee_agency ON employee(agency_code, nip);
                CREATE INDEX employee_supervisor ON employee(supervisor_nip);
                CREATE INDEX agency_head ON agency(head_nip);
                CREATE INDEX unit_head ON unit(head_nip);
                CREATE TABLE account (
                    username TEXT PRIMARY KEY NOT NULL,
                    nip TEXT UNIQUE REFERENCES employee(nip),
                    display_name TEXT NOT NULL,
                    password_hash TEXT NOT NULL,
                    roles TEXT NOT NULL,
                    disabled INTEGER NOT NULL DEFAULT 0,
                    failed_logins INTEGER NOT NULL DEFAULT 0,
                    locked_until INTEGER NOT NULL DEFAULT 0,
                    created_at INTEGER NOT NULL
                );
                CREATE TABLE revoked_token (
                    token_id TEXT PRIMARY KEY NOT NULL,
                    revoked_at INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                );
                """)
        }
        // Token epochs: raised when an account's roles, password or status change or it is deleted; tokens
        // issued with a lower epoch are refused. Kept apart from `account` so a deleted and re-created
        // username never gets its old tokens back.
        migrator.registerMigration("v2-token-epochs") { db in
            try db.execute(sql: """
                CREATE TABLE account_epoch (
                    subject TEXT PRIMARY KEY NOT NULL,
                    epoch INTEGER NOT NULL,
                    changed_at INTEGER NOT NULL
                );
                CREATE INDEX account_epoch_changed ON account_epoch(changed_at);
                """)
        }
        // The token feed other daemons follow: every revoked token and every raised epoch, numbered in
        // commit order (one writer at a time), so a follower's cursor never skips a late commit.
        migrator.registerMigration("v3-token-feed") { db in
            try db.execute(sql: """
                CREATE TABLE token_feed (
                    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
                    token_id TEXT,
                    expires_at INTEGER,
                    subject TEXT,
                    epoch INTEGER,
                    changed_at INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX token_feed_subject ON token_feed(subject);
                INSERT INTO token_feed (token_id, expires_at, changed_at) SELECT token_id, expires_at, revoked_at FROM revoked_token ORDER BY revoked_at;
                INSERT INTO token_feed (subject, epoch, changed_at) SELECT subject, epoch, changed_at FROM account_epoch ORDER BY changed_at;
                DROP TABLE revoked_token;
                """)
        }
        return migrator
    }
}
