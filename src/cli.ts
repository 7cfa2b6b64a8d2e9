#!/usr/bin/env node
/** Entry point of the `palermo` command: `npx palermo <command>` or `node dist/cli.js <command>`. */
import { buildProgram, quietOnClosedStdout, reportAndExit } from './cli/program.js';

quietOnClosedStdout();
buildProgram().parseAsync(process.argv).catch(reportAndExit);
