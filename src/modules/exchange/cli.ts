/**
 * `palermo exchange verify <evidence> --keys <jwks-or-descriptor>`: check a piece of evidence offline
 * (no database); `palermo exchange descriptor`: print this node's descriptor; `palermo exchange rotate`.
 */
import fs from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../module.js';
import { CLI_ACTOR } from '../access/index.js';
import { verifyEvidence } from './domain/verify.js';
import { nodeDescriptor, rotateKey } from './identity-service.js';

export function exchangeCommands(program: Command, cli: CliContext): void {
  const ex = program.command('exchange').description('Secure exchange between Palermo installations (docs/EXCHANGE.md)');
  ex.command('verify')
    .description('Check the signature and content of a piece of delivery evidence (a JWS file)')
    .argument('<evidence>', 'evidence file (JWS compact serialisation, as downloaded)')
    .requiredOption('--keys <file>', 'the signer\'s public keys: a JWKS or its node descriptor (node.json)')
    .addHelpText('after', '\nExit codes: 0 the evidence verifies; 1 it does not (the reason on stderr); 2 a file cannot be read.')
    .action(async (evidencePath: string, opts: { keys: string }) => {
      let jws: string;
      let keys: unknown;
      try {
        jws = fs.readFileSync(evidencePath, 'utf8');
        keys = JSON.parse(fs.readFileSync(opts.keys, 'utf8'));
      } catch (err) {
        process.stderr.write(`Cannot read: ${(err as Error).message}\n`);
        process.exitCode = 2;
        return;
      }
      const r = await verifyEvidence(jws, keys);
      if (!r.ok) {
        process.stderr.write(`NOT VERIFIED: ${r.reason}\n`);
        process.exitCode = 1;
        return;
      }
      const e = r.evidence;
      cli.print(`VERIFIED ${e.event} (${e.event_uri})`);
      cli.print(`message ${e.message_id} sha256 ${e.message_sha256}`);
      cli.print(`from ${e.sender} to ${e.recipient}; signed by ${e.signer} (key ${r.kid}) at ${e.at}${e.reason ? `; reason: ${e.reason}` : ''}`);
    });
  ex.command('descriptor')
    .description('Print this node\'s descriptor (what partners add; its fingerprints are the kids)')
    .action(async () => {
      await cli.withRuntime(async (rt) => cli.print(JSON.stringify(await nodeDescriptor(rt.db, rt.config), null, 2)));
    });
  ex.command('rotate')
    .description('Replace this node\'s active signing (sig) or encryption (enc) key; the old key stays published as retired')
    .argument('<use>', 'sig or enc')
    .action(async (use: string) => {
      await cli.withRuntime(async (rt) => cli.print(await rotateKey(rt.db, rt.config, { actor: CLI_ACTOR }, use as 'sig')));
    });
}
