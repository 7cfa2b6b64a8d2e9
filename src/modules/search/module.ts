import type { PalermoModule } from '../module.js';
import { searchApi } from './api.js';
import { searchCommands } from './cli.js';
import { refreshIfReferenceChanged, subscribeIndexer } from './indexer.js';
import { setMatchCacheBytes } from './facet-cache.js';
import { setTermIndexBytes } from './term-cache.js';
import { searchPages } from './pages/routes.js';
import { thesaurusPages } from './pages/thesaurus-routes.js';
import { thesaurusApi } from './thesaurus-api.js';

export const searchModule: PalermoModule = {
  name: 'search',
  routes: [searchApi, searchPages, thesaurusPages, thesaurusApi],
  commands: searchCommands,
  /** Search documents follow knowledge's ENTRIES_CHANGED and reference's TERM_LABELS_CHANGED. */
  subscribe: subscribeIndexer,
  /** Size the match cache and the term index; rebuild the search documents when the reference data copied into them (labels, names, regions) changed. */
  async prepare(runtime) {
    setMatchCacheBytes(runtime.db, runtime.config.searchCacheMb * 2 ** 20);
    setTermIndexBytes(runtime.db, runtime.config.searchTermsMb * 2 ** 20);
    const started = Date.now();
    let logged = 0;
    const rebuilt = await refreshIfReferenceChanged(runtime.db, ({ done, total }) => {
      if (Date.now() - logged > 5000 || done === total) {
        logged = Date.now();
        runtime.logger.info({ done, total }, 'rebuilding search documents after a reference data change');
      }
    });
    if (rebuilt) runtime.logger.info({ ms: Date.now() - started }, 'search documents rebuilt');
  },
};
