/**
 * A minimal WebAssembly binary encoder, just enough for the projection kernels in
 * `kernel.ts`: one imported memory, functions of i32 and f64 parameters and locals, and the
 * handful of instructions the kernels use. Writing the few kernels through these helpers
 * keeps them readable and reviewable in TypeScript, with no toolchain in the build.
 */

/** Value types. */
export const I32 = 0x7f;
/** Value types. */
export const F64 = 0x7c;
/** Value types: 128-bit SIMD vector, here always two f64 lanes. */
export const V128 = 0x7b;
/** A value type. */
export type ValType = typeof I32 | typeof F64 | typeof V128;

/** Bytes of one instruction or a sequence of them. */
export type Code = readonly number[];

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function vec(items: readonly Code[]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

function name(s: string): number[] {
  return vec([...s].map((c) => [c.charCodeAt(0)]));
}

function section(id: number, body: Code): number[] {
  return [id, ...uleb(body.length), ...body];
}

/** Instructions; each returns its bytes so that code reads as nested lists. */
export const op = {
  get: (i: number): Code => [0x20, ...uleb(i)],
  set: (i: number): Code => [0x21, ...uleb(i)],
  tee: (i: number): Code => [0x22, ...uleb(i)],
  i32: (n: number): Code => [0x41, ...sleb(n)],
  f64: (x: number): Code => [0x44, ...new Uint8Array(new Float64Array([x]).buffer)],
  /** f64.load with a constant byte offset added to the address on the stack. */
  load: (offset = 0): Code => [0x2b, 0x03, ...uleb(offset)],
  /** f64.store with a constant byte offset. */
  store: (offset = 0): Code => [0x39, 0x03, ...uleb(offset)],
  fadd: [0xa0] as Code,
  fsub: [0xa1] as Code,
  fmul: [0xa2] as Code,
  fdiv: [0xa3] as Code,
  /** Negation (flips the sign bit, so −(+0) is −0 as in JavaScript). */
  fneg: [0x9a] as Code,
  flt: [0x63] as Code,
  fgt: [0x64] as Code,
  /** `x === x` for f64 (false for NaN). */
  feq: [0x61] as Code,
  iadd: [0x6a] as Code,
  isub: [0x6b] as Code,
  imul: [0x6c] as Code,
  ine: [0x47] as Code,
  iand: [0x71] as Code,
  /** `select(a, b, cond)`: a if cond ≠ 0, else b; no branch. */
  select: [0x1b] as Code,
};

/** SIMD instructions on two f64 lanes (each lane is IEEE double arithmetic, as scalar f64). */
export const simd = {
  /** v128.load with a constant byte offset; the address needs only 8-byte alignment. */
  load: (offset = 0): Code => [0xfd, 0x00, 0x03, ...uleb(offset)],
  store: (offset = 0): Code => [0xfd, 0x0b, 0x03, ...uleb(offset)],
  splat: [0xfd, 0x14] as Code,
  lane: (i: number): Code => [0xfd, 0x21, i],
  add: [0xfd, ...uleb(240)] as Code,
  mul: [0xfd, ...uleb(242)] as Code,
  /** `pmax(a, b)` = `a < b ? b : a` per lane. */
  pmax: [0xfd, ...uleb(247)] as Code,
};

/** `block … end` (branch depth 0 inside jumps past the end). */
export function block(...body: Code[]): Code {
  return [0x02, 0x40, ...body.flat(), 0x0b];
}

/** `loop … end` (branch depth 0 inside jumps back to the start). */
export function loop(...body: Code[]): Code {
  return [0x03, 0x40, ...body.flat(), 0x0b];
}

/** `if … end` on the i32 on the stack. */
export function ifThen(...body: Code[]): Code {
  return [0x04, 0x40, ...body.flat(), 0x0b];
}

/** `br_if depth`. */
export function brIf(depth: number): Code {
  return [0x0d, ...uleb(depth)];
}

/** One exported function. Locals are numbered after the parameters, in order. */
export interface FunctionDef {
  readonly name: string;
  readonly params: readonly ValType[];
  readonly result?: ValType;
  readonly locals: readonly ValType[];
  readonly body: readonly Code[];
}

/**
 * A module that imports its memory as `env.memory` (minimum `minPages` of 64 KiB) and exports
 * the given functions.
 */
export function encodeModule(functions: readonly FunctionDef[], minPages = 1): Uint8Array {
  const types = functions.map((f) => [
    0x60,
    ...vec(f.params.map((t) => [t])),
    ...vec(f.result === undefined ? [] : [[f.result]]),
  ]);
  const bodies = functions.map((f) => {
    const code = [...vec(f.locals.map((t) => [1, t])), ...f.body.flat(), 0x0b];
    return [...uleb(code.length), ...code];
  });
  return new Uint8Array([
    0x00,
    0x61,
    0x73,
    0x6d,
    0x01,
    0x00,
    0x00,
    0x00,
    ...section(1, vec(types)),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(minPages)]])),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...uleb(i)]))),
    ...section(10, vec(bodies)),
  ]);
}
