import { DataSource } from 'typeorm';
import { AnnualizationType, Periodicity } from '../../src/domain/enums';
import {
  GoalRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductRecord,
  ProgressReportRecord,
  SectorRecord,
} from '../../src/entities';

export interface PolicyFixture {
  policy: PolicyRecord;
  products: ProductRecord[];
}

/**
 * Inserts a policy with `products` products spread over 3 objectives and 3 entities in 2 sectors,
 * each with yearly goals and quarterly reports, directly through repositories (test data only).
 */
export async function insertPolicyFixture(ds: DataSource, code: string, products: number, startYear = 2024): Promise<PolicyFixture> {
  return ds.transaction(async (m) => {
    const sectors = await m.save(SectorRecord, [{ name: `${code} Salud` }, { name: `${code} Gobierno` }]);
    const entities = await m.save(
      OrgEntityRecord,
      [0, 1, 2].map((i) => m.create(OrgEntityRecord, { code: `${code}-E${i}`, name: `Entidad ${i}`, sectorId: sectors[i % 2]!.id })),
    );
    const policy = await m.save(
      PolicyRecord,
      m.create(PolicyRecord, { code, name: `Política ${code}`, startYear, vigencias: 2, leadEntityId: entities[0]!.id }),
    );
    const objectives = await m.save(
      ObjectiveRecord,
      [1, 2, 3].map((n) => m.create(ObjectiveRecord, { policyId: policy.id, number: n, text: `Objetivo ${n}` })),
    );
    const rows = Array.from({ length: products }, (_, i) =>
      m.create(ProductRecord, {
        policyId: policy.id,
        objectiveId: objectives[i % 3]!.id,
        code: `${(i % 3) + 1}.${i + 1}`,
        name: `Producto ${i + 1}`,
        indicator: `Indicador ${i + 1}`,
        annualizationType: AnnualizationType.SUMA,
        periodicity: Periodicity.TRIMESTRAL,
        responsibleEntityId: entities[i % 3]!.id,
      }),
    );
    const saved = await m.save(ProductRecord, rows, { chunk: 200 });
    const goals = saved.flatMap((p) =>
      [startYear, startYear + 1].map((year) => m.create(GoalRecord, { productId: p.id, year, period: '', value: 40 })),
    );
    await m.save(GoalRecord, goals, { chunk: 500 });
    const reports = saved.flatMap((p, i) =>
      ['T1', 'T2'].map((period, k) => m.create(ProgressReportRecord, { productId: p.id, year: startYear, period, value: (i % 7) + k * 3 })),
    );
    await m.save(ProgressReportRecord, reports, { chunk: 500 });
    return { policy, products: saved };
  });
}
