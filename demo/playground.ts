// The playground: paste or drop a document, see every issue with its path, or the widgets,
// and the HTML to embed it. Validation is the engine's own parseDocument.
import '../src/bundle.js';
import { formatPath, parseDocument } from '../src/engine/index.js';

const text = document.getElementById('json') as HTMLTextAreaElement;
const drop = document.getElementById('drop')!;
const summary = document.getElementById('summary')!;
const issues = document.getElementById('issues')!;
const snippet = document.getElementById('snippet')!;
const widgets = ['g', 's', 't', 'tl'].map((id) => document.getElementById(id) as HTMLElement & { data: unknown });

function show(source: string): void {
  issues.replaceChildren();
  let doc: unknown;
  try {
    doc = JSON.parse(source);
  } catch (err) {
    summary.textContent = `Not valid JSON: ${(err as Error).message}`;
    return;
  }
  const r = parseDocument(doc);
  const list = r.ok ? r.warnings : r.issues;
  summary.textContent = r.ok
    ? `Valid. ${list.length ? `${list.length} warning(s):` : 'No warnings.'}`
    : `${list.length} problem(s) to fix; the widgets keep the last good document:`;
  for (const i of list) {
    const li = document.createElement('li');
    li.textContent = `${formatPath(i.path)} — ${i.message.slice(formatPath(i.path).length + 2)}`;
    issues.append(li);
  }
  if (r.ok) for (const w of widgets) w.data = doc;
}

let timer: ReturnType<typeof setTimeout> | undefined;
text.addEventListener('input', () => {
  clearTimeout(timer);
  timer = setTimeout(() => show(text.value), 250);
});
const load = async (name: string) => {
  text.value = await (await fetch(`./${name}`)).text();
  show(text.value);
};
document.getElementById('load-sample')!.addEventListener('click', () => void load('ocmf-sample.json'));
document.getElementById('load-template')!.addEventListener('click', () => void load('ocmf-v1-template.json'));
drop.addEventListener('dragover', (e) => {
  e.preventDefault();
  drop.classList.add('over');
});
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const file = e.dataTransfer?.files[0];
  if (!file) return;
  text.value = await file.text();
  show(text.value);
});

snippet.textContent = `<script type="module" src="https://your.cdn/ocmf-widgets/dist/ocmf-widgets.bundle.js"></script>
<ocmf-composite-gauge src="/metrics.json"></ocmf-composite-gauge>
<ocmf-scorecard src="/metrics.json" lens="manager"></ocmf-scorecard>
<ocmf-driver-tree src="/metrics.json" depth="2" whatif></ocmf-driver-tree>
<ocmf-ttcv-timeline src="/metrics.json"></ocmf-ttcv-timeline>`;
void load('ocmf-sample.json');
