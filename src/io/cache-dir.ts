/**
 * Where livecomply keeps what it can rebuild (transcripts, models, rulesets, the Japanese
 * dictionary): --cache-dir / LIVECOMPLY_CACHE_DIR, else $XDG_CACHE_HOME/livecomply, else ~/.cache/livecomply.
 */
import os from 'node:os';
import path from 'node:path';

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LIVECOMPLY_CACHE_DIR) return path.resolve(env.LIVECOMPLY_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'livecomply');
}
