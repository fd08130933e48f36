-- What a render's audit record also tells: the requests Chromium refused while printing it (a template that tried to
-- fetch is flagged by a non-empty list), and whether the document came from the render cache.
ALTER TABLE generations ADD COLUMN blocked_requests TEXT NOT NULL DEFAULT '[]';
ALTER TABLE generations ADD COLUMN cache_hit INTEGER NOT NULL DEFAULT 0;
