-- Abuse-limit counters and Idempotency-Key results, shared by every process that serves the API.
-- Plain SQLite that D1 also accepts; IF NOT EXISTS so that applying it twice is harmless.

-- One row per bucket ('key:<api key id>', 'auth:<client address>'): a fixed window that starts at its first hit,
-- and the back-off blocks of the bucket. Times are epoch milliseconds.
CREATE TABLE IF NOT EXISTS rate_limits (
  bucket TEXT PRIMARY KEY,
  window_start INTEGER NOT NULL,
  count INTEGER NOT NULL,
  blocked_until INTEGER NOT NULL DEFAULT 0,
  strikes INTEGER NOT NULL DEFAULT 0,
  last_block INTEGER,
  -- After this nothing in the row matters any more: the window, the block and the memory of strikes have all ended.
  expires_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS rate_limits_expires ON rate_limits (expires_at);

-- Requests sent with an Idempotency-Key, per caller. The key itself is kept only as a SHA-256; the stored response
-- is encrypted with a key derived from it, so the table alone does not reveal a result (e.g. a new API key's secret).
CREATE TABLE IF NOT EXISTS idempotency_keys (
  scope TEXT NOT NULL,
  key_sha256 TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  owner TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('running', 'done')),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  lease_until INTEGER NOT NULL,
  response BLOB,
  PRIMARY KEY (scope, key_sha256)
);
CREATE INDEX IF NOT EXISTS idempotency_keys_expires ON idempotency_keys (expires_at);
