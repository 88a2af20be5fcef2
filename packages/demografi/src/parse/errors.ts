/**
 * An input error that names where it happened, so a person fixing a data file can go
 * straight to the cell: `population.csv:1234 field "a17": negative count -3`.
 */
export class DataError extends Error {
  /** File name as given to the parser (not a path the parser opened: parsers do no I/O). */
  readonly file: string;
  /** 1-based line number in the file, or undefined when the error concerns the whole file. */
  readonly line: number | undefined;
  /** Column name, or undefined when the error concerns a whole line. */
  readonly field: string | undefined;

  constructor(file: string, line: number | undefined, field: string | undefined, message: string) {
    const where = `${file}${line === undefined ? '' : `:${line}`}${field === undefined ? '' : ` field "${field}"`}`;
    super(`${where}: ${message}`);
    this.name = 'DataError';
    this.file = file;
    this.line = line;
    this.field = field;
  }
}
