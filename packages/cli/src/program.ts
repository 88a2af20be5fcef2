import { Command } from 'commander';
import { registerCommands } from './commands/index.ts';

/** Builds the `helhet` command tree; separate from `bin.ts` so tests can run commands in-process. */
export function createProgram(): Command {
  const program = new Command('helhet')
    .description('Helhet: a workbench for systemic innovation in Norwegian municipalities')
    .showHelpAfterError();
  registerCommands(program);
  return program;
}
