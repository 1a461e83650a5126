/**
 * Which characters a Traditional → Simplified conversion can change, read from its dictionaries:
 * a text holding none of them comes out of the conversion as it went in, so most Simplified
 * speech need not be converted at all. Pure.
 */

/** opencc's dictionary forms: `"key value value|key value"`, or a list of [key, value] pairs. */
export type Dict = string | readonly (readonly [string, string])[];
export type DictGroup = readonly Dict[];

function entries(dict: Dict): [string, string[]][] {
  if (typeof dict !== 'string') return dict.map(([k, v]) => [k, v.split(' ')]);
  return dict
    .split('|')
    .map((e) => e.split(' '))
    .filter((parts) => parts.length >= 2 && parts[0])
    .map(([k, ...vs]) => [k as string, vs]);
}

/**
 * Every character of a key that some value of it does not keep at the same place (all of the
 * key's characters when a value differs in length). A key can only change a text that holds one
 * of these: the rest of it is left as it is.
 */
export function changingChars(groups: readonly DictGroup[]): Set<string> {
  const out = new Set<string>();
  for (const group of groups)
    for (const dict of group)
      for (const [key, values] of entries(dict)) {
        const k = [...key];
        for (const value of values) {
          const v = [...value];
          if (v.length !== k.length) k.forEach((c) => out.add(c));
          else k.forEach((c, i) => c !== v[i] && out.add(c));
        }
      }
  return out;
}

/** One of opencc's converter configurations: the dictionaries it runs, in order. */
export interface ConverterConfig {
  normalizationChain?: readonly DictGroup[];
  conversionChain: readonly DictGroup[];
}

/**
 * The characters the named configurations can change between them, or undefined when one of them
 * is missing (another opencc-js layout: then every text must be converted).
 */
export function changingCharsOf(configs: Record<string, ConverterConfig> | undefined, names: readonly string[]): Set<string> | undefined {
  const used = names.map((n) => configs?.[n]);
  if (!used.every((c): c is ConverterConfig => c !== undefined)) return undefined;
  return changingChars(used.flatMap((c) => [...(c.normalizationChain ?? []), ...c.conversionChain]));
}

/** `convert`, skipped for a text holding none of the characters it can change. */
export function skipUnchanged(convert: (s: string) => string, changing: ReadonlySet<string>): (s: string) => string {
  // A flag per BMP code unit (most texts are read one unit at a time), a set for the rest.
  const bmp = new Uint8Array(0x10000);
  const astral = new Set<number>();
  for (const c of changing) {
    const cp = c.codePointAt(0) as number;
    if (cp < 0x10000) bmp[cp] = 1;
    else astral.add(cp);
  }
  return (s) => {
    for (let i = 0; i < s.length; i++) {
      const u = s.charCodeAt(i);
      if (u >= 0xd800 && u < 0xdc00 && i + 1 < s.length) {
        const low = s.charCodeAt(i + 1);
        if (low >= 0xdc00 && low < 0xe000) {
          if (astral.has(((u - 0xd800) << 10) + (low - 0xdc00) + 0x10000)) return convert(s);
          i++;
          continue;
        }
      }
      if (bmp[u] === 1) return convert(s);
    }
    return s;
  };
}
