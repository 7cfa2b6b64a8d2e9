/**
 * The public entry of the forum module: the only file other modules import (scripts/check-deps.ts).
 * Everything else in src/modules/forum/ is internal.
 */
export { forumModule } from './module.js';
export { forumAbilities } from './service.js';
