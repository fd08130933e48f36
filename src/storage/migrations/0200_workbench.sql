-- The staff workbench: organisations on API keys, projects, drafts with their history, finals, browser sessions.
-- Plain SQLite that D1 also accepts. JSON documents are stored as text; times are ISO 8601 strings (UTC).

-- Keys made before organisations existed belong to the default one.
ALTER TABLE api_keys ADD COLUMN org TEXT NOT NULL DEFAULT 'default';

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  org TEXT NOT NULL,
  title TEXT NOT NULL,
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
CREATE INDEX projects_org ON projects (org, updated_at);

-- save_token: written by the save that last won, so the history row of a save is added only by that save.
CREATE TABLE drafts (
  id TEXT PRIMARY KEY,
  project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  filing_id TEXT NOT NULL,
  title TEXT NOT NULL,
  data TEXT NOT NULL,
  revision INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'final')),
  save_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT
);
CREATE INDEX drafts_project ON drafts (project_id, created_at);

-- Every saved version of a draft (an autosave burst of one person is one row), and every refused stale save.
CREATE TABLE draft_revisions (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  revision INTEGER,
  based_on INTEGER,
  kind TEXT NOT NULL CHECK (kind IN ('create', 'save', 'autosave', 'import', 'restore', 'conflict')),
  data TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  saved_by TEXT
);
CREATE INDEX draft_revisions_draft ON draft_revisions (draft_id, seq);

-- A final generation keeps the exact input and template version it was made with.
CREATE TABLE draft_finals (
  id TEXT PRIMARY KEY,
  draft_id TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
  project_id TEXT NOT NULL,
  filing_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  locale TEXT NOT NULL,
  input TEXT NOT NULL,
  input_sha256 TEXT NOT NULL,
  template_version TEXT NOT NULL,
  documents TEXT NOT NULL,
  generated_at TEXT NOT NULL,
  key_id TEXT
);
CREATE INDEX draft_finals_draft ON draft_finals (draft_id, generated_at);

-- Signed-in browsers; the cookie's value is kept only as its SHA-256.
CREATE TABLE sessions (
  id_sha256 TEXT PRIMARY KEY,
  key_id TEXT NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires_at);
