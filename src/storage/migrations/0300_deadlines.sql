-- Deadline reminders and their delivery: a lease so one process runs the job at a time, a record of each run, the
-- outbox of reminders (one row per project, obligation and stage), webhook receivers with their signing secrets, one
-- delivery per reminder and receiver (its id is the webhook-id, stable across retries), and calendar feed tokens.
-- Plain SQLite that D1 also accepts. Instants the job compares are epoch milliseconds; the rest ISO 8601 (UTC).

CREATE TABLE scheduler_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at INTEGER NOT NULL
);

CREATE TABLE reminder_runs (
  id TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  ran_at TEXT NOT NULL,
  -- The day in China the run reckoned with.
  today TEXT NOT NULL,
  reminders INTEGER NOT NULL
);
CREATE INDEX reminder_runs_at ON reminder_runs (ran_at);

-- The outbox: written once per key, in the batch that records the run.
CREATE TABLE reminders (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  org TEXT NOT NULL,
  obligation_id TEXT NOT NULL,
  -- `<offset days>@<due date>`: a due date that moves starts its stages afresh.
  stage TEXT NOT NULL,
  due TEXT NOT NULL,
  payload TEXT NOT NULL,
  run_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  UNIQUE (project_id, obligation_id, stage)
);
CREATE INDEX reminders_run ON reminders (run_id);

-- Secrets are kept as given (whsec_…): they are needed to sign. The previous one stays valid during a rotation.
CREATE TABLE webhook_receivers (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  -- NULL: the reminders of every organisation.
  org TEXT,
  description TEXT NOT NULL,
  secret TEXT NOT NULL,
  previous_secret TEXT,
  previous_until INTEGER,
  status TEXT NOT NULL CHECK (status IN ('active', 'disabled')),
  disabled_reason TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT
);

CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  reminder_id TEXT NOT NULL REFERENCES reminders(id) ON DELETE CASCADE,
  receiver_id TEXT NOT NULL REFERENCES webhook_receivers(id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  claimed_by TEXT,
  claimed_until INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at TEXT NOT NULL,
  finished_at TEXT,
  UNIQUE (reminder_id, receiver_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);

-- A feed's secret URL: only the SHA-256 of its token is kept; one live token per feed, a rotation replaces it.
CREATE TABLE calendar_feeds (
  token_sha256 TEXT PRIMARY KEY,
  scope TEXT NOT NULL CHECK (scope IN ('project', 'org')),
  target TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  UNIQUE (scope, target)
);
