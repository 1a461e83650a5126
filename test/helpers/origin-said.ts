/** The origin statements the manifest check reads in a line: [words as compacted, place] pairs. */
import { originStatements } from '../../src/manifest/apply.js';
import { loadGazetteer, loadStatements } from '../../src/manifest/load.js';
import { compact } from '../../src/manifest/model.js';
import type { Language } from '../../src/transcript/model.js';

const gazetteer = loadGazetteer();
const statements = loadStatements();

export function originsSaid(text: string, lang: Language): [string, string][] {
  const c = compact(text);
  return originStatements(c, lang, gazetteer, statements[lang].origin).map((s) => [c.slice(s.start, s.end), s.place]);
}
