import type { PalermoModule } from '../module.js';
import { knowledgeApi } from './api.js';

export const knowledgeModule: PalermoModule = {
  name: 'knowledge',
  routes: [knowledgeApi],
};
