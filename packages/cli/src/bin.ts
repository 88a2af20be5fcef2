#!/usr/bin/env node
/**
 * Entry point of the `helhet` command. Each subcommand lives in its own file under
 * `commands/` and registers itself through `commands/index.ts`.
 */
import { createProgram } from './program.ts';

await createProgram().parseAsync(process.argv);
