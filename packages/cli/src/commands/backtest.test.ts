import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSnapshotFile } from '../snapshot-file.ts';
import { sink } from './sink.test-helper.ts';
import { runBacktestCommand, runNationalSsbCommand } from './backtest.ts';

describe('helhet backtest', () => {
  it('beats the naive forecast across all municipalities at 1 and 2 years', async () => {
    const out = sink();
    const rows = await runBacktestCommand(
      { bases: [2014, 2019], horizons: [1, 2, 10], format: 'table', snapshot: readSnapshotFile() },
      out.stream,
    );
    expect(out.text().split('\n')[0]).toMatch(/base\s+horizon\s+size class/);
    const all = rows.filter((r) => r.sizeClass === 'all');
    expect(all.map((r) => [r.base, r.horizon])).toEqual([
      [2014, 1],
      [2014, 2],
      [2014, 10],
      [2019, 1],
      [2019, 2],
    ]);
    for (const r of all) expect(r.mape).toBeLessThan(r.mapeNaive);
  });

  it("scores SSB's 2022 national round and Helhet's own against 2023 and 2024", async () => {
    const out = sink();
    const rows = await runNationalSsbCommand(
      { format: 'csv', snapshot: readSnapshotFile() },
      out.stream,
    );
    expect(rows.map((r) => [r.base, r.horizon])).toEqual([
      [2022, 1],
      [2022, 2],
    ]);
    expect(out.text().split('\n')[0]).toBe('base,horizon,ages,helhet_error,ssb_error,naive_error');
    for (const r of rows) {
      expect(r.mapeOurs).toBeLessThan(r.mapeNaive);
      expect(r.mapeSsb).toBeLessThan(r.mapeNaive);
    }
  });

  it('rejects a base year with nothing to compare', async () => {
    await expect(
      runBacktestCommand(
        { bases: [2024], horizons: [1], format: 'csv', snapshot: readSnapshotFile() },
        new Writable(),
      ),
    ).rejects.toThrow(/base 2024 must be between/);
  });
});
