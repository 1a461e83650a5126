/**
 * Chinese: cuts jieba (HMM off, its own dictionary) makes that hide a word a rule names, mended on its tokens. Pure:
 * the dictionary's tags are handed in.
 *
 * - Colloquial body-look words jieba's dictionary lacks (马甲线, 人鱼线, 妈妈臀) or holds less often than a word
 *   overlapping them (后背 loses to 背上): 贴|出马|甲线, 后|背上; and, since round 60, a clinic procedure and a pet
 *   illness (热|玛|吉打, 猫咪鼻|支流|眼泪). Such a word is made one token where it starts or ends on
 *   a cut already (贴|出|马甲线, 后背|上), never inside a word on both sides (然后|背上 stays).
 * - A numeral split from 分 (marks): 五|十分, 九|十|五分 read 五十|分, and 二十分, 一百分 as 二十|分, 一百|分; 十分 alone
 *   is "very" (十分好) and stays whole, as do 万分 and 十万分 (万分感谢).
 * - A numeral and the bound word of an estimate in one token (三百左右, 一万左右, 十万左右): 三百|左右.
 * - A one-character noun and the adverb 都 that jieba's dictionary keeps as a noun (药都是天然的: the town famous for
 *   medicine), before a predicate: 药|都.
 * - A number of days whose 天 jieba glued to the next character as a word of its own (天亮 "dawn", 天生 "innate",
 *   天下): 7|天亮|白 reads 7|天|亮|白 and 30|天生|发 30|天|生发, so a `{number: [天]}` step sees the days; only where that
 *   character and the next piece make a dictionary word (生发, 下来), or it is a verb or adjective before a piece of one
 *   character (亮 白, 亮 肤). 天然 after a number (100%天然) is left whole: 然 is neither.
 * - 包|邮到 read as 包邮|到 (包邮到家): jieba's dictionary glues 邮 to what follows, away from 包. (吃|了不得|病 is left as
 *   jieba cuts it: read as 了|不得 it turned questions and denials in the corpus into claims; rules name 吃了不得病 whole.)
 * - An order count's 单 glued to the 一 of a moment after it (五百|单一|秒, 一万|单一|眨眼: "500 orders in one second")
 *   as 单|一, after a numeral and before a moment only: 单一成分 and 这个|单一|秒杀 keep 单一 ("single").
 * - A pledge of genuineness run into the penalty after it (保|真假|一|罚|十: 保真假一罚十 "genuine guaranteed, a fake
 *   pays ten") as 保真|假, after a lone 保 or 包 only: 保证|真假 and 辨别真假 keep 真假 ("true or false").
 * - The live room's address 家人们 glued to a verb before it as 出家人 "monk" (让他来出|家人们: "let him pay, family") read
 *   出|家|人们, as jieba cuts 家人们 elsewhere (各位|家|人们); a monk said alone (出家人不打诳语) stays whole.
 * - A doubled verb and the pronoun after it kept as one dictionary word (帮帮我, a title in jieba's dictionary: 家人们帮帮我)
 *   read 帮帮|我, as jieba cuts 帮帮|我们, 救救|我 and 抱抱|我 already.
 * - A verb of taking and its amount kept as one dictionary word (喝一杯, "have a drink") read 喝|一杯, as jieba cuts 喝|两杯
 *   and 吃|一片, so a `{number: [杯]}` step sees the amount (喝一杯等于… as 吃一片等于…).
 */

export interface ZhPiece {
  surface: string;
  pos: string;
}

/** Words made whole where jieba cuts across them (see above). */
export const WHOLE_WORDS: readonly string[] = [
  '马甲线', '人鱼线', '蝴蝶袖', '蝴蝶臂', '拜拜肉', '双下巴', '游泳圈', '妈妈臀', '蜜桃臀', '小蛮腰', '后背',
  // Round 60: a clinic procedure (热|玛|吉打 一次) and a cat's respiratory illness (猫咪鼻|支流|眼泪), which jieba cuts across.
  '热玛吉', '鼻支',
];

const NUMERAL = '[〇零一二两三四五六七八九十百千]';
const NUMERAL_ONLY = new RegExp(`^${NUMERAL}+$`, 'u');
/** A numeral (with a 十, 百 or 千 in it: not 十分 alone, not 五分) and 分, in one token: 二十分, 一百分. */
const NUMBER_MARKS = new RegExp(`^(${NUMERAL}*[十百千]${NUMERAL}*)分$`, 'u');
/** What jieba leaves of a numeral and 分 after the numeral's first digits: 十分 of 五|十分, 百分 of 两|百分, 五分 of 九十|五分. */
const MARKS_TAIL = new RegExp(`^(${NUMERAL}+)分$`, 'u');
const ESTIMATE = /^([〇零一二两三四五六七八九十百千万亿]+)(左右|上下)$/u;
/** The last characters of the tokens mended below (分, 左右, 上下, 都): any other is kept as it is, at no cost. */
const MENDED_ENDS: ReadonlySet<string> = new Set(['分', '右', '下', '都']);
/** A doubled verb and an object pronoun in one token (帮帮我). */
const DOUBLED_VERB_PRONOUN = /^((.)\2)([我你他她它])$/u;
/** A verb of taking and an amount in one dictionary word (喝一杯 "have a drink"), as jieba cuts 喝|两杯 and 吃|一片. */
const CONSUMED_AMOUNT = /^([喝吃饮服抹涂敷贴泡])([一两二三四五六七八九十半几]+[杯片次口瓶颗粒包盒勺袋支块碗顿])$/u;
/** Tags that start a predicate after a subject (是, 能, 不, 很, 瘦). */
const PREDICATE = /^[vdap]/u;

/** The pieces with the cuts above mended. `tagOf`: the dictionary's tag of a word, or undefined for none. */
export function recutChinese(pieces: readonly ZhPiece[], tagOf: (word: string) => string | undefined): ZhPiece[] {
  const out: ZhPiece[] = [];
  const whole = withWholeWords(pieces, tagOf);
  for (let i = 0; i < whole.length; i++) {
    const p = whole[i] as ZhPiece;
    const days = p.surface[0] === '天' ? daysSplit(out[out.length - 1], p, whole[i + 1], tagOf) : undefined;
    const shifted = SHIFTED_HEAD.has(p.surface) ? headShift(out, p, tagOf) : undefined;
    const orders = p.surface === '单一' ? ordersSplit(out[out.length - 1], whole[i + 1]) : undefined;
    const family = p.surface === '出家人' && whole[i + 1]?.surface === '们';
    const doubled = p.surface.length === 3 ? DOUBLED_VERB_PRONOUN.exec(p.surface) : null;
    const amount = p.surface.length >= 3 ? CONSUMED_AMOUNT.exec(p.surface) : null;
    if (doubled) out.push({ surface: doubled[1] as string, pos: 'v' }, { surface: doubled[3] as string, pos: 'r' });
    else if (amount) out.push({ surface: amount[1] as string, pos: 'v' }, { surface: amount[2] as string, pos: 'm' });
    else if (days) out.push(...days);
    else if (shifted) out.push(...shifted);
    else if (orders) out.push(...orders);
    else if (family) {
      out.push(...familySplit(tagOf));
      i++; // the 们, now in 人们
    } else if (!MENDED_ENDS.has(p.surface[p.surface.length - 1] as string)) out.push(p);
    else out.push(...(numberSplit(out, p) ?? allSplit(p, whole[i + 1], tagOf) ?? [p]));
  }
  return out;
}

/** The pieces a numeral token and what follows it read as (五|十分 as 五十|分, 三百左右 as 三百|左右), taking the piece before from `out`; or undefined. */
function numberSplit(out: ZhPiece[], p: ZhPiece): ZhPiece[] | undefined {
  const estimate = ESTIMATE.exec(p.surface);
  if (estimate) return [{ surface: estimate[1] as string, pos: 'm' }, { surface: estimate[2] as string, pos: 'f' }];
  const prev = out[out.length - 1];
  const tail = MARKS_TAIL.exec(p.surface);
  if (tail && prev && NUMERAL_ONLY.test(prev.surface) && joins(prev.surface, tail[1] as string)) {
    out.pop();
    return [{ surface: prev.surface + (tail[1] as string), pos: 'm' }, { surface: '分', pos: 'q' }];
  }
  const marks = NUMBER_MARKS.exec(p.surface);
  return marks && (marks[1] as string).length >= 2 ? [{ surface: marks[1] as string, pos: 'm' }, { surface: '分', pos: 'q' }] : undefined;
}

/** Whether numeral `tail` carries on numeral `head` as one number: a unit after a digit (五 十), a digit after a unit (九十 五). */
function joins(head: string, tail: string): boolean {
  return /[十百千]/u.test(tail[0] as string) ? !/[十百千]$/u.test(head) : /[十百千]$/u.test(head) && tail.length === 1;
}

/** A numeral's 天 glued to the next character (7|天亮|白, 30|天生|发) as 天|亮, 天|生, or undefined. */
function daysSplit(prev: ZhPiece | undefined, p: ZhPiece, next: ZhPiece | undefined, tagOf: (word: string) => string | undefined): ZhPiece[] | undefined {
  if (prev?.pos !== 'm' || p.surface.length !== 2 || !next) return undefined;
  const rest = p.surface[1] as string;
  const tag = tagOf(rest);
  const word = tagOf(rest + next.surface) !== undefined;
  const pair = next.surface.length === 1 && /^[va]/u.test(tag ?? '');
  return word || pair ? [{ surface: '天', pos: 'q' }, { surface: rest, pos: tag ?? 'x' }] : undefined;
}

/**
 * Pieces whose first character belongs to the piece before, and the pieces before them it joins: 包|邮到 (包邮到家:
 * shipping free to the door) reads 包邮|到, 保|真假 (保真假一罚十) 保真|假, 包|真假 包真|假.
 */
const SHIFTED_HEAD: ReadonlyMap<string, readonly string[]> = new Map([
  ['邮到', ['包']],
  ['真假', ['保', '包']],
]);

/** `p` with its first character moved onto the piece before, taken from `out`, where SHIFTED_HEAD allows it; or undefined. */
function headShift(out: ZhPiece[], p: ZhPiece, tagOf: (word: string) => string | undefined): ZhPiece[] | undefined {
  const prev = out[out.length - 1]?.surface;
  if (prev === undefined || !SHIFTED_HEAD.get(p.surface)?.includes(prev)) return undefined;
  out.pop();
  const head = prev + p.surface.slice(0, 1);
  const rest = p.surface.slice(1);
  return [{ surface: head, pos: tagOf(head) ?? 'v' }, { surface: rest, pos: tagOf(rest) ?? 'x' }];
}

/** The moments an order count is sold out in (一秒, 一分钟, 一眨眼): what follows 一 there. */
const MOMENT = /^(秒|秒钟|分钟|分|眨眼|瞬间|会儿|下)/u;

/** 单一 between a numeral and a moment (五百|单一|秒) as 单|一, or undefined. */
function ordersSplit(prev: ZhPiece | undefined, next: ZhPiece | undefined): ZhPiece[] | undefined {
  if (prev?.pos !== 'm' || !next || !MOMENT.test(next.surface)) return undefined;
  return [{ surface: '单', pos: 'q' }, { surface: '一', pos: 'm' }];
}

/** 出家人|们 as 出|家|人们 (the caller skips the 们). */
function familySplit(tagOf: (word: string) => string | undefined): ZhPiece[] {
  return [{ surface: '出', pos: tagOf('出') ?? 'v' }, { surface: '家', pos: tagOf('家') ?? 'q' }, { surface: '人们', pos: tagOf('人们') ?? 'n' }];
}

/** 药都 before a predicate as 药|都, or undefined. */
function allSplit(p: ZhPiece, next: ZhPiece | undefined, tagOf: (word: string) => string | undefined): ZhPiece[] | undefined {
  if (p.pos !== 'n' || p.surface.length !== 2 || !p.surface.endsWith('都') || !next || !PREDICATE.test(next.pos)) return undefined;
  const noun = p.surface[0] as string;
  const tag = tagOf(noun);
  return tag?.startsWith('n') ? [{ surface: noun, pos: tag }, { surface: '都', pos: 'd' }] : undefined;
}

/** The pieces re-cut so that each of WHOLE_WORDS found starting or ending on a cut (not inside one word on both sides) is one piece. */
function withWholeWords(pieces: readonly ZhPiece[], tagOf: (word: string) => string | undefined): ZhPiece[] {
  const text = pieces.map((p) => p.surface).join('');
  if (!WHOLE_WORDS.some((w) => text.includes(w))) return [...pieces];
  const cuts = new Set<number>([0]);
  const posAt = new Map<string, string>();
  let at = 0;
  for (const p of pieces) {
    posAt.set(`${at}:${p.surface}`, p.pos);
    at += p.surface.length;
    cuts.add(at);
  }
  let changed = false;
  for (const word of WHOLE_WORDS) {
    for (let s = text.indexOf(word); s >= 0; s = text.indexOf(word, s + 1)) {
      const e = s + word.length;
      if (cuts.has(s) === cuts.has(e)) continue;
      for (let k = s + 1; k < e; k++) cuts.delete(k);
      cuts.add(s).add(e);
      posAt.set(`${s}:${word}`, 'n');
      changed = true;
    }
  }
  if (!changed) return [...pieces];
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: ZhPiece[] = [];
  for (let k = 0; k + 1 < sorted.length; k++) {
    const from = sorted[k] as number;
    const surface = text.slice(from, sorted[k + 1]);
    out.push({ surface, pos: posAt.get(`${from}:${surface}`) ?? tagOf(surface) ?? 'x' });
  }
  return out;
}
