// React 19 with the package as an app gets it: `ocmf-widgets/react` registers the four tags and types
// them. Objects go through properties (`data={doc}` sets el.data), events through `onocmf-*`.
import 'ocmf-widgets/react';
import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { OcmfCompositeGauge } from 'ocmf-widgets/composite-gauge';
import type { Evaluation } from 'ocmf-widgets/engine';

export interface Seen {
  scores: (number | null | undefined)[];
  selected: string[];
}

/** Renders one gauge; `next()` gives it a new document (a new object: a React state change). */
export function mountReact(
  host: HTMLElement,
  docs: unknown[],
): { seen: Seen; next: () => void; gauge: () => OcmfCompositeGauge | null } {
  const seen: Seen = { scores: [], selected: [] };
  let advance = () => {};
  function Dashboard() {
    const [i, setI] = useState(0);
    advance = () => setI((n) => n + 1);
    return (
      <ocmf-composite-gauge
        className="kpi"
        lens="manager"
        data={docs[i]}
        onocmf-ready={(e) => {
          const ev: Evaluation = e.detail;
          seen.scores.push(ev.root?.score);
        }}
        onocmf-select={(e) => seen.selected.push(e.detail)}
      />
    );
  }
  createRoot(host).render(<Dashboard />);
  return { seen, next: () => advance(), gauge: () => host.querySelector('ocmf-composite-gauge') };
}
