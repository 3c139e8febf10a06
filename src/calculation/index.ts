/**
 * Calculation service (docs/calculation.md): pure functions, plain data in and out, no clock.
 * The method is explained for readers in docs/calculation.md.
 */
export * from './types';
export { assertIsoDate, daysInMonth, endOfMonth, isIsoDate, isLeapYear, isoDate, isWithin } from './iso-date';
export { clamp01, nearlyEqual } from './numeric';
export {
  ANNUAL_PERIOD,
  closedPeriods,
  horizonPeriods,
  horizonYears,
  isClosed,
  isInHorizon,
  isPeriodOf,
  isValidPeriodCode,
  periodCodes,
  periodsOf,
  reportingYears,
  spanYears,
} from './period-calendar';
export { buildGoalSchedule } from './goal-schedule';
export type { GoalSchedule } from './goal-schedule';
export {
  computeProductProgress,
  resolveThresholds,
  toDateRatio,
  trafficLightOf,
  unmeasuredReason,
  usesBaseline,
} from './product-progress.calculator';
export type { Thresholds } from './product-progress.calculator';
export { checkWeights, computeWeights, isWithdrawnAt, weightBasis } from './weights.calculator';
export type { WeightInput } from './weights.calculator';
export { aggregateProgress, computePolicyProgress } from './aggregate-progress.calculator';
export { checkScale } from './scale-check';
export type { ScaleCheckResult, ScaleFinding } from './scale-check';
export {
  commitmentCounts,
  entityAttendanceRate,
  functionCoverage,
  instanceStats,
  isActiveOn,
  isHeld,
  isPresent,
  membershipAttendanceRate,
  programmedSessions,
  scheduleSpan,
  sessionCounts,
  sessionQuorum,
  SESSION_TYPES,
} from './instance-stats.calculator';
export type { InstanceStatsInput } from './instance-stats.calculator';
