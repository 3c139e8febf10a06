import { ImportIssueSeverity } from '../../src/domain/enums';
import { Issue } from '../issues/issue.types';

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Progress lines only when stderr is a terminal. */
  progress: (s: string) => void;
}

export const processIo: CliIo = {
  out: (s) => process.stdout.write(`${s}\n`),
  err: (s) => process.stderr.write(`${s}\n`),
  progress: (s) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\x1b[2K${s}`);
  },
};

/** One line per issue, as a reporting public servant reads it (the message names sheet, row and column). */
export function formatIssue(i: Issue): string {
  const tag = i.severity === ImportIssueSeverity.ERROR ? 'ERROR' : 'AVISO';
  return `  ${tag} [${i.code}] ${i.message}`;
}
