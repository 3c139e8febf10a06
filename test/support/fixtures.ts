import { DataSource } from 'typeorm';
import { AnnualizationType, Periodicity } from '../../src/domain/enums';
import {
  GoalRecord,
  ObjectiveRecord,
  OrgEntityRecord,
  PolicyRecord,
  ProductRecord,
  ProgressReportRecord,
  ResultGoalRecord,
  ResultRecord,
  ResultReportRecord,
  SectorRecord,
} from '../../src/entities';

export interface PolicyFixture {
  policy: PolicyRecord;
  products: ProductRecord[];
}

/**
 * Inserts a policy with `products` products spread over 3 objectives and 3 entities in 2 sectors,
 * each with yearly goals and quarterly reports, and one result (resultado) per 10 products with its
 * own goals and a report, directly through repositories (test data only).
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
    const results = await m.save(
      ResultRecord,
      Array.from({ length: Math.ceil(products / 10) }, (_, k) =>
        m.create(ResultRecord, {
          policyId: policy.id,
          objectiveId: objectives[k % 3]!.id,
          code: `R${k + 1}`,
          name: `Resultado ${k + 1}`,
          indicator: `Indicador de resultado ${k + 1}`,
          annualizationType: AnnualizationType.CRECIENTE,
          periodicity: Periodicity.ANUAL,
          baselineValue: 10,
          responsibleEntityId: entities[k % 3]!.id,
        }),
      ),
      { chunk: 200 },
    );
    await m.save(
      ResultGoalRecord,
      results.flatMap((r) =>
        [startYear, startYear + 1].map((year, k) => m.create(ResultGoalRecord, { resultId: r.id, year, period: '', value: 20 + 10 * k })),
      ),
      { chunk: 500 },
    );
    await m.save(
      ResultReportRecord,
      results.map((r, k) => m.create(ResultReportRecord, { resultId: r.id, year: startYear, period: 'ANUAL', value: 12 + (k % 9) })),
      { chunk: 500 },
    );
    const rows = Array.from({ length: products }, (_, i) =>
      m.create(ProductRecord, {
        policyId: policy.id,
        objectiveId: objectives[i % 3]!.id,
        // a result of the same objective (results k serve objective k % 3); some products have none
        resultId: results[(i % 3) + 3 * Math.floor(i / 30)]?.id ?? null,
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
