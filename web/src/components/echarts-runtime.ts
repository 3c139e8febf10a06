/**
 * ECharts with only what the charts use (bar, pie, line; grid, tooltip, legend, title, mark line; SVG
 * renderer). Imported dynamically by ChartView, so it is its own chunk and never part of the first load.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  TitleComponent,
  MarkLineComponent,
  DatasetComponent,
  SVGRenderer,
]);

export { echarts };
