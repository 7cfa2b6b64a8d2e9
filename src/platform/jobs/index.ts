/**
 * The job queue's public entry. Modules declare kinds of job in PalermoModule.jobs and queue one with
 * enqueue(trx, name, data, options) in the transaction of the change that causes it.
 */
export { enqueue, UnknownJobError, type EnqueueOptions } from './enqueue.js';
export { retryWindow, type JobDefinition, type JobInfo } from './definition.js';
export { JobQueue, wakeWorkers, type JobQueueOptions } from './queue.js';
export { JOB_STATES, countJobs, findJob, retryFailedJob, selectJobs, type JobCount, type JobRow, type JobState } from './repository.js';
export { JOBS_SCHEMA } from './boss.js';
