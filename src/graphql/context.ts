import { AppConfig } from '../config/config';
import { Services } from '../services';
import { Viewer } from '../services/viewer';
import { Loaders } from './loaders';
import { ProgressCache } from './progress-cache';

/** What every resolver receives; built anew for each request. */
export interface GraphQLContext {
  config: AppConfig;
  services: Services;
  loaders: Loaders;
  viewer: Viewer;
  /** Computed progress memoised per policy, cut and basis for this request, over the process's cache. */
  progress: ProgressCache;
}

export function createContext(config: AppConfig, services: Services, viewer: Viewer): GraphQLContext {
  const loaders = new Loaders(services.records);
  return { config, services, viewer, loaders, progress: new ProgressCache(loaders, config.timeZone, services.figures, services.records) };
}
