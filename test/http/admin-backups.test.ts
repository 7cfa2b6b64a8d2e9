/**
 * Scheduled backups and the administrators' backups page over HTTP: the schedule queues one job per
 * slot, a run writes a backup and keeps BACKUP_KEEP of them, a failed last attempt mails the
 * administrators, and the page shows the last backup to administrators only.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { selectJobs, type JobInfo } from '../../src/platform/jobs/index.js';
import { BACKUP_JOB, backupJob, nextSlot, scheduleNextBackup } from '../../src/modules/operations/schedule.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { Client, makeUser, signInAs } from './accounts-support.js';

const run = (attempt: number, lastAttempt: boolean): JobInfo => ({ id: 'test', name: BACKUP_JOB, attempt, maxAttempts: 3, lastAttempt });

describe('scheduled backups and the backups page', () => {
  let server: TestServer;
  let dir: string;
  let admin: Client;
  let adminEmail: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'palermo-backups-'));
    server = await startTestServer({ backupSchedule: '0 3 * * *', backupDir: path.join(dir, 'backups'), backupKeep: 2 });
    admin = new Client(server);
    const user = await makeUser(server, { totp: true, roles: [{ role: 'administrator' }], lang: 'fr' });
    adminEmail = user.email;
    await signInAs(admin, user);
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('queues the next slot once, however many nodes start', async () => {
    const slot = nextSlot('0 3 * * *', new Date());
    assert.equal(slot.getUTCHours(), 3);
    await scheduleNextBackup(server.runtime); // a second node starting
    const queued = (await selectJobs(server.runtime.db, ['created'], 50, false)).filter((j) => j.name === BACKUP_JOB);
    assert.equal(queued.length, 1);
    assert.equal(new Date(queued[0]!.start_after!).toISOString(), slot.toISOString());
  });

  it('backs up, keeps the newest BACKUP_KEEP files, and shows the last one to administrators only', async () => {
    const slot = nextSlot('0 3 * * *', new Date());
    const data = { schedule: '0 3 * * *', slot: slot.toISOString() };
    const backups = path.join(dir, 'backups');
    // Two older backups of Palermo's own naming, and a file of the operator's that is never removed.
    fs.mkdirSync(backups, { recursive: true });
    fs.writeFileSync(path.join(backups, 'palermo-20200101T030000Z.backup.gz'), 'old');
    fs.writeFileSync(path.join(backups, 'palermo-20200102T030000Z.backup.gz'), 'old');
    fs.writeFileSync(path.join(backups, 'notes.txt'), 'mine');
    await backupJob.handler(data, run(1, false), server.runtime);
    const files = fs.readdirSync(backups).sort();
    assert.equal(files.length, 3, files.join());
    assert.ok(files.includes('notes.txt'));
    assert.ok(files.includes('palermo-20200102T030000Z.backup.gz'));
    // The run queued the slot after its own.
    const queued = (await selectJobs(server.runtime.db, ['created'], 50, false)).filter((j) => j.name === BACKUP_JOB);
    assert.ok(queued.some((j) => new Date(j.start_after!).toISOString() === nextSlot('0 3 * * *', slot).toISOString()));

    assert.equal((await new Client(server).get('/en/admin/backups')).status, 401);
    const curator = new Client(server);
    await signInAs(curator, await makeUser(server, { totp: true, roles: [{ role: 'curator' }] }));
    assert.equal((await curator.get('/en/admin/backups')).status, 403);
    const page = await admin.page('/en/admin/backups');
    assert.equal(page.res.status, 200);
    assert.match(page.html, /<h1>Backups<\/h1>/);
    assert.match(page.html, /Succeeded/);
    assert.match(page.html, /0 3 \* \* \*/);
    assert.match(page.html, /palermo-\d{8}T\d{6}Z\.backup\.gz/);
    for (const lang of ['fr', 'es', 'ru', 'ar', 'zh']) assert.equal((await admin.page(`/${lang}/admin/backups`)).res.status, 200, lang);
    assert.match((await admin.page('/en/admin')).html, /href="\/en\/admin\/backups"/);
  });

  it('mails the administrators when the last attempt fails, and shows the failure', async () => {
    const data = { schedule: '0 3 * * *', slot: new Date().toISOString() };
    const blocked = path.join(dir, 'blocked');
    fs.writeFileSync(blocked, 'a file where the backup folder should be');
    const rt = { ...server.runtime, config: { ...server.runtime.config, backupDir: blocked } };
    await assert.rejects(backupJob.handler(data, run(1, false), rt));
    const outbox = () => server.runtime.db.selectFrom('outbox').select(['to_address', 'subject', 'body']).where('purpose', '=', 'backup_failed').execute();
    assert.equal((await outbox()).length, 0, 'no mail before the last attempt');
    await assert.rejects(backupJob.handler(data, run(3, true), rt));
    const mails = await outbox();
    assert.deepEqual(mails.map((m) => m.to_address), [adminEmail]);
    assert.match(mails[0]!.subject, /sauvegarde a échoué/);
    assert.match(mails[0]!.body!, /\/fr\/admin\/backups/);
    const page = await admin.page('/en/admin/backups');
    assert.match(page.html, /Failed/);
    assert.match(page.html, /EEXIST|ENOTDIR/);
  });
});
