/**
 * What a Korean copula denial after a claim denies: the claim, or a noun of a clause of its own. Pure.
 */
import type { Token } from '../text/tokenizer.js';

/** A denial with the copula 아니다 (아니고, 아니라, 가 아니, 아니에요, 아닙니다, 아닐). */
const COPULA_DENIAL = /아니|아닙|아닐/u;
/** Tokens that end a clause: a final or connective ending (나아요, 낫는데, 낫고), a stop or a comma. */
const CLAUSE_END = /(?:^|\+)(?:EF|EC)$|^S[FC]$/u;
/** Nouns a denial is about: common and proper nouns, foreign words (연고, 약, 스테로이드, LED). */
const CONTENT_NOUN = /^(?:NNG|NNP|SL|SH)(?:\+|$)/u;
/** Words that point back at what was said (그런 건, 이런 거, 그건, 이게): the denial then is of the claim. */
const POINTS_BACK = /^(?:MM|NP)(?:\+|$)/u;
/** Connective endings that join two predicates of one clause (예방하거나 치료하는, 예방하고 치료하는, 예방하며 치료하는). */
const COORDINATING = /^(?:거나|고|며|으며|든지|든가)$/u;
/** An adnominal ending: the predicate modifies the noun after it (고치는 의약품). */
const ADNOMINAL = /(?:^|\+)ETM$/u;
/** How many tokens the predicate joined to the match may take before its adnominal ending (치료 하 는). */
const JOINED_REACH = 4;

/**
 * Whether the clause end at token `i` only joins the match to a second predicate that modifies a noun (질병을
 * 예방하거나 고치는 의약품, 질병을 예방, 완화하는 의약품): the match then modifies that noun too, and a denial of the
 * noun denies the match. The join is a coordinating connective, or a comma right after a noun; the second predicate
 * ends in an adnominal ending within a few tokens, with no particle, stop or further clause end before it.
 */
function joinsIntoModifier(text: string, tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const comma = /^S[CF]$/u.test(t.pos) && text.slice(t.start, t.end) === ',' && /^NNG/u.test(tokens[i - 1]?.pos ?? '');
  if (!comma && !(/(?:^|\+)EC$/u.test(t.pos) && COORDINATING.test(text.slice(t.start, t.end)))) return false;
  for (let k = i + 1; k <= i + JOINED_REACH && k < tokens.length; k++) {
    const pos = (tokens[k] as Token).pos;
    if (ADNOMINAL.test(pos)) return true;
    if (/^(?:J|S)/u.test(pos) || CLAUSE_END.test(pos)) return false;
  }
  return false;
}

/**
 * Whether a copula denial starting at `cueStart`, after a match ending at `matchEnd`, denies a noun of its
 * own clause rather than the match: "바르면 아토피가 나아요, 연고가 아니라 크림이에요" and "아토피가 싹 낫는데
 * 약 아니고 크림이에요" deny that it is an ointment or a drug, not that atopy heals. So the match's clause has
 * ended (a final or connective ending, a stop, a comma) before the cue, and a noun stands between, with no
 * word pointing back (그런 건 아니에요, 이런 크림은 아니고 deny the claim). A match that modifies the denied
 * noun (아토피가 낫는 건 아니고요, 낫는 크림은 아니에요) has no clause end before it and stays denied; so does one
 * joined to a second predicate that modifies it (병을 예방하거나 고치는 의약품이 아닙니다: joinsIntoModifier).
 */
export function deniesOtherNoun(text: string, tokens: readonly Token[], matchEnd: number, cueStart: number, cueEnd: number): boolean {
  if (!COPULA_DENIAL.test(text.slice(cueStart, cueEnd))) return false;
  let i = tokens.findIndex((t) => t.end >= matchEnd);
  if (i < 0) return false;
  // The clause ends at the match's last token, or at a token after it before the cue.
  let ended = false;
  let noun = false;
  for (; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    // A cue that itself begins with a word pointing back (이런 건 아니에요) denies what was said, however many claims and
    // nouns a list of them put between.
    if (t.start >= cueStart) return ended && noun && !(t.start === cueStart && POINTS_BACK.test(t.pos));
    if (!ended) {
      if (t.end <= cueStart && CLAUSE_END.test(t.pos)) {
        if (joinsIntoModifier(text, tokens, i)) return false;
        ended = true;
      }
      continue;
    }
    if (POINTS_BACK.test(t.pos)) return false;
    if (CONTENT_NOUN.test(t.pos)) noun = true;
  }
  return ended && noun;
}

/** A copula denial that ends the sentence (아니에요, 아닙니다, 아니죠): not 아니라 / 아니고, which go on to what it is. */
const FINAL_DENIAL = /(?:아니에요|아니예요|아닙니다|아니죠|아니거든요|아니랍니다|아니었어요|아니었습니다)/uy;
/** How far (characters) a denial of the noun a claim modifies may stand after it: 효과가 있는 의료기기가 아니에요. */
export const MODIFIED_NOUN_REACH = 30;

/**
 * Whether a sentence-final copula denial at `cueStart` denies the noun the match modifies, however long the modifying
 * clause runs after the match: "통증 완화 효과가 있는 의료기기가 아니에요", "혈압을 낮추는 효과가 입증된 건강기능식품은
 * 아니에요" — it is not a device or health food that does so. No clause end stands between; the last adnominal ending
 * (있는, 입증된) is followed only by the head noun (one or more nouns) and at most one particle. With more between
 * (혈압을 낮추는 차는 약이 아니에요: the tea lowers it, and is no drug), the denial is of another noun.
 */
export function deniesModifiedNoun(text: string, tokens: readonly Token[], matchEnd: number, cueStart: number): boolean {
  if (cueStart - matchEnd > MODIFIED_NOUN_REACH) return false;
  FINAL_DENIAL.lastIndex = cueStart;
  if (!FINAL_DENIAL.test(text)) return false;
  const between = tokens.filter((t) => t.start >= matchEnd && t.end <= cueStart);
  // The match may end inside its predicate's token (낮추 of 낮추는): that token counts as between too.
  const straddling = tokens.find((t) => t.start < matchEnd && t.end > matchEnd);
  const run = straddling ? [straddling, ...between] : between;
  let last = -1;
  for (let k = 0; k < run.length; k++) {
    const pos = (run[k] as Token).pos;
    if (CLAUSE_END.test(pos)) return false;
    if (ADNOMINAL.test(pos)) last = k;
  }
  if (last < 0) return false;
  const head = run.slice(last + 1);
  const particles = head.filter((t) => /^J/u.test(t.pos));
  const nouns = head.filter((t) => CONTENT_NOUN.test(t.pos) || /^(?:NNB|XSN)/u.test(t.pos));
  return nouns.length > 0 && particles.length <= 1 && nouns.length + particles.length === head.length && (particles.length === 0 || head[head.length - 1] === particles[0]);
}
