-- A booking's mail is found by the prefix of its dedupe key (`reminder:<id>:%` for the
-- appointment page's history, `booking:<id>:%` and the others for the retention job). The
-- UNIQUE index serves LIKE prefixes only under the C collation (PGlite's); a PostgreSQL
-- server in C.UTF-8 or any other locale scanned the whole outbox (measured with EXPLAIN on
-- 20,000 rows: Seq Scan before, Index Only Scan after). text_pattern_ops serves them under any.
CREATE INDEX mail_outbox_dedupe_prefix_idx ON mail_outbox (dedupe_key text_pattern_ops);
