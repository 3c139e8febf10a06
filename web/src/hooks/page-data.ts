import { useMemo } from 'react';
import {
  BatchesPageQuery,
  HomePageQuery,
  InstancePageQuery,
  KeysPageQuery,
  ReportDeskQuery,
  PolicyPageQuery,
  ProductPageQuery,
  ReviewQueueQuery,
  SessionPageQuery,
} from '../api/operations';
import type { ImportBatchFilter, PolicyProductFilter, ReportBasis } from '../gql/graphql';
import { useApiQuery } from './use-api-query';

/** One hook per page: the page's one operation with its variables (pages stay thin). */
export function useHomePage(from: string, to: string) {
  return useApiQuery(
    HomePageQuery,
    useMemo(() => ({ from, to }), [from, to]),
  );
}

export function usePolicyPage(code: string, cut: string | null, filter: PolicyProductFilter | undefined, basis: ReportBasis, version = 0) {
  return useApiQuery(PolicyPageQuery, { code, cut, filter, basis }, version);
}

/** `/revision`: the office's queue of PENDING reports; `version` re-reads it after a decision. */
export function useReviewQueue(version: number) {
  return useApiQuery(ReviewQueueQuery, {}, version);
}

export function useProductPage(policyCode: string, code: string, cut: string | null) {
  return useApiQuery(ProductPageQuery, { policyCode, code, cut });
}

export function useInstancePage(code: string, from: string, to: string, overdueBefore: string) {
  return useApiQuery(InstancePageQuery, { code, from, to, overdueBefore });
}

export function useSessionPage(code: string, year: number, number: number) {
  return useApiQuery(SessionPageQuery, { code, year, number });
}

export function useBatchesPage(filter: ImportBatchFilter | undefined) {
  return useApiQuery(BatchesPageQuery, { filter });
}

/** `/claves`: the keys and the entities; `version` re-reads them after a key is created or revoked. */
export function useKeysPage(version: number) {
  return useApiQuery(KeysPageQuery, {}, version);
}

/** `/reportar`: the desk of one entity (the key's own, or the one an ADMIN chose); `version` re-reads it after an import. */
export function useReportDesk(entityCode: string | null, isAdmin: boolean, version: number) {
  return useApiQuery(ReportDeskQuery, { entityCode, isAdmin, withDesk: !isAdmin || entityCode !== null }, version);
}
