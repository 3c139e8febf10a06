/**
 * Plain inputs of the chart definitions. Figures are fractions exactly as the GraphQL API returns them
 * (0.576 = 57,6 %); nothing here is computed again, the charts only show them.
 */

/** progress / ideal / gap of one measure (GraphQL `Measure`). */
export interface Measure {
  progress: number;
  ideal: number;
  gap: number;
}

/** Shares shown to people, NOT_DUE counted green (GraphQL `TrafficLightShares`). */
export interface TrafficLightShares {
  green: number;
  yellow: number;
  red: number;
}

/** The four raw counts (GraphQL `TrafficLightCounts`). */
export interface TrafficLightCounts {
  alto: number;
  medio: number;
  bajo: number;
  notDue: number;
}

/** One objective's to-date figures (GraphQL `ObjectiveProgress`: `objective { number name }`, `progress { toDate }`). */
export interface ObjectiveChartItem {
  number: number;
  name?: string | null;
  toDate: Measure;
}

/** One sector's products (GraphQL `SectorProgress`: `sector { name }`, `progress { productCount lights }`). */
export interface SectorChartItem {
  name: string;
  productCount: number;
  lights: TrafficLightCounts;
}

/** Options common to every chart definition. */
export interface ChartCommonOptions {
  /** Title drawn inside the chart; none by default (the report and the page write their own caption). */
  title?: string;
}
