/**
 * The lexicon of a compiled ruleset: every distinct word of every rule, once, keyed by its characters and by its
 * tokens' base forms (or, in Korean, its spoken form as written), each word in the word sets (atoms) that name it.
 * Pure: the analyser is handed in.
 */
import type { Analyzer } from '../text/analyze.js';
import type { Language } from '../transcript/model.js';
import type { Token } from '../text/tokenizer.js';
import { Automaton, codeUnits } from './automaton.js';
import { KanaReadings } from './kana-variants.js';
import { addContractedKey } from './ko-contracted.js';
import { dictionaryForm, fusedJida, spokenReadings, wholeBaseKey } from './ko-dictionary-form.js';

/**
 * Every distinct word of every rule, once. A word (literal) belongs to any number of atoms (the
 * word sets elements name); a hit of the literal is a hit of each of its atoms.
 */
export interface Lexicon {
  /** Per literal: the atoms it belongs to. */
  literalAtoms: number[][];
  /** Per atom: whether its words may match inside a token (context cues), not only on token boundaries. */
  atomLoose: boolean[];
  atomCount: number;
  /**
   * Normalised literal characters → literal id (≥ 0); and, for a literal of several words, the
   * characters of all but its last word → -(stem index + 1) (see `stems`).
   */
  surface: Automaton<number>;
  /**
   * A literal of several words matches when its first words are said as written and its last word
   * in any form: 良くなる is 良く (an adverb alone, an adjective in 良くなった) + なる in any form.
   */
  stems: { literal: number; lastBase: string; asWritten?: boolean }[];
  /** Literal base-form sequences → literal id. */
  lemma: Automaton<string>;
  /**
   * Korean: a word written in a spoken form (빠져요, 돼요) matches that form only, so its key is its
   * tokens as written and the lemma automaton is also searched over the text's token surfaces; a
   * word written in its dictionary form (빠지다) is keyed by base forms and matches every form.
   */
  spokenForms?: boolean;
  /**
   * Korean: the surface keys written with spaces (다는 광고, 라이브 끝나면), without them, searched only
   * where the text is written without spaces (see text/spaceless.ts): 다는광고, 라이브끝나면.
   */
  despaced?: Automaton<number>;
  /**
   * Japanese: literals written ending in the past or copula auxiliary (治った, 選んだ, 綺麗だ). Their
   * key ends in the base た / だ, which is also the base of the conditional and the conjecture
   * (治ったら, 選ぶなら, 選んだろう): those forms suppose, they do not state, so they are refused.
   */
  stated?: number[];
  /**
   * Korean: literals written as a -지다 verb keyed on the stem's base alone (커지다 on 크다: see fusedJida in
   * ko-dictionary-form.ts). That key counts only on a token with the 지 in it (커져요), not on 커요 (크다, "is big").
   */
  becoming?: number[];
  /**
   * Korean: literals whose own words end in a noun (유산균, 항산화, 붓기; not 처방한): only such a word is found cut one
   * syllable short of a product head (ko-compounds.ts).
   */
  nounEnding?: number[];
  /**
   * Korean: literals written as one word (no space), not ending in a particle or an ending, that ko-dic cuts into
   * several (위고비 = 위|고비, 삭센다): names it does not know, which a copula said after them can cut another way
   * (위고비예요 = 위고|비예|요: ko-compounds.ts).
   */
  cutWord?: number[];
  /** Korean literals also keyed whole as a base (wholeBaseKey: 잡히다); such a match stops short of a fused quotation (깨운다는). */
  wholeBase?: { literal: number; base: string }[];
  /** Korean literals written as a stem that contracts (나오, 못 봐: ko-contracted.ts), also keyed by base; such a key counts only on a token beginning with a prefix (나와, 나왔). */
  contracted?: { literal: number; prefixes: string[] }[];
}

/**
 * The keys with a space inside them, without their spaces (see Lexicon.despaced). Not a stem ending
 * in a space (라고 하는 ): it never ends on a token written with spaces, so it finds nothing there.
 */
function despacedKeys(keys: readonly { key: number[]; value: number }[]): { key: number[]; value: number }[] {
  return keys.filter((k) => k.key.includes(0x20) && k.key[k.key.length - 1] !== 0x20).map((k) => ({ key: k.key.filter((c) => c !== 0x20), value: k.value }));
}

/**
 * A word written `=たら`: that surface form exactly, matched by its characters (on word boundaries, as every word), never
 * by its base form (た, which every past form of every verb carries) nor by a kana reading. Undefined for other words.
 */
export function exactSurface(norm: string): string | undefined {
  return norm.length > 1 && norm.startsWith('=') ? norm.slice(1) : undefined;
}

export class LexiconBuilder {
  private readonly literals = new Map<string, number>();
  private readonly literalAtoms: number[][] = [];
  private readonly atoms = new Map<string, number>();
  private readonly atomLoose: boolean[] = [];
  private readonly surfaceKeys: { key: number[]; value: number }[] = [];
  private readonly lemmaKeys: { key: string[]; value: number }[] = [];
  private readonly stems: { literal: number; lastBase: string; asWritten?: boolean }[] = [];
  private readonly stated: number[] = [];
  private readonly becoming: number[] = [];
  private readonly nounEnding: number[] = [];
  private readonly cutWord: number[] = [];
  private readonly wholeBase: { literal: number; base: string }[] = [];
  private readonly contracted: { literal: number; prefixes: string[] }[] = [];

  private readonly spokenForms: boolean;
  /** Japanese: the kana spellings of words written with kanji (see kana-variants.ts). */
  private readonly kana: KanaReadings | undefined;

  constructor(private readonly analyzer: Analyzer) {
    this.spokenForms = analyzer.language === 'ko';
    this.kana = analyzer.language === 'ja' ? new KanaReadings(analyzer) : undefined;
  }

  /** A word as the lexicon keys it. */
  readonly normalize = (w: string): string => this.analyzer.normalizeTerm(w);

  /** The language of the words. */
  get language(): Language {
    return this.analyzer.language;
  }

  /** Words as the lexicon keys them, each once, sorted, none empty. */
  normalizeAll(words: readonly string[]): string[] {
    return [...new Set(words.map(this.normalize).filter((w) => w.length > 0))].sort();
  }

  /** The atom for a set of words (the same set is one atom). */
  atom(words: readonly string[], loose = false): number {
    const norm = this.normalizeAll(words);
    const key = `${loose ? 'L' : 'T'}\u0000${norm.join('\u0000')}`;
    let id = this.atoms.get(key);
    if (id !== undefined) return id;
    id = this.atomLoose.length;
    this.atoms.set(key, id);
    this.atomLoose.push(loose);
    for (const w of norm) (this.literalAtoms[this.literal(w)] as number[]).push(id);
    return id;
  }

  private literal(norm: string): number {
    let id = this.literals.get(norm);
    if (id !== undefined) return id;
    id = this.literalAtoms.length;
    this.literals.set(norm, id);
    this.literalAtoms.push([]);
    const exact = exactSurface(norm);
    this.surfaceKeys.push({ key: codeUnits(exact ?? norm), value: id });
    if (exact !== undefined) return id;
    // Without base forms and without spaces between words (Chinese), a word's token key says no more
    // than its characters: only Japanese (base forms) and Korean (spacing: 보장해드려요 said as
    // 보장해 드려요) need the words tokenized here.
    if (!this.analyzer.baseForms && this.analyzer.language === 'zh') return id;
    // By base form too: a word written in its dictionary form (治る, 消える) must still match the
    // conjugated forms in speech (治ります, 消えました), whose tokens carry that base form.
    const a = this.analyzer.analyze(norm);
    let dictionary = dictionaryForm(a.tokens);
    // A word that is also a particle after a noun (보다 "than": 다른 데보다) is meant as written.
    const particle = dictionary !== a.tokens && dictionary.length === 1 && this.analyzer.analyze(`것${norm}`).tokens.some((t) => t.surface === norm && t.pos.startsWith('J'));
    if (particle) dictionary = a.tokens;
    // Korean keeps a spoken form as written (see Lexicon.spokenForms); other languages and Korean
    // dictionary forms go by base form.
    const asWritten = this.spokenForms && dictionary === a.tokens;
    if (this.spokenForms && dictionary !== a.tokens && fusedJida(a.tokens) === 'plain') this.becoming.push(id);
    if (this.spokenForms && /^(?:NNG|NNP|XSN)$/u.test(a.tokens[a.tokens.length - 1]?.pos ?? '')) this.nounEnding.push(id);
    if (this.spokenForms && a.tokens.length > 1 && !/\s/u.test(norm) && !/^(?:J|E|VCP)/u.test(a.tokens[a.tokens.length - 1]?.pos ?? 'J')) this.cutWord.push(id);
    const tokens = dictionary;
    const keyOf = (t: Token) => (asWritten ? t.surface : t.base);
    if (tokens.length > 0) this.lemmaKeys.push({ key: tokens.map(keyOf), value: id });
    if (asWritten) addContractedKey(tokens, id, this.lemmaKeys, this.contracted); // 나오 also finds 나와요, 나왔어요; 못 봐, 못 봐요
    if (this.kana) {
      const v = this.kana.variants(a.tokens);
      for (const key of v.bases) this.lemmaKeys.push({ key, value: id });
      for (const written of v.surfaces) this.surfaceKeys.push({ key: codeUnits(written), value: id });
    }
    if (!asWritten && this.spokenForms && dictionary !== a.tokens) {
      const spoken = spokenReadings(norm, tokens.map(keyOf), (s) => this.analyzer.analyze(s).tokens);
      for (const key of spoken.keys) this.lemmaKeys.push({ key, value: id });
      if (spoken.onJi && !this.becoming.includes(id)) this.becoming.push(id);
    }
    // A dictionary form ko-dic splits otherwise than its spoken forms' one token (잡히다 = 잡 히다; 잡혔 = base 잡히다).
    const whole = this.spokenForms && !particle ? wholeBaseKey(norm, tokens.map(keyOf), (s) => this.analyzer.analyze(s).tokens) : undefined;
    if (whole) this.lemmaKeys.push({ key: whole, value: id });
    if (whole) this.wholeBase.push({ literal: id, base: norm });
    const last = tokens[tokens.length - 1];
    if (this.analyzer.language === 'ja' && tokens.length > 1 && last && last.pos.startsWith('助動詞') && (last.base === 'た' || last.base === 'だ')) this.stated.push(id);
    if (tokens.length > 1 && last) {
      const stem = a.norm.text.slice(0, last.start);
      if (stem.trim()) {
        this.surfaceKeys.push({ key: codeUnits(stem), value: -(this.stems.length + 1) });
        this.stems.push(asWritten ? { literal: id, lastBase: last.surface, asWritten } : { literal: id, lastBase: last.base });
      }
    }
    return id;
  }

  build(): Lexicon {
    return {
      literalAtoms: this.literalAtoms,
      atomLoose: this.atomLoose,
      atomCount: this.atomLoose.length,
      surface: new Automaton<number>(this.surfaceKeys),
      stems: this.stems,
      ...(this.stated.length > 0 ? { stated: this.stated } : {}),
      ...(this.becoming.length > 0 ? { becoming: this.becoming } : {}),
      ...(this.nounEnding.length > 0 ? { nounEnding: this.nounEnding } : {}),
      ...(this.cutWord.length > 0 ? { cutWord: this.cutWord } : {}),
      ...(this.wholeBase.length > 0 ? { wholeBase: this.wholeBase } : {}),
      ...(this.contracted.length > 0 ? { contracted: this.contracted } : {}),
      lemma: new Automaton(this.lemmaKeys),
      ...(this.spokenForms ? { spokenForms: true, despaced: new Automaton<number>(despacedKeys(this.surfaceKeys)) } : {}),
    };
  }
}

