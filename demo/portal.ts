// The portal demo: four widgets fed from one `src` (one request, shared), a lens and a theme switch.
import '../src/bundle.js';

const widgets = () =>
  document.querySelectorAll<HTMLElement>('ocmf-composite-gauge, ocmf-scorecard, ocmf-driver-tree, ocmf-ttcv-timeline');
const lens = document.getElementById('lens') as HTMLSelectElement;
const theme = document.getElementById('theme') as HTMLSelectElement;
const log = document.getElementById('log')!;

lens.addEventListener('change', () => {
  for (const w of widgets()) {
    if (lens.value) w.setAttribute('lens', lens.value);
    else w.removeAttribute('lens');
  }
});
theme.addEventListener('change', () => {
  document.body.className = theme.value;
  for (const w of widgets()) {
    if (theme.value) w.setAttribute('theme', theme.value);
    else w.removeAttribute('theme');
  }
});
document.addEventListener('ocmf-select', (event) => {
  const e = event as CustomEvent<string>;
  const what = (e.target as Element).localName === 'ocmf-ttcv-timeline' ? 'journey' : 'node';
  log.textContent = `Selected ${what} "${e.detail}" in <${(e.target as Element).localName}>`;
});
