// What the retention job needs of the database: the drafts whose history can be thinned, thinning one, and pruning
// the records that only grow (reminder runs, and the audit log when a period is set).

/** The revisions of a draft that are kept however old they are, besides those saved at or after `keepAfter`. */
export interface RevisionThinning {
  /** ISO 8601: every revision saved at or after this is kept. */
  keepAfter: string;
  /** The latest saved revisions of a draft, kept whatever their age. */
  keepLatest: number;
  /** At most so many revisions are deleted by this call. */
  maxRows: number;
}

export interface RetentionStore {
  /**
   * Drafts that have revisions saved before `keepAfter` which crossed it since their history was last thinned,
   * least recently thinned first, at most `limit`.
   */
  draftsToThin(keepAfter: string, limit: number): Promise<string[]>;
  /**
   * Deletes up to maxRows revisions of the draft older than keepAfter, except the last of each day (China time), those
   * a final generation was made from or a refused save (409) was based on, the refused saves themselves, and the
   * latest keepLatest; returns how many it deleted.
   */
  thinDraft(draftId: string, o: RevisionThinning): Promise<number>;
  /** Records that the draft's history is thinned up to keepAfter. */
  markThinned(draftId: string, keepAfter: string): Promise<void>;
  /** Deletes up to maxRows records of reminder runs made before `before` (ISO 8601); how many. */
  pruneReminderRuns(before: string, maxRows: number): Promise<number>;
  /** Deletes audit records made before `before`, among the oldest maxRows; how many. */
  pruneAuditLog(before: string, maxRows: number): Promise<number>;
}
