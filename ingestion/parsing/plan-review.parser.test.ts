import { ImportKind } from '../../src/domain/enums';
import { ParsedPlan } from '../model/parsed-workbook.types';
import { planObjects, POLICY } from '../test-support/plan.fixture';
import { workbookOf } from '../test-support/workbook.builder';
import { parseWorkbook } from './workbook.parser';

describe("PLAN column 'Requiere revisión' (docs/review.md)", () => {
  it.each([
    ['empty: yes', undefined, true],
    ['Sí', 'Sí', true],
    ['X', 'X', true],
    ['No', 'No', false],
    ['0', 0, false],
    ['Si', 'Si', true],
  ] as [string, unknown, boolean][])('%s', (_name, cell, expected) => {
    const policy = cell === undefined ? POLICY : { ...POLICY, reviewRequired: cell as string };
    const parsed = parseWorkbook(workbookOf(ImportKind.PLAN, planObjects({ Politica: [policy] }))) as ParsedPlan;
    expect(parsed.issues).toEqual([]);
    expect(parsed.data.policy?.reviewRequired).toBe(expected);
  });
});
