// The engine on the sample, until the widgets land: every node's score, coverage and gain.
import { evaluate, type EvaluatedNode } from '../src/engine/index.js';

const summary = document.getElementById('summary')!;
const table = document.getElementById('nodes') as HTMLTableElement;
const fmt = (x: number | null, d = 1) => (x === null ? '–' : x.toFixed(d));

const res = evaluate(await (await fetch('./ocmf-sample.json')).json());
if (!res.ok) {
  summary.textContent = res.issues.map((i) => i.message).join('\n');
} else if (res.root) {
  summary.textContent = `${res.root.label}: ${fmt(res.root.score)} (${Math.round(res.root.coverage * 100)}% of the weight measured)`;
  const head = table.insertRow();
  for (const h of ['Metric', 'Value', 'Score', 'Status', 'Coverage', 'Gain'])
    head.append(Object.assign(document.createElement('th'), { textContent: h }));
  const walk = (n: EvaluatedNode) => {
    const row = table.insertRow();
    const cells = [
      '\u00a0\u00a0'.repeat(n.depth) + n.label,
      fmt(n.value),
      fmt(n.score),
      n.status,
      `${Math.round(n.coverage * 100)}%`,
      fmt(n.gain),
    ];
    cells.forEach((c, i) => Object.assign(row.insertCell(), { textContent: c, className: i ? 'n' : '' }));
    n.children?.forEach(walk);
  };
  walk(res.root);
}
