/**
 * The text tests a context cue passes through: quotation marks around the words, and the denials
 * that are no denials (an A-not-A question, "it is no lie", a denial that asks). Pure, on the
 * normalised text.
 */

const OPENING = '「『“‘';
const CLOSING = '」』”’';
const QUOTE_MARKS = `${OPENING}${CLOSING}"`;

/**
 * Whether [start, end) lies inside quotation marks on its line: the nearest paired mark before it
 * is an opening one whose closing mark follows it (no other mark in between), or an odd number of
 * straight double quotes precede it and one follows it.
 */
export function insideQuotes(text: string, start: number, end: number): boolean {
  const span = text.slice(start, end);
  if ([...QUOTE_MARKS].some((m) => span.includes(m))) return false;
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n') lineStart--;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n') lineEnd++;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, lineEnd);
  if ((before.split('"').length - 1) % 2 === 1 && after.includes('"')) return true;
  for (let i = before.length - 1; i >= 0; i--) {
    const c = before[i] as string;
    if (CLOSING.includes(c)) return false;
    const o = OPENING.indexOf(c);
    if (o >= 0) {
      const close = after.indexOf(CLOSING[o] as string);
      const reopen = after.indexOf(c);
      return close >= 0 && (reopen < 0 || close < reopen);
    }
  }
  return false;
}

/** Whether the line(s) holding [start, end) have a quotation mark at all: most lines have none. */
function lineHasQuotes(text: string, start: number, end: number): boolean {
  for (let i = start - 1; i >= 0 && text[i] !== '\n'; i--) if (QUOTE_MARKS.includes(text[i] as string)) return true;
  for (let i = start; i < text.length && (i < end || text[i] !== '\n'); i++) if (QUOTE_MARKS.includes(text[i] as string)) return true;
  return false;
}

/**
 * Whether some of the words [start, end) are inside quotation marks: all of them, or a match that
 * runs into or out of a quotation (コメントで来てた「…アトピー治った」, 「痩せた」ってコメント).
 */
export function partlyQuoted(text: string, start: number, end: number): boolean {
  if (!lineHasQuotes(text, start, end)) return false;
  if (insideQuotes(text, start, end)) return true;
  for (let p = start; p < end; p++) if (!QUOTE_MARKS.includes(text[p] as string) && insideQuotes(text, p, p + 1)) return true;
  return false;
}

/**
 * Whether a cue starting at `at` begins with the 不/没 of a Chinese A-not-A question (是不是, 有没有,
 * 能不能): the same character on both sides. Such a question asks, it does not deny, so its 不是 or
 * 没有 is no negation cue: 你看是不是白了一个度 is a claim.
 */
export function insideAnotA(text: string, at: number): boolean {
  const c = text[at];
  return (c === '不' || c === '没') && at > 0 && text[at - 1] === text[at + 1];
}

/** Words whose denial affirms: 嘘じゃない, 夢じゃない, 大げさではない, 間違いありません; 거짓말 아니에요, 과장이 아니라. */
const AFFIRMED_BY_DENIAL = ['嘘', 'うそ', 'ウソ', '夢', '冗談', '大げさ', '大袈裟', 'おおげさ', '誇張', '言い過ぎ', '気のせい', 'まぐれ', '間違い', '疑い', '違い', '거짓말', '거짓말이', '과장', '과장이', '농담', '농담이', '허풍', '뻥', '뻥이'];
/** What a Chinese 不是/没 denies when the denial affirms: 不是吹的, 不是盖的, 没骗你, 不是开玩笑. */
const DENIED_TO_AFFIRM = ['吹', '盖', '骗', '开玩笑', '夸张', '瞎说', '乱说'];

/**
 * Whether a cue starting at `at` is a denial that affirms what was said: "it is no lie" (嘘じゃない,
 * 거짓말 아니에요), "it is no dream" (夢じゃない), "I'm not bragging" (不是吹的, 没骗你). Such a denial
 * stresses the claim, so it is no negation cue: シミが消えるのは嘘じゃないです is a claim.
 */
export function denialAffirms(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 4), at).trimEnd();
  if (AFFIRMED_BY_DENIAL.some((w) => before.endsWith(w))) return true;
  if (notOnly(text, at)) return true;
  const c = text[at];
  if (c !== '不' && c !== '没') return false;
  const rest = text.slice(at + (text.startsWith('不是', at) ? 2 : 1));
  return DENIED_TO_AFFIRM.some((w) => rest.startsWith(w) || rest.startsWith(`在${w}`));
}

/**
 * Chinese "not only" (不仅能美白，还能祛斑): the 不 that begins it. Not 不止 (不止痛 denies), nor 不光 before 滑, 彩, 亮, 泽
 * (不光滑: "not smooth").
 */
const NOT_ONLY_ZH = /^不(?:仅|但|只|单|光(?![滑彩亮泽]))/u;
/** Japanese "not only": the word limited (シミが消えるだけでなく), then its denial (で|では|じゃ before な). */
const ONLY_JA = /(?:だけ|ばかり|のみ)(?:で|では|じゃ|じゃあ)?$/u;
/** Korean "not only": 뿐(만) before 아니라 / 아니고, a particle between or not (탈모 치료뿐만 아니라, 치료뿐만이 아니라). */
const ONLY_KO = /뿐(?:만)?(?:이|은|는)?\s*$/u;

/**
 * Whether a cue starting at `at` is the denial of "not only … (but also)": 不光治失眠，还能…, アトピーが治るだけでなく…,
 * 탈모 치료뿐만 아니라…. It adds to what it follows instead of denying it (asked for by round 56's real claims).
 */
function notOnly(text: string, at: number): boolean {
  if (NOT_ONLY_ZH.test(text.slice(at, at + 3))) return true;
  if (/^(?:な|でな|ではな|じゃな)/u.test(text.slice(at, at + 4))) return ONLY_JA.test(text.slice(Math.max(0, at - 6), at));
  const k = text.indexOf('아니', at);
  if (k < 0 || k - at > 2 || !/^[라고](?!면)/u.test(text.slice(k + 2, k + 4))) return false;
  return ONLY_KO.test(text.slice(Math.max(0, k - 6), k));
}

/** What turns a Japanese denial into a question that asserts: 治るんじゃないでしょうか, 日本一ではないですか. */
const ASKING_TAILS = ['でしょうか', 'ですか', 'ですかね', 'でしょうかね'];

/** Whether an asking tail starts at `at`: not ですから / でしょうから ("because"), which gives a reason for the denial. */
const asksAt = (text: string, at: number): boolean => ASKING_TAILS.some((t) => text.startsWith(t, at) && text[at + t.length] !== 'ら');

/**
 * Whether a cue [at, end) is a denial (…ない, …ません) that asks rather than denies: 花粉症が治るんじゃない
 * でしょうか, 日本一ではないですか. Such a rhetorical question asserts the claim, so its ない is no
 * negation cue (a hedge that keeps the denial — とは言えないかもしれません, とは言えないかな — still is).
 */
export function denialAsks(text: string, at: number, end: number): boolean {
  const cue = text.slice(at, end);
  if (!cue.endsWith('ない') && !cue.endsWith('ません')) return false;
  return asksAt(text, end);
}

/**
 * Whether a question cue at `at` (ですか、, ですか?) closes a denial that asks: 消えるんじゃないですか、
 * 日本一じゃないですか? — the same rhetorical question as in `denialAsks`, seen from its question mark.
 */
export function askedAfterDenial(text: string, at: number): boolean {
  return text.slice(0, at).endsWith('ない') && asksAt(text, at);
}

/** A Korean "cannot" in a cue: (ㄹ) 수 없…, 수는/수가/수도 없…, 순 없…. */
const CANNOT = /(?:수[는가도]?|순)\s?없/u;
/** Where the clause before a cue starts: a stop, a comma or a line break. */
const CLAUSE_END = /[.!?,。！？，\n]/u;
/**
 * A comparison in a Korean clause: 더 (more), …보다 (than), 그 이상 (beyond that). Not 만큼, which measures
 * as often as it compares (먹어도 될 만큼 순하다는 말은 … 쓸 수 없어요 denies).
 */
const COMPARATIVE = /(?:^|\s)더(?:\s|$)|보다(?:\s|$)|(?:^|\s)(?:그|이)\s?이상(?:으로|의)?(?:\s|$)/u;

/** Saying, just before a Korean 수 없: 말은 할, 말씀은 드릴, 말할, 고는 할 ("cannot say that …"). */
const SAID_CANNOT = /(?:말[은도]?\s?할|말씀[은도]?\s?드릴|말할|고[는도]?\s?할|고까지는\s?할)\s?$/u;

/** A Korean "cannot not" (…지 않을 수 없다, 안 할 수가 없죠, 않을 순 없어요): two denials that affirm. */
const CANNOT_NOT = /(?:않을|안 ?할)\s?(?:수[가는도]?|순)\s?없/u;

/**
 * Whether a Korean cue [at, end) is the 없 (or the 수 없) of a "cannot not": 빼준다고 하니까 혹하지 않을 수가 없죠 ("one
 * can't help being tempted") affirms, so 없다 there denies nothing (round 40).
 */
function cannotNot(text: string, at: number, end: number): boolean {
  const from = Math.max(0, at - 12);
  const m = CANNOT_NOT.exec(text.slice(from, Math.min(end, at + 6)));
  return m !== null && from + m.index + m[0].length > at;
}

/**
 * Whether a Korean cue [at, end) that says "cannot" (수 없다) closes a comparison begun in its clause:
 * 이보다 더 좋을 수 없다, 이보다 완벽할 수 없어요 ("it couldn't be better") boast, they do not deny, so the
 * cue is no negation there; 탈모를 치료할 수 없다 (no comparison) still denies.
 */
export function cannotBoasts(text: string, at: number, end: number): boolean {
  if (cannotNot(text, at, end)) return true;
  const m = CANNOT.exec(text.slice(at, end));
  if (m === null) return false;
  // "Cannot say" the comparison (시술보다 낫다는 말은 할 수 없어요, 낫다고는 할 수 없어요) denies it (round 48).
  if (SAID_CANNOT.test(text.slice(Math.max(0, at - 12), at + m.index))) return false;
  let from = at;
  while (from > 0 && !CLAUSE_END.test(text[from - 1] as string)) from--;
  return COMPARATIVE.test(text.slice(Math.max(from, at - 30), at));
}
