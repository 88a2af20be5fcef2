/**
 * The cohort-component step as WebAssembly, for whole-country runs (`projectAll`,
 * `projectTotals`). It evaluates exactly the expressions of `step.ts`, operation for
 * operation and in the same order (WebAssembly's f64 arithmetic is IEEE 754 double like
 * JavaScript's, with no fused multiply-add), so its results are identical to the bit; the
 * tests compare the two. In JavaScript, V8 re-checks every typed array on every access of
 * loops like these; compiled WebAssembly addresses its memory directly, which makes a
 * national run two to three times as fast. Where WebAssembly is unavailable (a Content Security
 * Policy without `wasm-unsafe-eval`, say) the engine uses `step.ts`.
 *
 * All addresses are byte offsets into the memory; arrays are float64 laid out as in
 * `ProjectionPlan` and `Projection`.
 */
import { MAX_AGE, N_AGES } from '../constants.ts';
import { FERTILE_MIN_AGE } from '../parse/hmd.ts';
import { N_FERTILE } from './rates.ts';
import {
  block,
  brIf,
  type Code,
  encodeModule,
  F64,
  type FunctionDef,
  I32,
  ifThen,
  loop,
  op,
  simd,
  V128,
  type ValType,
} from './wasm-encode.ts';

const CELL_BYTES = 2 * N_AGES * 8;
const AGE_BYTES = 8;

/** Names parameters and locals in order, so kernels can refer to them by name. */
function frame<P extends string, L extends string>(
  params: readonly (readonly [P, ValType])[],
  locals: readonly (readonly [L, ValType])[],
): { ix: Record<P | L, number>; params: ValType[]; locals: ValType[] } {
  const ix = {} as Record<P | L, number>;
  [...params, ...locals].forEach(([n], i) => (ix[n] = i));
  return { ix, params: params.map(([, t]) => t), locals: locals.map(([, t]) => t) };
}

/** f64 at `base + k` (two locals). */
function at(base: number, k: number, offset = 0): Code {
  return [...op.get(base), ...op.get(k), ...op.iadd, ...op.load(offset)];
}

/** Loop `k` from `from` (bytes) while `k ≠ to`, in steps of one age. */
function ageLoop(k: number, from: Code, to: Code, end: number, body: Code[]): Code {
  return [
    ...from,
    ...op.set(k),
    ...to,
    ...op.set(end),
    ...loop(
      ...body,
      op.get(k),
      op.i32(AGE_BYTES),
      op.iadd,
      op.tee(k),
      op.get(end),
      op.ine,
      brIf(0),
    ),
  ];
}

/**
 * `full`: one step of `stepMunicipality` for every municipality (alignment excluded; the
 * engine books it afterwards, as the JavaScript step does last).
 */
function fullKernel(): FunctionDef {
  const { ix, params, locals } = frame(
    [
      ['nM', I32],
      ['src', I32], // population of year t, municipality 0
      ['dst', I32], // population of year t + 1
      ['dth', I32], // deaths of the step
      ['mgo', I32], // net migration of the step
      ['brt', I32], // births of the step
      ['q', I32], // death probabilities of the step, male age 0
      ['nat', I32],
      ['mig', I32],
      ['asfr', I32], // fertility rates of the step, age 12
      ['mmul', I32], // migration multiplier per municipality
      ['fert', I32], // fertility level per municipality
      ['migStep', F64],
      ['keepSt', F64],
      ['maleShare', F64],
    ],
    [
      ['m', I32],
      ['so', I32],
      ['soM', I32],
      ['dso', I32],
      ['co', I32],
      ['go', I32],
      ['mp', I32],
      ['qM', I32],
      ['k', I32],
      ['end', I32],
      ['migMult', F64],
      ['keep', F64],
      ['natW', F64],
      ['p', F64],
      ['d', F64],
      ['net', F64],
      ['g', F64],
      ['wsum', F64],
      ['births', F64],
      ['b', F64],
    ],
  );
  const g = op.get;
  const s = op.set;
  // d = p·q; net = p − d; g = p·(mig·keep + nat·natW); if (net + g < 0) g = −net;
  // dst = net + g. Expects p on the stack's local `p` and k at the cell.
  const cell: Code[] = [
    g(ix.p),
    at(ix.qM, ix.k),
    op.fmul,
    s(ix.d),
    g(ix.p),
    g(ix.d),
    op.fsub,
    s(ix.net),
    g(ix.p),
    at(ix.mp, ix.k),
    g(ix.keep),
    op.fmul,
    at(ix.nat, ix.k),
    g(ix.natW),
    op.fmul,
    op.fadd,
    op.fmul,
    s(ix.g),
    // select(−net, g, net + g < 0)
    g(ix.net),
    op.fneg,
    g(ix.g),
    g(ix.net),
    g(ix.g),
    op.fadd,
    op.f64(0),
    op.flt,
    op.select,
    s(ix.g),
    g(ix.dso),
    g(ix.k),
    op.iadd,
    g(ix.net),
    g(ix.g),
    op.fadd,
    op.store(),
    g(ix.co),
    g(ix.k),
    op.iadd,
    g(ix.d),
    op.store(),
    g(ix.go),
    g(ix.k),
    op.iadd,
    g(ix.g),
    op.store(),
  ];
  const sex = (sx: number): Code[] => {
    const o = sx * N_AGES * AGE_BYTES;
    return [
      ageLoop(ix.k, op.i32(o + AGE_BYTES), op.i32(o + MAX_AGE * AGE_BYTES), ix.end, [
        at(ix.soM, ix.k),
        s(ix.p),
        ...cell,
      ]),
      // Open group 105+: survivors of ages 104 and 105+ together.
      op.i32(o + MAX_AGE * AGE_BYTES),
      s(ix.k),
      at(ix.soM, ix.k),
      at(ix.so, ix.k),
      op.fadd,
      s(ix.p),
      ...cell,
    ];
  };
  const fo = (N_AGES + FERTILE_MIN_AGE) * AGE_BYTES;
  const newborns = (sx: number): Code[] => [
    g(ix.births),
    ...(sx === 0 ? [g(ix.maleShare)] : [op.f64(1), g(ix.maleShare), op.fsub]),
    op.fmul,
    s(ix.b),
    g(ix.b),
    g(ix.q),
    op.load((sx * N_AGES + MAX_AGE) * AGE_BYTES),
    op.fmul,
    s(ix.d),
    g(ix.dso),
    g(ix.b),
    g(ix.d),
    op.fsub,
    op.f64(0),
    op.fadd,
    op.store(sx * N_AGES * AGE_BYTES),
    g(ix.co),
    g(ix.d),
    op.store(sx * N_AGES * AGE_BYTES),
    g(ix.go),
    op.f64(0),
    op.store(sx * N_AGES * AGE_BYTES),
    g(ix.brt),
    g(ix.m),
    op.i32(16),
    op.imul,
    op.iadd,
    g(ix.b),
    op.store(sx * AGE_BYTES),
  ];
  const body: Code[] = [
    g(ix.q),
    op.i32(AGE_BYTES),
    op.isub,
    s(ix.qM),
    op.i32(0),
    s(ix.m),
    loop(
      // Rate = (national + (municipal − national) · persistence^step) · multiplier.
      g(ix.mmul),
      g(ix.m),
      op.i32(8),
      op.imul,
      op.iadd,
      op.load(),
      g(ix.migStep),
      op.fmul,
      s(ix.migMult),
      g(ix.keepSt),
      g(ix.migMult),
      op.fmul,
      s(ix.keep),
      op.f64(1),
      g(ix.keepSt),
      op.fsub,
      g(ix.migMult),
      op.fmul,
      s(ix.natW),
      g(ix.m),
      op.i32(CELL_BYTES),
      op.imul,
      s(ix.k),
      g(ix.src),
      g(ix.k),
      op.iadd,
      op.tee(ix.so),
      op.i32(AGE_BYTES),
      op.isub,
      s(ix.soM),
      g(ix.dst),
      g(ix.k),
      op.iadd,
      s(ix.dso),
      g(ix.dth),
      g(ix.k),
      op.iadd,
      s(ix.co),
      g(ix.mgo),
      g(ix.k),
      op.iadd,
      s(ix.go),
      g(ix.mig),
      g(ix.k),
      op.iadd,
      s(ix.mp),
      // Women first: births use the women at the end of the year.
      ...sex(1),
      ...sex(0),
      // Births to women aged 12–55, on the mean of start and end of year.
      op.f64(0),
      s(ix.wsum),
      ageLoop(ix.k, op.i32(0), op.i32(N_FERTILE * AGE_BYTES), ix.end, [
        g(ix.wsum),
        at(ix.asfr, ix.k),
        g(ix.so),
        g(ix.k),
        op.iadd,
        op.load(fo),
        g(ix.dso),
        g(ix.k),
        op.iadd,
        op.load(fo),
        op.fadd,
        op.fmul,
        op.fadd,
        s(ix.wsum),
      ]),
      op.f64(0.5),
      g(ix.wsum),
      op.fmul,
      g(ix.fert),
      g(ix.m),
      op.i32(8),
      op.imul,
      op.iadd,
      op.load(),
      op.fmul,
      s(ix.births),
      ...newborns(0),
      ...newborns(1),
      g(ix.m),
      op.i32(1),
      op.iadd,
      op.tee(ix.m),
      g(ix.nM),
      op.ine,
      brIf(0),
    ),
  ];
  return { name: 'full', params, locals, body };
}

/**
 * `lean`: one step of `stepMunicipalityLean` for every municipality, including the
 * alignment, writing each municipality's new total to `totals`. Ages 1–104 go two at a time
 * in SIMD lanes (each lane is the scalar f64 expression), about 30 % faster than one at a
 * time; the stochastic trajectories spend almost all their time here.
 */
function leanKernel(): FunctionDef {
  const { ix, params, locals } = frame(
    [
      ['nM', I32],
      ['src', I32],
      ['dst', I32],
      ['sv', I32], // survival of the step, male age 0
      ['nat', I32],
      ['mig', I32],
      ['asfr', I32],
      ['mmul', I32],
      ['fert', I32],
      ['targets', I32], // alignment targets of the step, NaN = none
      ['totals', I32], // totals of year t + 1
      ['migStep', F64],
      ['keepSt', F64],
      ['maleShare', F64],
    ],
    [
      ['m', I32],
      ['so', I32],
      ['soM', I32],
      ['dso', I32],
      ['mp', I32],
      ['svM', I32],
      ['k', I32],
      ['end', I32],
      ['migMult', F64],
      ['keep', F64],
      ['natW', F64],
      ['v', F64],
      ['total', F64],
      ['wsum', F64],
      ['births', F64],
      ['boys', F64],
      ['girls', F64],
      ['target', F64],
      ['keepV', V128],
      ['natWV', V128],
      ['zeroV', V128],
      ['c', V128],
    ],
  );
  const g = op.get;
  const s = op.set;
  // v = p · (survival + mig·keep + nat·natW); c = v > 0 ? v : 0; dst = c; total += c.
  // Expects p on the stack.
  const cell: Code[] = [
    at(ix.svM, ix.k),
    at(ix.mp, ix.k),
    g(ix.keep),
    op.fmul,
    op.fadd,
    at(ix.nat, ix.k),
    g(ix.natW),
    op.fmul,
    op.fadd,
    op.fmul,
    s(ix.v),
    g(ix.v),
    op.f64(0),
    g(ix.v),
    op.f64(0),
    op.fgt,
    op.select,
    s(ix.v),
    g(ix.dso),
    g(ix.k),
    op.iadd,
    g(ix.v),
    op.store(),
    g(ix.total),
    g(ix.v),
    op.fadd,
    s(ix.total),
  ];
  /** A v128 of two ages at `base + k`. */
  const at2 = (base: number): Code => [...g(base), ...g(ix.k), ...op.iadd, ...simd.load()];
  // Ages a and a + 1 at once: two lanes of the same expressions, then each lane added to the
  // total in age order, so every bit is as in the one-age loop; pmax(0, v) is v > 0 ? v : 0.
  const pair: Code[] = [
    at2(ix.soM),
    at2(ix.svM),
    at2(ix.mp),
    g(ix.keepV),
    simd.mul,
    simd.add,
    at2(ix.nat),
    g(ix.natWV),
    simd.mul,
    simd.add,
    simd.mul,
    s(ix.c),
    g(ix.dso),
    g(ix.k),
    op.iadd,
    g(ix.zeroV),
    g(ix.c),
    simd.pmax,
    op.tee(ix.c),
    simd.store(),
    g(ix.total),
    g(ix.c),
    simd.lane(0),
    op.fadd,
    g(ix.c),
    simd.lane(1),
    op.fadd,
    s(ix.total),
  ];
  const sex = (sx: number): Code[] => {
    const o = sx * N_AGES * AGE_BYTES;
    // Ages 1–104 are 52 pairs.
    return [
      ageLoop(ix.k, op.i32(o + AGE_BYTES), op.i32(o + MAX_AGE * AGE_BYTES), ix.end, [
        ...pair,
        op.get(ix.k),
        op.i32(AGE_BYTES),
        op.iadd,
        op.set(ix.k),
      ]),
      // Open group 105+: survivors of ages 104 and 105+ together.
      op.i32(o + MAX_AGE * AGE_BYTES),
      s(ix.k),
      at(ix.soM, ix.k),
      at(ix.so, ix.k),
      op.fadd,
      ...cell,
    ];
  };
  const fo = (N_AGES + FERTILE_MIN_AGE) * AGE_BYTES;
  const perM = (base: number): Code => [
    ...g(base),
    ...g(ix.m),
    ...op.i32(8),
    ...op.imul,
    ...op.iadd,
    ...op.load(),
  ];
  const body: Code[] = [
    op.f64(0),
    simd.splat,
    s(ix.zeroV),
    g(ix.sv),
    op.i32(AGE_BYTES),
    op.isub,
    s(ix.svM),
    op.i32(0),
    s(ix.m),
    loop(
      perM(ix.mmul),
      g(ix.migStep),
      op.fmul,
      s(ix.migMult),
      g(ix.keepSt),
      g(ix.migMult),
      op.fmul,
      s(ix.keep),
      op.f64(1),
      g(ix.keepSt),
      op.fsub,
      g(ix.migMult),
      op.fmul,
      s(ix.natW),
      g(ix.keep),
      simd.splat,
      s(ix.keepV),
      g(ix.natW),
      simd.splat,
      s(ix.natWV),
      g(ix.m),
      op.i32(CELL_BYTES),
      op.imul,
      s(ix.k),
      g(ix.src),
      g(ix.k),
      op.iadd,
      op.tee(ix.so),
      op.i32(AGE_BYTES),
      op.isub,
      s(ix.soM),
      g(ix.dst),
      g(ix.k),
      op.iadd,
      s(ix.dso),
      g(ix.mig),
      g(ix.k),
      op.iadd,
      s(ix.mp),
      op.f64(0),
      s(ix.total),
      ...sex(1),
      ...sex(0),
      op.f64(0),
      s(ix.wsum),
      ageLoop(ix.k, op.i32(0), op.i32(N_FERTILE * AGE_BYTES), ix.end, [
        g(ix.wsum),
        at(ix.asfr, ix.k),
        g(ix.so),
        g(ix.k),
        op.iadd,
        op.load(fo),
        g(ix.dso),
        g(ix.k),
        op.iadd,
        op.load(fo),
        op.fadd,
        op.fmul,
        op.fadd,
        s(ix.wsum),
      ]),
      op.f64(0.5),
      g(ix.wsum),
      op.fmul,
      perM(ix.fert),
      op.fmul,
      s(ix.births),
      g(ix.births),
      g(ix.maleShare),
      op.fmul,
      g(ix.sv),
      op.load(MAX_AGE * AGE_BYTES),
      op.fmul,
      s(ix.boys),
      g(ix.births),
      op.f64(1),
      g(ix.maleShare),
      op.fsub,
      op.fmul,
      g(ix.sv),
      op.load((N_AGES + MAX_AGE) * AGE_BYTES),
      op.fmul,
      s(ix.girls),
      g(ix.dso),
      g(ix.boys),
      op.store(),
      g(ix.dso),
      g(ix.girls),
      op.store(N_AGES * AGE_BYTES),
      g(ix.total),
      g(ix.boys),
      g(ix.girls),
      op.fadd,
      op.fadd,
      s(ix.total),
      perM(ix.targets),
      s(ix.target),
      block(
        // if (target === target && total > 0): scale every cell by target / total.
        g(ix.target),
        g(ix.target),
        op.feq,
        g(ix.total),
        op.f64(0),
        op.fgt,
        op.iand,
        ifThen(
          ageLoop(ix.k, op.i32(0), op.i32(CELL_BYTES), ix.end, [
            g(ix.dso),
            g(ix.k),
            op.iadd,
            at(ix.dso, ix.k),
            g(ix.target),
            g(ix.total),
            op.fdiv,
            op.fmul,
            op.store(),
          ]),
          g(ix.target),
          s(ix.total),
        ),
      ),
      g(ix.totals),
      g(ix.m),
      op.i32(8),
      op.imul,
      op.iadd,
      g(ix.total),
      op.store(),
      g(ix.m),
      op.i32(1),
      op.iadd,
      op.tee(ix.m),
      g(ix.nM),
      op.ine,
      brIf(0),
    ),
  ];
  return { name: 'lean', params, locals, body };
}

/** The parts of the WebAssembly API the engine uses (the package is typed without DOM or Node). */
interface WasmApi {
  Memory: new (d: { initial: number; maximum?: number }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (m: object, imports: object) => { exports: Record<string, unknown> };
}

/** A WebAssembly memory. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** `full` and `lean` bound to one memory; see the kernels above for the parameters. */
export interface Kernel {
  readonly memory: WasmMemory;
  readonly full: (...args: number[]) => void;
  readonly lean: (...args: number[]) => void;
}

let compiled: object | null | undefined;

function api(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

function module(): object | null {
  if (compiled === undefined) {
    try {
      const wasm = api();
      compiled = wasm ? new wasm.Module(encodeModule([fullKernel(), leanKernel()])) : null;
    } catch {
      compiled = null; // compilation forbidden here: the JavaScript step is used instead
    }
  }
  return compiled;
}

/** Bytes per WebAssembly page. */
export const PAGE = 65536;

/**
 * Instantiates the kernels on a new memory of at least `bytes`; null where WebAssembly is
 * not available, in which case the caller uses the JavaScript step.
 */
export function createKernel(bytes: number): Kernel | null {
  const mod = module();
  const wasm = api();
  if (!mod || !wasm) return null;
  const memory = new wasm.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  const inst = new wasm.Instance(mod, { env: { memory } });
  return {
    memory,
    full: inst.exports.full as Kernel['full'],
    lean: inst.exports.lean as Kernel['lean'],
  };
}

let forceJs = false;

/** For tests: run the JavaScript step even where WebAssembly is available. */
export function useJavaScriptStep(on: boolean): void {
  forceJs = on;
}

/** Whether the WebAssembly kernels may be used. */
export function kernelsEnabled(): boolean {
  return !forceJs && module() !== null;
}
