import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    assert.equal(c.port, 3000);
    assert.equal(c.host, 'localhost');
    assert.equal(c.databaseUrl, undefined);
    assert.equal(c.demo, true);
    assert.match(c.dataDir, /\/data$/);
  });

  it('names the variable in errors', () => {
    assert.throws(() => loadConfig({ PORT: 'abc' }), (e: unknown) => e instanceof ConfigError && e.variable === 'PORT');
    assert.throws(() => loadConfig({ PORT: '70000' }), /PORT/);
    assert.throws(() => loadConfig({ LOG_LEVEL: 'loud' }), /LOG_LEVEL/);
    assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL/);
    assert.throws(() => loadConfig({ PALERMO_DEMO: 'maybe' }), /PALERMO_DEMO/);
  });

  it('reads booleans and trims the public URL', () => {
    const c = loadConfig({ PALERMO_DEMO: '0', PUBLIC_URL: 'https://palermo.example.org/' });
    assert.equal(c.demo, false);
    assert.equal(c.publicUrl, 'https://palermo.example.org');
  });
});
