import { Engine } from './src/audit/engine.js';
const engine = new Engine({});
for (const [l,t] of process.argv.slice(2).map((x) => x.split('|'))) { const f = await engine.check({ segments: [{ start: 0, end: 3, text: t! }] } as never, l as never); console.log(l, t, '→', f.filter((x: any) => x.kind === 'prohibited').map((x: any) => `${x.ruleId}[${x.matcher}]「${x.text}」`).join(' ; ') || 'clean'); }
