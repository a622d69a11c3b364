import GRDB

extension SpendLedger {
    /// `request` holds one row per paid request; `spend_day` the credits that count per local
    /// day, kept by triggers in the same transaction as the row, so the budget check reads at
    /// most 31 rows however long the history is.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE request (
                        id TEXT PRIMARY KEY NOT NULL, created DATETIME NOT NULL, day TEXT NOT NULL,
                        operation TEXT NOT NULL, mode TEXT NOT NULL, model TEXT NOT NULL, size TEXT NOT NULL,
                        quality TEXT NOT NULL, n INTEGER NOT NULL, credits INTEGER NOT NULL, usd DOUBLE NOT NULL,
                        state TEXT NOT NULL, images INTEGER NOT NULL, batch TEXT, line INTEGER, overBudget BOOLEAN NOT NULL
                    );
                    CREATE INDEX request_day ON request(day, model);
                    CREATE INDEX request_batch ON request(batch, line) WHERE batch IS NOT NULL;
                    CREATE TABLE spend_day (day TEXT PRIMARY KEY NOT NULL, credits INTEGER NOT NULL) WITHOUT ROWID;
                    CREATE TRIGGER request_counted AFTER INSERT ON request WHEN new.state != 'refused' BEGIN
                        INSERT INTO spend_day(day, credits) VALUES (new.day, new.credits)
                            ON CONFLICT(day) DO UPDATE SET credits = credits + excluded.credits;
                    END;
                    CREATE TRIGGER request_settled AFTER UPDATE OF state ON request
                        WHEN (old.state = 'refused') != (new.state = 'refused') BEGIN
                        INSERT INTO spend_day(day, credits)
                            VALUES (new.day, CASE WHEN new.state = 'refused' THEN -new.credits ELSE new.credits END)
                            ON CONFLICT(day) DO UPDATE SET credits = credits + excluded.credits;
                    END;
                    """
            )
        }
        // The runs of `pixterm batch`: which file content each run sends, so `--resume` finds
        // the latest run of a file and a second run of it gets the next number.
        migrator.registerMigration("v2") { db in
            try db.execute(
                sql: """
                    CREATE TABLE batch_run (
                        id TEXT PRIMARY KEY NOT NULL, content TEXT NOT NULL, number INTEGER NOT NULL,
                        path TEXT NOT NULL, lines INTEGER NOT NULL, created DATETIME NOT NULL,
                        UNIQUE(content, number)
                    );
                    """
            )
        }
        return migrator
    }
}
