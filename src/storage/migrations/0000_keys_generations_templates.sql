-- The first tables: API keys, the generation audit log and template versions, in their shape before 0200 (which adds
-- api_keys.org). Node's store has created them since its first release, so there this file finds them and changes
-- nothing (IF NOT EXISTS); a new D1 database gets them from here. Plain SQLite that D1 also accepts.

CREATE TABLE IF NOT EXISTS api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('renderer', 'staff', 'maintainer', 'admin')),
  secret_sha256 TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;

CREATE TABLE IF NOT EXISTS generations (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  at TEXT NOT NULL,
  key_id TEXT REFERENCES api_keys(id),
  filing_id TEXT NOT NULL,
  format TEXT NOT NULL,
  locale TEXT NOT NULL,
  template_version TEXT,
  input_sha256 TEXT,
  output_sha256 TEXT,
  bytes INTEGER,
  ms REAL NOT NULL,
  outcome TEXT NOT NULL,
  findings TEXT NOT NULL DEFAULT '[]',
  draft INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE IF NOT EXISTS template_versions (
  filing_id TEXT NOT NULL,
  version TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_until TEXT,
  status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
  regulation_basis TEXT NOT NULL,
  docx_sha256 TEXT NOT NULL,
  html_sha256 TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('git', 'upload')),
  created_at TEXT NOT NULL,
  published_at TEXT,
  retired_at TEXT,
  PRIMARY KEY (filing_id, version)
) STRICT;
