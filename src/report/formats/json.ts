/** The contract's JSON report (schemaVersion 1). */
import type { Report } from '../model.js';

export function formatJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
