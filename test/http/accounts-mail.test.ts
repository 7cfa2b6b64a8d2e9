/** E-mail through a real SMTP server started by the test (smtp-server), in the user's language. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SMTPServer } from 'smtp-server';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeMailTransports } from '../../src/modules/accounts/mail.js';
import { Client, PASSWORD, makeUser, signInAs, uniqueEmail } from './accounts-support.js';

interface Received {
  from: string;
  to: string[];
  raw: string;
}

function decodeWords(s: string): string {
  return s.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

/** Subject and text body of a raw single-part message as nodemailer writes it. */
function parse(raw: string): { subject: string; body: string; headers: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const content = raw.slice(split + 4);
  const subject = decodeWords(/^Subject: (.*)$/im.exec(headers)?.[1] ?? '');
  const cte = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  let body = content;
  if (cte === 'base64') body = Buffer.from(content.replace(/\s/g, ''), 'base64').toString('utf8');
  else if (cte === 'quoted-printable') body = Buffer.from(content.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  return { subject, body, headers };
}

describe('mail over SMTP', () => {
  let smtp: SMTPServer;
  let server: TestServer;
  const received: Received[] = [];

  before(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('bounce')) cb(new Error('550 mailbox unavailable'));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as { port: number }).port;
    server = await startTestServer({ smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: 'Palermo <no-reply@palermo.test>' });
  });
  after(async () => {
    await server?.close();
    closeMailTransports();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  async function waitFor(to: string): Promise<Received> {
    for (let i = 0; i < 200; i++) {
      const m = received.find((r) => r.to.includes(to));
      if (m) return m;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no mail to ${to}`);
  }

  const subjects = {
    en: 'Confirm your e-mail address for Palermo',
    fr: 'Confirmez votre adresse électronique pour Palermo',
    es: 'Confirme su dirección de correo electrónico para Palermo',
    ru: 'Подтвердите адрес электронной почты для Палермо',
    ar: 'أكِّد عنوان بريدك الإلكتروني في باليرمو',
    zh: '确认您在巴勒莫的电子邮件地址',
  } as const;

  for (const [lang, subject] of Object.entries(subjects)) {
    it(`sends the verification mail in the user's language (${lang}) and clears it from the outbox`, async () => {
      const c = new Client(server);
      const email = uniqueEmail(`smtp-${lang}`);
      const res = await c.submit(`/${lang}/register`, `/${lang}/register`, { name: 'Nadia', email, password: PASSWORD, password_confirm: PASSWORD, lang });
      assert.equal(res.status, 200);
      const mail = await waitFor(email);
      assert.equal(mail.from, 'no-reply@palermo.test');
      const { subject: got, body, headers } = parse(mail.raw);
      assert.equal(got, subject);
      assert.match(headers, new RegExp(`Content-Language: ${lang}`));
      const link = new RegExp(`http://localhost:3000/${lang}/account/verify\\?token=[A-Za-z0-9_-]{43}`).exec(body)?.[0];
      assert.ok(link, body);
      let row;
      for (let i = 0; i < 100; i++) {
        row = await server.runtime.db.selectFrom('outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
        if (row.status === 'sent') break;
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.equal(row!.status, 'sent');
      assert.equal(row!.body, null, 'the link does not linger in the database');
      // The mailed link works.
      const page = await c.page(new URL(link).pathname + new URL(link).search);
      assert.equal(page.res.status, 200);
    });
  }

  it('keeps a refused mail pending with the error, for a later retry', async () => {
    const c = new Client(server);
    const email = uniqueEmail('bounce');
    await c.submit('/en/register', '/en/register', { name: 'Bounce', email, password: PASSWORD, password_confirm: PASSWORD });
    let row;
    for (let i = 0; i < 100; i++) {
      row = await server.runtime.db.selectFrom('outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
      if (row.attempts > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(row!.status, 'pending');
    assert.equal(row!.attempts, 1);
    assert.match(row!.last_error ?? '', /550|mailbox unavailable/);
    assert.ok(row!.body, 'kept for the retry');
  });

  it('tells the owner over SMTP, in their language, that signing out everywhere revoked the API tokens', async () => {
    const user = await makeUser(server, { lang: 'es' });
    const c = new Client(server);
    await signInAs(c, user);
    const form = await c.page('/es/account/tokens');
    const scope = /name="scopes" value="([^"]+)"/.exec(form.html)![1]!;
    await c.post('/es/account/tokens', { _csrf: form.csrf, name: 'Exportación SIEM', scopes: [scope] });
    const page = await c.page('/es/account/sessions');
    assert.equal((await c.post('/es/account/sessions/end-all', { _csrf: page.csrf })).status, 303);
    const { subject, body, headers } = parse((await waitFor(user.email)).raw);
    assert.equal(subject, 'Palermo: se han revocado sus tokens de API');
    assert.match(headers, /Content-Language: es/);
    assert.match(body, /Se ha revocado su token de API \(Exportación SIEM\) porque ha cerrado sesión en Palermo en todas partes/);
    assert.match(body, /http:\/\/localhost:3000\/es\/account\/tokens/);
  });
});
