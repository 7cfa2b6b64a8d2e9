/**
 * The public entry of the networks module (judicial cooperation networks' case logs): the only file
 * other modules import.
 */
export { networkFigures } from './service.js';
