import { EntityManager } from 'typeorm';
import { UpsertOutcome } from './row-upsert.writer';

/** What one workbook's import did, summed over its main rows. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ImportContext {
  m: EntityManager;
  batchId: number;
  /** Uploaded by the planning office (ADMIN, inbox, CLI); an entity's upload may add entities but not change them. */
  planningOffice: boolean;
  /**
   * Policies whose figures this import may change (their rows, or the sector of an entity responsible for
   * their products): the pipeline bumps their data versions once, at the end of the transaction.
   */
  changedPolicies: Set<number>;
}

export function emptyCounts(): ImportCounts {
  return { inserted: 0, updated: 0, unchanged: 0 };
}

export function addCounts(c: ImportCounts, o: Pick<UpsertOutcome, 'inserted' | 'updated' | 'unchanged'>): void {
  c.inserted += o.inserted;
  c.updated += o.updated;
  c.unchanged += o.unchanged;
}
