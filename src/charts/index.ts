/** Chart definitions shared by the web pages and the server-side rendering of the reports. */
export * from './chart.types';
export * from './chart-theme';
export { measureBarsOption } from './measure-bars';
export type { MeasureBarsOptions } from './measure-bars';
export { cumulativeProgressChart } from './cumulative-progress-chart';
export { toDateProgressChart } from './to-date-progress-chart';
export { objectivesChart, objectiveLabel } from './objectives-chart';
export { trafficLightChart } from './traffic-light-chart';
export type { TrafficLightChartInput } from './traffic-light-chart';
export { sectorsChart, sectorLabel, sectorsChartHeight } from './sectors-chart';
