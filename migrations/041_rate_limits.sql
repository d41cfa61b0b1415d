-- Rate limits that hold across instances (decision 055): one fixed window per key (the client's
-- address, with the route for a route's own limit). Every limited request is one upsert ...
-- RETURNING of its row; windows that ended are deleted by a job every minute.
--
-- UNLOGGED: a counter is worth nothing after a crash (PostgreSQL empties an unlogged table when
-- it recovers) and a replica needs none of it, so it writes no WAL: the busiest table of the
-- installation costs the replica and the WAL archive nothing.
CREATE UNLOGGED TABLE rate_limit_window (
  key text PRIMARY KEY CHECK (length(key) <= 600),
  hits integer NOT NULL,
  ends_at timestamptz NOT NULL
);
