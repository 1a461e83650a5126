/**
 * Columns of typed arrays that grow: the tokenizers keep their lattices' nodes in them (a node
 * object per candidate word was most of the garbage on long transcripts). Pure.
 */
export type Column = Uint8Array | Uint16Array | Int32Array | Float64Array;

/** A copy of `a` with room for `size` elements (its contents first, zeros after). */
export function grown<T extends Column>(a: T, size: number): T {
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}
