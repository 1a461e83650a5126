/**
 * The ruleset model: what a YAML ruleset says once it is validated. Pure data.
 *
 * A ruleset file:
 *   id: cn                      # unique id; rule ids are usually prefixed with it
 *   language: zh                # ja | zh | ko
 *   name: …                     # optional human title
 *   extends: [cn/ad-law.yaml]   # optional: built-in names or paths relative to this file
 *   overrides:                  # optional: change inherited rules (cn/ad-law/absolute: off, or { severity: warning })
 *   context:                    # optional, ruleset-wide: cues that make a match not a claim (`cues:` names groups)
 *     negation:  { before: [不是], after: [ではありません], window: 8 }
 *     quotation: { before: [法律规定], after: [是违禁词], window: 20 }
 *   rules: [ … ]
 */
import type { Language } from '../transcript/model.js';
import type { Basis, Severity } from '../core/finding.js';
import type { YamlProblem } from '../yaml/validated.js';

/**
 * How far a gap or a cue reaches: the clause (to 、。,!? or a line break), the sentence (to 。!? or a line break), the turn
 * (to 。 or a line break: 「眠れない？これ飲めば一発」 is one turn), or next-sentence (across one sentence end, never a line
 * break: a gap into the next sentence, a cue one sentence further each way; 「…ですよね。でも使って大丈夫」).
 */
export const SCOPES = ['clause', 'sentence', 'turn', 'next-sentence'] as const;
export type Scope = (typeof SCOPES)[number];

/** The product categories a manifest declares and a rule may be limited to. */
export const PRODUCT_CATEGORIES = [
  'cosmetic',
  'functional-cosmetic',
  'food',
  'health-food',
  'functional-food',
  'quasi-drug',
  'drug',
  'medical-device',
  'general',
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];
export { BASES, type Basis } from '../core/finding.js';

export interface LocalizedMessage {
  en: string;
  ja?: string;
  zh?: string;
  ko?: string;
}

/** The keys of a cue group (ContextCues) that hold word lists. */
export const CUE_WORD_KEYS = ['before', 'after', 'around', 'inside', 'anywhere', 'then', 'notPast', 'notWith', 'except'] as const;

/** Which side of a claim a `nearby` group's talk may be on. */
export type NearbySide = 'before' | 'after';

/** Words or phrases looked for around a match (in the normalised text of the same segment). */
export interface ContextCues {
  before?: string[];
  after?: string[];
  /** Either side. */
  around?: string[];
  /**
   * Inside the matched words themselves: 「シャツのシワがアイロンでスッと取れる」 — an iron said between the
   * flaw and its going makes it a garment, not skin. (`window` and `scope` do not apply.)
   */
  inside?: string[];
  /**
   * Before, after or inside the match: `around` and `inside` in one list, for a cue that excuses the
   * match wherever it stands (「シャツのシワが消える」 and 「シワがアイロンで消える」 alike). `around` alone
   * does not look among the matched words: rules rely on that (a cue 穿 must not excuse 穿不住了).
   */
  anywhere?: string[];
  /**
   * A second cue that must follow an `after` (or `inside`) cue later in the same sentence (or the group's `scope`): the group counts only
   * for the pair. A claim taken up by a complementizer and denied at the end of the sentence —
   * 「がんを防ぐ|という|根拠は|ありません」, 「骨が丈夫になる|とは|断定でき|ません」 — is mentioned, not made, where
   * either half alone is not enough (「がんを防ぐという研究があります」 is a claim). With a `before` cue, the then
   * cue must follow the match within the group's window (or scope), as the before cue precedes it:
   * 没有|排毒清肺|的作用 denies the effect, 再也没有|失眠|过 claims it.
   */
  then?: string[];
  /**
   * Words a `before` cue does not reach past (a contrast: 但是, 可是, 不过): 不是药，但是吃了血压就降下来了 — the
   * denial is of what comes before 但是, and what comes after it is said. Only cues before the match are
   * cut off (an `around` cue on that side too); the group's window or scope still applies.
   */
  notPast?: string[];
  /**
   * Words that keep the group from excusing anything when one stands in its reach (its window or scope, either side
   * of the match or inside it): everyday advice (跑步可以分解脂肪) is no claim, but the same words with the goods in
   * the clause (这款茶配合跑步可以分解脂肪, 喝了它) are.
   */
  notWith?: string[];
  /**
   * How far `notWith` looks when that is farther than the group's own reach (a cue right after the match, goods
   * anywhere in its sentence): 키 크는|비결은 (window 1) is advice, 키 크는 비결은 바로 이 젤리예요 sells the jelly.
   */
  notWithScope?: Scope;
  /**
   * The group counts only for a match inside quotation marks on its line (「」『』“”‘’ or straight
   * double quotes): a phrase quoted in order to refuse it — 「髪が生える」とは言えません, 不说“全网最低价”,
   * "세포 재생" 이런 단어 못 써요 — is mentioned, not claimed. Its cues are then the refusal.
   */
  quoted?: boolean;
  /** How many characters either side of the match to look in (default 12). */
  window?: number;
  /**
   * Look as far as the sentence goes (to 。！？!? or a line break) or the clause (also stops at
   * commas) instead of `window` characters, at most 120 characters: "日本一とか、そういうことは
   * 言えないんですけど" — the denial comes at the far end of the sentence. `turn` also crosses ？！?!
   * (only 。 or a line break ends it): a host asks, then answers.
   */
  scope?: Scope;
  /**
   * Only in a matcher's `onlyWith` or `unless`, with the cues under `anywhere`: the talk around the claim, not its sentence. The
   * group is met when one of its cues is said anywhere in the claim's own segment or in a segment that starts or ends
   * within this many seconds of it (a transcript without times: within `nearby / 5` lines, at least one, either side;
   * a spoken cue runs about five seconds). A bare 元が取れる is a side-job promise only where side jobs are talked about,
   * and that talk is seldom in the same caption. Cues are looked for in the normalised text, anywhere (not as whole words).
   * In a matcher's own `unless` the same group excuses the claim: 先生のおすすめ where a calligraphy teacher was introduced.
   */
  nearby?: number;
  /**
   * With `nearby`: only the talk on one side of the claim counts — `before` (the topic said first: hosts address the
   * sufferers, then tell the result; a lawful "穿上就好了" said before a symptom is named is no claim of it) or `after`.
   * The claim's own segment counts either way.
   */
  side?: NearbySide;
  /**
   * A cue said inside one of these longer phrases does not count, in any group (稼げる is earning talk, but not in
   * ポイントが稼げる; the question ending 까요 is not in the explaining 니까요; 合格 not in 不合格); found as the cues are.
   */
  except?: string[];
  /**
   * Match the cues as whole words, on the tokenizer's word boundaries like a matcher's words (by
   * surface or base form), instead of anywhere in the text: a cue 床 (a floor) then does not fire
   * inside 臨床, nor 布 inside 湿布. In Japanese and Korean a rule's `unless` cue of one character is
   * already matched so (방 is not in 방석, 一 not in 一般); `wholeWords: false` keeps it partial.
   */
  wholeWords?: boolean;
  /** A named group (`cues:` of this file or one it extends) in this group's place, written alone; replaced on load. */
  use?: string;
}

/** One group of cues, or several groups each with its own window or scope. */
export type CueGroups = ContextCues | ContextCues[];

export function cueGroups(c: CueGroups | undefined): ContextCues[] {
  return c === undefined ? [] : Array.isArray(c) ? c : [c];
}

/** Two rulesets' context cues together: every group of both, each keeping its own window or scope. */
export function mergeContext(a: RulesetContext, b: RulesetContext): RulesetContext {
  const out: RulesetContext = {};
  for (const key of ['negation', 'quotation'] as const) {
    const all = [...cueGroups(a[key]), ...cueGroups(b[key])];
    if (all.length > 0) out[key] = all;
  }
  return out;
}

/**
 * A rule's `unless` groups with the ruleset's negation `notPast` words (contrasts and corrections) where a group names
 * none of its own: a denial among a rule's own cues does not reach past a correction any more than the ruleset's
 * does — 这个不是药，是能治病的 corrects 药 to 能治病 (cn/ad-law/medical-claim lists 不是 with window 4).
 */
export function withNegationNotPast(unless: CueGroups | undefined, notPast: readonly string[]): CueGroups | undefined {
  if (unless === undefined || notPast.length === 0) return unless;
  return cueGroups(unless).map((g) => (g.notPast || !(g.before?.length || g.around?.length || g.anywhere?.length) ? g : { ...g, notPast: [...notPast] }));
}

/** The `notPast` words of the ruleset's negation groups, each once (for withNegationNotPast). */
export function negationNotPast(context: RulesetContext): string[] {
  return [...new Set(cueGroups(context.negation).flatMap((g) => g.notPast ?? []))];
}

/**
 * One element of a `seq` matcher. A string is one word; `"{name}"` is any word of a vocab list; a
 * list of strings is alternatives. Words match on token boundaries, by surface form or by base
 * form (lemma): `治る` also matches 治ります and 治った. A list of alternatives may also hold `words`,
 * `pos` and `number` objects (`[구십, 백, {number: [세], min: 90}]`): any one of them there.
 */
export type SeqElement = string | (string | SeqObject)[] | SeqObject;

/** A number step's bounds on its value divided by the number an earlier number step of the match took. */
export type NumberRatio = { min?: number; max?: number };
/** An element written as an object: exactly one of words / pos / number / gap / not / notAfter / start / end. */
export interface SeqObject {
  /** Alternatives, as a string list (`"{name}"` for a vocab list). */
  words?: string[];
  /** Part-of-speech tag prefixes as the language's analyser names them (名詞, 動詞-自立, v, NNG…). */
  pos?: string | string[];
  /** A number (digits or CJK numerals, a range like 3〜5 too), followed by one of these units when given. */
  number?: true | string[];
  /** With `number`: at least / at most this (`{number: ["%"], min: 50}`); a range (30〜50) by its top for min, bottom for max. */
  min?: number;
  max?: number;
  /** With `number`: this ÷ the number an earlier number element of the match took, at least `min` / at most `max`. */
  ratio?: NumberRatio;
  /** Zero to N tokens of anything, never crossing a clause end (、。,!?) — or, with scope: sentence, a sentence end (。!?); scope: turn crosses ?! too. */
  gap?: number;
  scope?: Scope;
  /** With `gap`: count words as written between spaces (Korean 어절), not the analyser's tokens (rules/gap-ends.ts). */
  spaced?: true;
  /** The element may be absent. */
  optional?: boolean;
  /** Zero-width: the words that follow here are not one of these ("not followed by"). */
  not?: string | string[];
  /** Zero-width: the words just before here are not one of these ("not preceded by"). */
  notAfter?: string | string[];
  /**
   * Zero-width: a caption unit (a title, a selling point, a hashtag, a clause) begins here — nothing back to the
   * start of the line, a line break, punctuation, #, a bar, slash, middle dot, dash, bracket or symbol
   * (rules/caption-edges.ts). Usually first, but it may follow other elements (goods named, then a unit of its own).
   */
  start?: true;
  /** Zero-width: a caption unit ends here (as `start`, forwards). */
  end?: true;
}

/**
 * One way a rule finds what it looks for; every matcher has an id that findings report.
 * Exactly one of `words` (any of these words), `seq` (a sequence of elements) or `regex`
 * (a regular expression on the normalised text: the escape hatch, counted by `rules lint`).
 */
export interface MatchEntry {
  id: string;
  words?: string[];
  /**
   * With `words` only: the word is not followed (`not`) or preceded (`notAfter`) by one of these, as the same steps of a
   * `seq` say (`words: ["{crown}"], not: [上陸]` finds 日本初 but not 日本初上陸). A seq writes them as elements.
   */
  not?: string[];
  notAfter?: string[];
  seq?: SeqElement[];
  regex?: string;
  /**
   * Cues that excuse this matcher's hits only (a prohibit rule's), as the rule's `unless` excuses every
   * matcher's: an exception that belongs to one way of saying the claim does not clear the others.
   */
  unless?: CueGroups;
  /**
   * Cue groups of which one must be in reach for this matcher's hits to count at all (a prohibit rule's): the
   * opposite of `unless`. 万全 is a claim of a property only (`onlyWith: {around: [物件], scope: sentence}`), a
   * bare #益智 only with formula in the line.
   */
  onlyWith?: CueGroups;
  /**
   * The category this matcher's findings report, where it is not the rule's (a prohibit rule's matchers only): one
   * family said of a disease is a medical claim, said of a cosmetic's look an efficacy claim (round 48: two writers).
   */
  category?: string;
}

/**
 * What to look for. `match` is the structured form; `terms` (plain words) and `patterns`
 * (regular expressions) are the older shorthands, read as matchers `terms` and `pattern-N`.
 */
export interface Matcher {
  match?: MatchEntry[];
  terms?: string[];
  patterns?: string[];
}

/** A bad example and what the rule must report in it: the exact words, and optionally the matcher. */
export interface BadExample {
  text: string;
  /** The words of each finding the rule must raise (all of them, in any order). */
  match?: string[];
  matcher?: string;
}

export interface RuleExamples {
  /** Canonical once parsed (parse.ts); a rule built in code may still give plain strings. */
  bad: (BadExample | string)[];
  good: string[];
}

interface RuleBase extends Matcher {
  id: string;
  category: string;
  severity: Severity;
  message: LocalizedMessage;
  /** Law name and article, e.g. "景品表示法 第5条第1号". */
  reference: string;
  /** Where the official text of that article can be read (SARIF helpUri). */
  url?: string;
  description?: string;
  examples: RuleExamples;
  /** The product categories the rule's law covers (absent: every product). Used with a manifest. */
  products?: ProductCategory[];
  /**
   * The severity when a manifest declares the product as one of `products` (needs `products`).
   * `severity` is then what is reported while nobody has said what the product is: 美白 is lawful
   * for a registered whitening cosmetic and not for an ordinary one, so without a manifest it is a
   * warning to verify, and with `category: cosmetic` an error.
   */
  declaredSeverity?: Severity;
  /** What `reference` is: statute, guideline or policy. */
  basis?: Basis;
}

/** Which of the ruleset's context groups a rule heeds (each true unless set false). */
export interface ContextRespected { negation?: boolean; quotation?: boolean }

export interface ProhibitRule extends RuleBase {
  kind: 'prohibit';
  /** Exceptions: the match is not reported when one of these is found around it. */
  unless?: CueGroups;
  /** Whether the ruleset's negation / quotation cues suppress this rule (default true), or per group: `{ quotation: false }`. */
  respectContext?: boolean | ContextRespected;
  /**
   * Conditional rule: only when the manifest declares `sponsored: true` (a paid or gifted
   * promotion). "これは案件じゃない" / "내돈내산" / "不是广告" are claims only when the stream is in
   * fact paid for; without that declaration nobody can tell, so the rule stays silent.
   * `declared`: only about a product the manifest declares as one of `products`. 「有助于增强免疫力」 is
   * the registered wording of a health food and a violation for an ordinary food; without a manifest
   * nobody can tell which the product is.
   */
  onlyWhen?: 'sponsored' | 'declared';
}

export interface RequireTiming {
  /** Must be said within the first N seconds. */
  within?: number;
  /** Must be said at least once in every N seconds. */
  every?: number;
  /** Must be said within the last N seconds of the recording (Korea's endorsement guideline: at the end of a live stream too). */
  end?: number;
  /** Must be said within `within` seconds after each trigger (e.g. each price announcement). */
  after?: Matcher & { within: number };
}

export interface RequireRule extends RuleBase {
  kind: 'require';
  /** When absent: at least once anywhere. */
  timing?: RequireTiming;
  /** Conditional: only required when one of these is said (e.g. a sponsorship mention). */
  when?: Matcher;
  /**
   * Where the disclosure counts: `spoken` (speech or its subtitles), `shown` (text on screen), or
   * `either` (default).
   */
  channel?: DisclosureChannel;
}

export type DisclosureChannel = 'spoken' | 'shown' | 'either';

export type Rule = ProhibitRule | RequireRule;

export interface RulesetContext {
  negation?: CueGroups;
  quotation?: CueGroups;
}

/** A ruleset after `extends` and `overrides` have been applied. */
export interface Ruleset {
  id: string;
  /** Word lists (own and inherited) that patterns use as `{name}`; already expanded in `rules`. */
  vocab?: Record<string, string[]>;
  name?: string;
  language: Language;
  description?: string;
  /** Files this ruleset was assembled from, outermost first. */
  sources: string[];
  context: RulesetContext;
  rules: Rule[];
  /**
   * Things that load but are likely mistakes, at file:line:col (shown by `rules lint`): a rule of a
   * later `extends` entry replacing one of the same id from an earlier entry of the same list.
   */
  warnings?: RulesetProblem[];
}

/** A problem in a ruleset file, at file:line:col (the one problem type of every YAML input). */
export type RulesetProblem = YamlProblem;

export function formatProblem(p: RulesetProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.reason}`;
}

/** A ruleset that cannot be used; `problems` lists everything found, the message the first few. */
export class RulesetError extends Error {
  readonly problems: RulesetProblem[];
  constructor(problems: RulesetProblem[]) {
    super(problems.slice(0, 20).map(formatProblem).join('\n') + (problems.length > 20 ? `\n… and ${problems.length - 20} more` : ''));
    this.name = 'RulesetError';
    this.problems = problems;
  }
  get file(): string {
    return this.problems[0]?.file ?? '';
  }
}

/** The matchers a rule (or its trigger/condition) declares, the older shorthands included. */
export function matchEntries(m: Matcher): MatchEntry[] {
  const out: MatchEntry[] = [...(m.match ?? [])];
  if (m.terms?.length) out.push({ id: 'terms', words: m.terms });
  m.patterns?.forEach((p, i) => out.push({ id: `pattern-${i + 1}`, regex: p }));
  return out;
}
