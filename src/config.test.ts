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
    assert.throws(() => loadConfig({ CASEWORK_MAX_UPLOAD_MB: '0' }), (e: unknown) => e instanceof ConfigError && e.variable === 'CASEWORK_MAX_UPLOAD_MB');
    assert.throws(() => loadConfig({ CASEWORK_MAX_UPLOAD_MB: '50MB' }), /CASEWORK_MAX_UPLOAD_MB/);
    assert.equal(loadConfig({}).caseworkMaxUploadMb, 50);
    assert.equal(loadConfig({ CASEWORK_MAX_UPLOAD_MB: '200' }).caseworkMaxUploadMb, 200);
  });

  it('reads booleans and trims the public URL', () => {
    const c = loadConfig({ PALERMO_DEMO: '0', PUBLIC_URL: 'https://palermo.example.org/' });
    assert.equal(c.demo, false);
    assert.equal(c.publicUrl, 'https://palermo.example.org');
    assert.equal(c.publicUrlSet, true, 'pages may link absolutely');
    const guessed = loadConfig({ PORT: '8080' });
    assert.equal(guessed.publicUrl, 'http://localhost:8080');
    assert.equal(guessed.publicUrlSet, false, 'the localhost default never goes into a page');
  });

  it('reads TRUST_PROXY as hops or proxy addresses, never "trust all"', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '0' }).trustProxy, false);
    assert.equal(loadConfig({ TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(loadConfig({ TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(loadConfig({ TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1,fd00::/8,loopback' }).trustProxy, ['10.0.0.5', '10.1.0.0/16', '::1', 'fd00::/8', 'loopback']);
    for (const bad of ['true', 'all', 'yes', '*', '11', '10.0.0.5,nonsense', '10.0.0.0/33', 'fd00::/129', '1.2.3.4/8/9', ',']) {
      assert.throws(() => loadConfig({ TRUST_PROXY: bad }), (e: unknown) => e instanceof ConfigError && e.variable === 'TRUST_PROXY', bad);
    }
  });

  it('reads the backup and metrics variables, naming each in errors', () => {
    const c = loadConfig({ DATA_DIR: '/srv/palermo' });
    assert.equal(c.backupDir, '/srv/palermo/backups');
    assert.equal(c.backupSchedule, undefined);
    assert.equal(c.backupKeep, 7);
    assert.equal(c.metricsToken, undefined);
    assert.equal(c.metricsPort, undefined);
    assert.equal(loadConfig({ BACKUP_SCHEDULE: 'nightly' }).backupSchedule, '0 3 * * *');
    assert.equal(loadConfig({ BACKUP_SCHEDULE: ' 30 2  * * 1-5 ' }).backupSchedule, '30 2 * * 1-5');
    assert.equal(loadConfig({ BACKUP_SCHEDULE: '*/15 * * * *' }).backupSchedule, '*/15 * * * *');
    assert.equal(loadConfig({ METRICS_PORT: '9464' }).metricsPort, 9464);
    const named = (variable: string) => (e: unknown) => e instanceof ConfigError && e.variable === variable;
    for (const bad of ['daily at 3', '* * * *', '61x * * * *', 'nightly please']) assert.throws(() => loadConfig({ BACKUP_SCHEDULE: bad }), named('BACKUP_SCHEDULE'), bad);
    assert.throws(() => loadConfig({ BACKUP_KEEP: '0' }), named('BACKUP_KEEP'));
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'short' }), named('METRICS_TOKEN'));
    assert.throws(() => loadConfig({ METRICS_PORT: 'x' }), named('METRICS_PORT'));
    assert.throws(() => loadConfig({ METRICS_PORT: '3000' }), named('METRICS_PORT'));
  });

  it('reads the OpenTelemetry endpoint: off by default, the traces URL given or derived', () => {
    assert.equal(loadConfig({}).otlpTracesUrl, undefined);
    assert.equal(loadConfig({}).otelServiceName, 'palermo');
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).otlpTracesUrl, 'http://collector:4318/v1/traces');
    assert.equal(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base/' }).otlpTracesUrl, 'https://otel.example/base/v1/traces');
    const both = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://b:4318/traces' };
    assert.equal(loadConfig(both).otlpTracesUrl, 'http://b:4318/traces');
    assert.equal(loadConfig({ OTEL_SERVICE_NAME: 'palermo-eu' }).otelServiceName, 'palermo-eu');
    const named = (variable: string) => (e: unknown) => e instanceof ConfigError && e.variable === variable;
    assert.throws(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }), named('OTEL_EXPORTER_OTLP_ENDPOINT'));
    assert.throws(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'grpc://b:4317' }), named('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'));
    assert.throws(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'not a url' }), named('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'));
  });
});
