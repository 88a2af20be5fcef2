import type { DataFileKey } from './build.ts';

/**
 * A tiny, self-consistent data folder (two municipalities in one county, 2016–2020) with
 * the same file layouts as shared/data, for tests that must not depend on the real files.
 */
export function syntheticDataTexts(): Record<DataFileKey, string> {
  const codes = ['0301', '1101'];
  const years = [2016, 2017, 2018, 2019, 2020];
  const ages = Array.from({ length: 106 }, (_, a) => `a${a}`).join(',');
  const count = (code: string, year: number, sex: number, a: number): number =>
    Math.max(
      0,
      Math.round(
        (code === '0301' ? 60 : 20) * (1 + 0.01 * (year - 2016)) * (a < 90 ? 1 : (106 - a) / 16) +
          sex,
      ),
    );
  const popRows: string[] = [`level,region_code,year,sex,${ages}`];
  const totals = new Map<string, number>();
  for (const y of years) {
    const nat = [new Array<number>(106).fill(0), new Array<number>(106).fill(0)];
    for (const c of codes) {
      let t = 0;
      for (const [s, label] of [
        [0, 'male'],
        [1, 'female'],
      ] as const) {
        const v = Array.from({ length: 106 }, (_, a) => count(c, y, s, a));
        v.forEach((x, a) => (nat[s]![a]! += x));
        t += v.reduce((p, q) => p + q, 0);
        popRows.push(`kommune,${c},${y},${label},${v.join(',')}`);
      }
      totals.set(`${c}|${y}`, t);
    }
    popRows.push(
      `land,0,${y},male,${nat[0]!.join(',')}`,
      `land,0,${y},female,${nat[1]!.join(',')}`,
    );
  }
  const totalRows = ['kommunenummer,year,population,type'];
  for (const c of codes) {
    for (const y of years) totalRows.push(`${c},${y},${totals.get(`${c}|${y}`)},observed`);
    for (let y = 2021; y <= 2050; y++)
      totalRows.push(`${c},${y},${totals.get(`${c}|2020`)! + (y - 2020) * 10},projected_MMMM`);
  }
  const mortRows = ['year,age,sex,deaths,mx,population_jan1'];
  for (let y = 2000; y <= 2020; y++) {
    for (let a = 0; a <= 110; a++) {
      for (const s of ['female', 'male', 'total']) {
        const mx =
          Math.min(0.9, 0.0005 * Math.exp(0.09 * Math.max(0, a - 30))) * (1 - 0.01 * (y - 2000));
        const pop = 1000;
        mortRows.push(
          `${y},${a === 110 ? '110+' : a},${s},${(mx * pop).toFixed(2)},${mx.toFixed(6)},${pop}`,
        );
      }
    }
  }
  const birthRows = ['year,female,male,total'];
  for (let y = 2000; y <= 2019; y++) birthRows.push(`${y},48,52,100`);
  const asfrRows = ['year,age,asfr'];
  for (let y = 2000; y <= 2018; y++)
    for (let a = 12; a <= 55; a++)
      asfrRows.push(
        `${y},${a === 12 ? '12-' : a === 55 ? '55+' : a},${a >= 20 && a <= 40 ? '0.07000' : '0.00100'}`,
      );
  const kostraHead =
    '"kommunenr_2024","år","kommunenr_hist_kilder","Y_4_ialt","folk_0_66","folk_67_79","folk_80p","folk_ialt","Y_1_a_ialt","Y_1_a_0_66","Y_1_a_67_79","Y_1_a_80p","Y_2_ialt","Y_3_a_ialt","Y_3_a_0_66","Y_3_a_67_79","Y_3_a_80p","Y_5_ialt"';
  const kostraRows = [kostraHead];
  for (const c of codes)
    for (const y of years)
      kostraRows.push(`"${c}",${y},"${c}",3.1,1000,200,100,1300,160,40,40,80,10,30,,10,20,25.5`);
  return {
    municipalities:
      '"kommunenummer","kommunenavn","fylkesnummer","fylkesnavn","landsdel_kode","landsdel"\n"0301","Oslo","03","Oslo","5","Østlandet"\n"1101","Eigersund","11","Rogaland","3","Vestlandet"\n',
    centrality:
      '"kommunenummer","kommunenavn","sentralitetsindeks","sentralitetsklasse","kystkommune"\n"0301","Oslo",1000,1,1\n"1101","Eigersund",747,4,1\n',
    population: popRows.join('\n') + '\n',
    municipalTotals: totalRows.join('\n') + '\n',
    countyAlternatives:
      '"fylkesnummer","fylke","alternative","year","population"\n' +
      ['MMMM', 'LLML']
        .flatMap((alt) =>
          ['03', '11'].flatMap((f) => [2020, 2021].map((y) => `"${f}","F${f}","${alt}",${y},1000`)),
        )
        .join('\n') +
      '\n',
    nationalByAge:
      'year,age,population,alternative\n' +
      [2022, 2023]
        .flatMap((y) =>
          Array.from({ length: 106 }, (_, a) => `${y},${a === 105 ? '105+' : a},100,MMM`),
        )
        .join('\n') +
      '\n',
    mortality: mortRows.join('\n') + '\n',
    births: birthRows.join('\n') + '\n',
    fertility: asfrRows.join('\n') + '\n',
    kostra: kostraRows.join('\n') + '\n',
  };
}
