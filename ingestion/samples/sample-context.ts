/**
 * A ValidationContext that accumulates what importing a sequence of parsed workbooks would have
 * stored (entities, policies with their products and reports, instances with their sessions), so
 * each workbook can be validated as the import step would see it on a database that started empty.
 * Pure: plain maps, no database.
 */
import { ImportKind } from '../../src/domain/enums';
import { ParsedWorkbook } from '../model/parsed-workbook.types';
import { reportValue } from '../parsing/percent.rules';
import {
  createValidationContext,
  reportPeriodKey,
  StoredInstance,
  StoredPolicy,
  StoredProduct,
  ValidationContext,
} from '../validation/validation.context';

interface MutableProduct extends StoredProduct {
  readonly reports: Map<string, number>;
}
interface MutablePolicy extends StoredPolicy {
  readonly products: Map<string, MutableProduct>;
}

export class AccumulatedContext {
  private readonly entityCodes = new Set<string>();
  private readonly policies = new Map<string, MutablePolicy>();
  private readonly instances = new Map<string, StoredInstance>();

  /** The context for the next workbook: everything stored so far (no uploader: an administrator's import). */
  context(): ValidationContext {
    return createValidationContext({
      entityCodes: new Set(this.entityCodes),
      policies: new Map(this.policies),
      instances: new Map(this.instances),
    });
  }

  /** Records what importing `parsed` stores (call only for a workbook without errors). */
  store(parsed: ParsedWorkbook): void {
    switch (parsed.kind) {
      case ImportKind.PLAN: {
        const { policy, entities, products } = parsed.data;
        entities.forEach((e) => this.entityCodes.add(e.code));
        if (!policy) return;
        const before = this.policies.get(policy.code);
        this.policies.set(policy.code, {
          code: policy.code,
          startYear: policy.startYear,
          vigencias: policy.vigencias,
          leadEntityCode: policy.leadEntityCode ?? before?.leadEntityCode ?? null,
          products: new Map(
            products.map((p) => [
              p.code,
              {
                code: p.code,
                unit: p.unit,
                annualizationType: p.annualizationType,
                periodicity: p.periodicity,
                responsibleEntityCode: p.responsibleEntityCode,
                coResponsibleEntityCodes: p.coResponsibleEntityCodes,
                reports: new Map(before?.products.get(p.code)?.reports ?? []),
              },
            ]),
          ),
        });
        return;
      }
      case ImportKind.REPORTE: {
        parsed.data.entities.forEach((e) => this.entityCodes.add(e.code));
        for (const r of parsed.data.reports) {
          const product = this.policies.get(r.policyCode)?.products.get(r.productCode);
          if (!product) throw new Error(`Report for unknown product ${r.policyCode} ${r.productCode}`);
          product.reports.set(reportPeriodKey(r.year, r.period), reportValue(r, product.unit));
        }
        return;
      }
      case ImportKind.INSTANCIA: {
        const { instance, entities, sessions } = parsed.data;
        entities.forEach((e) => this.entityCodes.add(e.code));
        if (!instance) return;
        const before = this.instances.get(instance.code);
        const known = new Map((before?.sessions ?? []).map((s) => [`${s.number}/${s.year}`, s]));
        for (const s of sessions) known.set(`${s.number}/${s.year}`, { number: s.number, year: s.year });
        this.instances.set(instance.code, {
          code: instance.code,
          secretariatEntityCode: instance.secretariatEntityCode ?? before?.secretariatEntityCode ?? null,
          sessions: [...known.values()],
        });
        return;
      }
      case null:
        throw new Error('Cannot store an unrecognised workbook');
    }
  }
}
