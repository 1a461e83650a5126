/**
 * A rule's regular expression runs on every segment of every recording: refuse the shapes that
 * can backtrack exponentially (a quantified group that itself contains a quantifier, and
 * backreferences), and anything that does not compile. Returns the reason, or undefined if safe.
 */
export function unsafeRegexReason(source: string): string | undefined {
  if (source.length > 500) return 'is longer than 500 characters';
  try {
    new RegExp(source, 'u');
  } catch (e) {
    return `does not compile: ${(e as Error).message}`;
  }
  if (/\\[1-9]|\\k</.test(source)) return 'uses a backreference, which can make matching slow';
  // Walk the pattern tracking, per open group, whether it contains a quantifier.
  const stack: boolean[] = [];
  let lastGroupHadQuantifier = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === '(') {
      stack.push(false);
      lastGroupHadQuantifier = false;
      continue;
    }
    if (c === ')') {
      lastGroupHadQuantifier = stack.pop() ?? false;
      if (lastGroupHadQuantifier && stack.length > 0) stack[stack.length - 1] = true;
      continue;
    }
    const isQuant = c === '*' || c === '+' || c === '{' || (c === '?' && source[i - 1] !== '(');
    if (isQuant) {
      const unbounded = c === '*' || c === '+' || (c === '{' && /^\{\d*,\}/.test(source.slice(i)));
      if (lastGroupHadQuantifier && unbounded) return 'repeats a group that itself repeats (nested quantifiers can make matching exponentially slow)';
      if (stack.length > 0) stack[stack.length - 1] = true;
      lastGroupHadQuantifier = false;
      continue;
    }
    lastGroupHadQuantifier = false;
  }
  return undefined;
}
