/**
 * A question the host answers yes is a claim: 「シミ消える？」消えます、はい; "能瘦吗？"能！一个月十五斤;
 * 有人问能不能祛斑？能！; "혈당 떨어져요?" 떨어집니다. The question's own marks (吗, ですか, 有人问, 요?)
 * then excuse nothing, and a quotation or denial cue read around the question does not either.
 * Pure; looks only at the text of the segment.
 */

const QUESTION = /[?？]/u;
/** Where an answer ends: the end of its sentence or turn. */
const ANSWER_END = /[。!！?？\n]/u;
/** Whether text[i] ends an answer: one of ANSWER_END, or a full stop "." before a space or the end. */
const answerEnd = (text: string, i: number): boolean =>
  ANSWER_END.test(text[i] as string) || (text[i] === '.' && (i + 1 === text.length || text[i + 1] === ' '));
const CLOSERS = new Set(['"', '”', '」', '』', '’', ' ', '\u3000', ',', '，', '、']);
/** An answer that begins with one of these declines (いやいや, ごめんなさい, 안 먹어요); 不, 没, 아니, 못 anywhere are DENYING's. */
const DECLINING = /^(?:別|いや|いいえ|いえ|ううん|ごめん|すみません|申し訳|それは|아뇨|안 |글쎄|죄송)/u;
/** An answer that denies anywhere: 消えるとは言えないです, 一番かどうかはわからない, 不能保证, 안 돼요. */
const DENYING = /ません|言えない|いえない|できない|ないです|じゃない|ではない|わからない|分からない|誇大|嘘|不|没|别|虚假|않|못|아니|안 돼|안 되|허위|거짓/u;
/** An answer that begins with one of these says yes outright. */
const AFFIRMING = /^(?:能|会|可以|是的|当然|对|有效|肯定|绝对|はい|ええ|もちろん|うん|そうです|네|예|그럼요|그럼|당연|맞아요|물론)/u;
/**
 * Kana, Korean endings and particles, and Chinese function characters (the copula 是, 的, 都, 这 …)
 * too common to tie an answer to its question: 汗都是脂肪吗？这是个误区 repeats only the copula.
 */
const TOO_COMMON = /[\p{Script=Hiragana}\p{Script=Katakana}ー요다까죠네는은이가아어도를을의에서고是的了都也就个这那吗呢吧啊]/u;

/** How far on from the claim its question mark may come, and how much of an answer is read. */
const QUESTION_REACH = 24;
const ANSWER_REACH = 40;

/**
 * Where the question mark of the words [start, end) is: the first one inside them with words after it (a claim matcher
 * that spans the question and its answer: 痛风能不能喝？能喝 就是为这个做的), else the first after them in the same
 * sentence; -1 when there is none.
 */
function questionMark(text: string, start: number, end: number): number {
  for (let i = start; i < end - 1; i++) if (QUESTION.test(text[i] as string)) return i;
  let q = end;
  while (q < text.length && q - end <= QUESTION_REACH && !QUESTION.test(text[q] as string)) {
    if (answerEnd(text, q)) return -1;
    q++;
  }
  return q < text.length && QUESTION.test(text[q] as string) ? q : -1;
}

/**
 * Whether the words [start, end) are asked in a question (a question mark follows them in the same
 * sentence, or comes inside them with the answer after it) that is then answered yes: the answer starts with a yes
 * word (能, はい, 네, もちろん), or repeats one of the last four characters of the words asked (消える？消えます,
 * 빠져요? 빠져요), and neither starts by declining nor denies (消えるとは言えないです, 不能保证).
 */
export function answeredYes(text: string, start: number, end: number): boolean {
  const q = questionMark(text, start, end);
  if (q < 0) return false;
  const words = text.slice(start, Math.min(end, q));
  let a = q + 1;
  while (a < text.length && (CLOSERS.has(text[a] as string) || QUESTION.test(text[a] as string))) a++;
  let stop = a;
  while (stop < text.length && stop - a < ANSWER_REACH && !answerEnd(text, stop)) stop++;
  const answer = text.slice(a, stop);
  if (answer.length === 0) return false;
  // 「血圧下がる？」って質問来てますね、下がります: the answer may come after the question is named.
  const said = answer.replace(/^(?:って|と|という)[^、,，]*[、,，]\s*/u, '');
  if (DECLINING.test(said) || DENYING.test(said)) return false;
  if (AFFIRMING.test(said)) return true;
  // The verb said again in the answer's first clause: 내려가요? 내려가요, … (not 머리 나요? 이런 질문 많은데요, 머리카락이 …).
  const first = said.split(/[、,，]/u)[0] ?? '';
  const asked = [...words.replace(/\s/gu, '').slice(-4)].filter((c) => !TOO_COMMON.test(c) && /[\p{Script=Han}\p{Script=Hangul}]/u.test(c));
  return asked.some((c) => first.includes(c));
}

/** Whether a cue is a mark of asking: a question particle or mark, an A-not-A form, a verb of asking. */
export function asks(cue: string): boolean {
  return /(?:[吗嗎呢么麼か까?？]|나요|까요|는지)$/u.test(cue) || /问|問|聞|質問|질문|물어|궁금/u.test(cue) || /(.)[不没]\1/u.test(cue);
}
