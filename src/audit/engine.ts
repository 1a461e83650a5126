/**
 * The checking engine of a run: rulesets loaded once, analysers and compiled matchers built once
 * per language and only for the languages that occur.
 */
import { rulesetDigest } from './ruleset-digest.js';
import type { Analyzer } from '../text/analyze.js';
import { createAnalyzerFor } from '../text/analyzer-for.js';
import { languageName, type LanguagePlan } from '../text/detect.js';
import { transcriptDuration, type Language, type Transcript } from '../transcript/model.js';
import { compareFindings, type Finding } from '../core/finding.js';
import { checkTranscript, wasScreenRead, type CheckOptions } from '../rules/check.js';
import { compileRules, type CompiledRules } from '../rules/compile.js';
import { DEFAULT_RULESET, loadRuleset } from '../rules/load.js';
import type { Rule, Ruleset } from '../rules/model.js';
import { loadRulesetCached, type RulesetCacheOptions } from './ruleset-cache.js';
import { compileRulesCached } from './compiled-cache.js';
import { applyManifest, withRuleMetadata } from '../manifest/apply.js';
import { loadGazetteer, loadStatements } from '../manifest/load.js';
import { declaredCategories, type Manifest } from '../manifest/model.js';

export interface EngineOptions extends CheckOptions {
  /** Ruleset names or paths; when empty, the built-in ruleset of each file's language. */
  rulesets?: string[];
  cwd?: string;
  /**
   * Keep loaded rulesets in the on-disk cache (the CLI passes its version and --cache-dir; the
   * Japanese dictionary's expanded copy goes to the same folder). Without it, rulesets are read
   * from their YAML every time.
   */
  cache?: Omit<RulesetCacheOptions, 'cwd'>;
}

/** What the checking knows of where the words came from. */
export interface CheckContext {
  /**
   * Whether the text on screen was read into the transcript (a video, --screen on). When it was
   * not (a transcript file, audio, --screen off), a disclosure required `channel: shown` cannot be
   * verified: what was said counts for it instead, with a note. Default: whether any segment is
   * marked `source: "screen"`.
   */
  screenRead?: boolean;
  /** Why the screen was not read, for that note (e.g. "a transcript file"). */
  screenNotRead?: string;
}

export interface Prepared {
  analyzer: Analyzer;
  compiled: CompiledRules;
  rulesets: Ruleset[];
  /** Every rule by id (for the manifest stage and the rule metadata findings carry). */
  rules: Map<string, Rule>;
}

/** Kept here too for older imports; it lives in text/analyzer-for.ts. */
export { createAnalyzerFor };

/** Every rule of the rulesets by id, the first of each id (a later file's rule of the same id was merged already). */
function rulesById(rulesets: readonly Ruleset[]): Map<string, Rule> {
  const rules = new Map<string, Rule>();
  for (const rs of rulesets) for (const r of rs.rules) if (!rules.has(r.id)) rules.set(r.id, r);
  return rules;
}

/** What `Engine.prepare` keeps for a language, from its analyser, rulesets and their compiled form. */
export function preparedOf(analyzer: Analyzer, rulesets: Ruleset[], compiled: CompiledRules): Prepared {
  return { analyzer, rulesets, rules: rulesById(rulesets), compiled };
}

export class Engine {
  private readonly prepared = new Map<Language, Promise<Prepared>>();
  private explicit: Promise<Ruleset[]> | undefined;

  constructor(private readonly opts: EngineOptions = {}) {}

  private load(ref: string): Promise<Ruleset> {
    const cache = this.opts.cache;
    return cache ? loadRulesetCached(ref, { ...cache, ...(this.opts.cwd ? { cwd: this.opts.cwd } : {}) }) : loadRuleset(ref, this.opts.cwd);
  }

  /** Load the explicitly named rulesets now, so a bad ruleset is a usage error before any file is read. */
  async loadExplicit(): Promise<Ruleset[]> {
    if (!this.opts.rulesets?.length) return [];
    this.explicit ??= Promise.all(this.opts.rulesets.map((r) => this.load(r)));
    return this.explicit;
  }

  /** The named rulesets written for this language (a mixed folder can name jp, cn and kr at once). */
  private async rulesetsFor(language: Language): Promise<Ruleset[]> {
    if (!this.opts.rulesets?.length) return [await this.load(DEFAULT_RULESET[language])];
    const all = await this.loadExplicit();
    const mine = all.filter((rs) => rs.language === language);
    if (mine.length === 0) {
      throw new Error(
        `the spoken language is ${language}, but no --ruleset given is for ${language} (${all.map((rs) => `${rs.id}: ${rs.language}`).join(', ')}); add --ruleset ${DEFAULT_RULESET[language]} or pass --lang`,
      );
    }
    return mine;
  }

  /** The analyser, rulesets and compiled rules for a language, built once per engine (see `build`). */
  prepare(language: Language): Promise<Prepared> {
    let p = this.prepared.get(language);
    if (!p) {
      p = this.build(language);
      this.prepared.set(language, p);
    }
    return p;
  }

  /** Builds what `prepare` keeps for a language: its rulesets (named, or the default), loaded and compiled. */
  protected async build(language: Language): Promise<Prepared> {
    const cacheDir = this.opts.cache?.cacheDir;
    const analyzerP = createAnalyzerFor(language, cacheDir ? { cacheDir } : {});
    // A rejected analyser is awaited below; do not let it be reported as unhandled meanwhile.
    analyzerP.catch(() => undefined);
    const rulesets = await this.rulesetsFor(language);
    const cache = this.opts.cache;
    const compiled = cache ? await compileRulesCached(rulesets, language, () => analyzerP, cache) : compileRules(rulesets, await analyzerP);
    return preparedOf(await analyzerP, rulesets, compiled);
  }

  /** The rulesets this run used: the explicitly named ones and those of every language prepared (the ones that loaded). */
  private async setsUsed(): Promise<Ruleset[]> {
    const sets: Ruleset[] = [];
    // A ruleset that failed to load was reported already; describe the ones that loaded.
    for (const r of await Promise.allSettled(this.explicit ? [this.explicit] : [])) if (r.status === 'fulfilled') sets.push(...r.value);
    for (const r of await Promise.allSettled(this.prepared.values())) if (r.status === 'fulfilled') sets.push(...r.value.rulesets);
    return sets;
  }

  /** Every ruleset this run used (named or per-language defaults), with a digest of its rules. */
  async rulesetsUsed(): Promise<{ id: string; digest: string }[]> {
    const out = new Map<string, string>();
    for (const rs of await this.setsUsed()) if (!out.has(rs.id)) out.set(rs.id, rulesetDigest(rs));
    return [...out].map(([id, digest]) => ({ id, digest })).sort((a, b) => (a.id < b.id ? -1 : 1));
  }

  /**
   * Every rule of the rulesets this run used (the explicitly named ones and the per-language
   * defaults loaded for the files seen), once each, for reports that describe their rules (SARIF).
   */
  async rulesUsed(): Promise<Rule[]> {
    return [...rulesById(await this.setsUsed()).values()];
  }

  /**
   * Check each segment with the rules of its language (a file that mixes languages). The file's
   * own language gets every rule, over its own lines; another language's lines get that
   * language's prohibited expressions (its required disclosures belong to a broadcast in it).
   * A language no named --ruleset covers is left out with a note instead of failing the file.
   */
  async checkPlan(transcript: Transcript, plan: LanguagePlan, manifest?: Manifest, ctx: CheckContext = {}): Promise<{ findings: Finding[]; notes: string[] }> {
    // Over the whole file: a part in one language may hold none of the words read on screen.
    const screen: CheckContext = { ...ctx, screenRead: wasScreenRead(transcript, ctx.screenRead) };
    if (plan.languages.length === 1) return this.checkNoting(transcript, plan.primary, manifest, screen);
    const durationSec = transcriptDuration(transcript);
    const findings: Finding[] = [];
    const notes: string[] = [];
    for (const language of plan.languages) {
      const segments = transcript.segments.filter((_, i) => plan.perSegment[i] === language);
      const part: Transcript = { ...transcript, segments, durationSec };
      if (language === plan.primary) {
        const own = await this.checkNoting(part, language, manifest, screen);
        findings.push(...own.findings);
        notes.push(...own.notes);
        continue;
      }
      try {
        findings.push(...(await this.check(part, language, manifest, screen)).filter((f) => f.kind === 'prohibited'));
      } catch (e) {
        if (!this.opts.rulesets?.length) throw e;
        notes.push(`${segments.length} line(s) in ${languageName(language)} were not checked: no --ruleset given is for ${language} (add --ruleset ${DEFAULT_RULESET[language]})`);
      }
    }
    return { findings: findings.sort(compareFindings), notes };
  }

  /**
   * Check a transcript; with a manifest, the manifest stage then scopes the findings to the
   * product talked about and adds the statements that contradict the declaration.
   */
  async check(transcript: Transcript, language: Language, manifest?: Manifest, ctx: CheckContext = {}): Promise<Finding[]> {
    return (await this.checkNoting(transcript, language, manifest, ctx)).findings;
  }

  /** check(), with the notes a reader needs to trust the result (disclosures that could not be verified as shown). */
  private async checkNoting(transcript: Transcript, language: Language, manifest: Manifest | undefined, ctx: CheckContext): Promise<{ findings: Finding[]; notes: string[] }> {
    const prepared = await this.prepare(language);
    // A stream declared sponsored is checked with the same compiled rules: the check owes every ad disclosure then.
    const compiled = prepared.compiled;
    const screenRead = wasScreenRead(transcript, ctx.screenRead);
    const unseen = screenRead ? [] : compiled.rules.filter((r) => r.kind === 'require' && r.channel === 'shown');
    let findings = withRuleMetadata(checkTranscript(compiled, transcript, prepared.analyzer, { ...this.opts, screenRead, sponsored: manifest?.sponsored === true, declared: declaredCategories(manifest) }), prepared.rules);
    if (manifest) {
      findings = applyManifest(
        findings,
        { manifest, transcript, rules: prepared.rules, gazetteer: loadGazetteer(), statements: loadStatements() },
        { language, rulesetId: DEFAULT_RULESET[language], ...(this.opts.messageLanguage ? { messageLanguage: this.opts.messageLanguage } : {}) },
      );
    }
    // A disclosure to be shown, found in what was said: accepted, but the reader should look at the picture.
    const notes = unseen
      .filter((r) => !findings.some((f) => f.ruleId === r.id && f.kind === 'missing'))
      .map((r) => `${r.id} wants its disclosure shown on screen, but the screen was not read (${ctx.screenNotRead ?? 'no picture'}): what was said counted for it instead; check that the picture shows it`);
    return { findings: findings.sort(compareFindings), notes };
  }
}
