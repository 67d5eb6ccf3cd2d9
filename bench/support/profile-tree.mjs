// Inclusive time per function in a .cpuprofile: `node bench/support/profile-tree.mjs FILE [pattern]`.
import { readFileSync } from 'node:fs';

const prof = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const inclusive = new Map();
const total = [...self.values()].reduce((a, b) => a + b, 0);
const visit = (n) => {
  let t = self.get(n.id) ?? 0;
  for (const c of n.children ?? []) t += visit(byId.get(c));
  const cf = n.callFrame;
  const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber}`;
  // Recursion is rare on these paths; a function counted twice would only overstate itself.
  inclusive.set(k, (inclusive.get(k) ?? 0) + t);
  return t;
};
visit(prof.nodes[0]);
const pattern = new RegExp(process.argv[3] ?? '.');
const rows = [...inclusive].filter(([k]) => pattern.test(k)).sort((a, b) => b[1] - a[1]);
for (const [k, t] of rows.slice(0, 40)) console.log(`${((t / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
