-- Thinning the draft history (src/usecases/retention.ts): each draft records the cutoff its history was last thinned
-- up to, and the index finds the drafts with revisions that have crossed the cutoff since, one seek per draft.
-- Plain SQLite that D1 also accepts.
ALTER TABLE drafts ADD COLUMN history_kept_after TEXT NOT NULL DEFAULT '';
CREATE INDEX draft_revisions_saved ON draft_revisions (draft_id, saved_at);
