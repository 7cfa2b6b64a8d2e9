import type { PalermoModule } from '../module.js';
import { writerApi } from './api.js';
import { writerPages } from './routes.js';

/** The request writer: guided drafting of complete requests and the e-evidence model forms (docs/WRITER.md). */
export const writerModule: PalermoModule = {
  name: 'writer',
  routes: [writerApi, writerPages],
};
