import type { Command } from 'commander';
import { registerData } from './data.ts';
import { registerDataGeo } from './data-geo.ts';
import { registerProject } from './project.ts';
import { registerBacktest } from './backtest.ts';
import { registerCare } from './care.ts';
import { registerLoops } from './loops.ts';
import { registerImport } from './import.ts';
import { registerExport } from './export.ts';
import { registerServe } from './serve.ts';
import { registerUsers } from './users.ts';

/** A subcommand module adds itself to the program. */
export type RegisterCommand = (program: Command) => void;

/**
 * Every subcommand of `helhet`, in the order `helhet --help` lists them.
 * Add a new command as its own file in this folder and list it here.
 */
const commands: RegisterCommand[] = [
  registerServe,
  registerUsers,
  registerData,
  registerDataGeo,
  registerProject,
  registerBacktest,
  registerCare,
  registerLoops,
  registerImport,
  registerExport,
];

/** Adds all subcommands to `program`. */
export function registerCommands(program: Command): void {
  for (const register of commands) register(program);
}
