/**
 * Before any test: the HTML report's page script is bundled from its sources (html-client/*.ts),
 * so tests that import src/ never run a stale bundle (it is quick and rewrites nothing unchanged).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export default function setup(): void {
  execFileSync(process.execPath, [path.resolve(import.meta.dirname, '..', 'scripts', 'build-client.mjs')], { stdio: 'inherit' });
}
