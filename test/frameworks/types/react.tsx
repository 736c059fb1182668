// React 19 JSX with `ocmf-widgets/react`: what must compile, and (`@ts-expect-error`) what must not.
import 'ocmf-widgets/react';
import { useRef } from 'react';
import type { OcmfDriverTree } from 'ocmf-widgets/driver-tree';
import type { OcmfScorecard } from 'ocmf-widgets/scorecard';
import type { OcmfReactProps } from 'ocmf-widgets/react';

declare const doc: unknown;

export function Correct() {
  const card = useRef<OcmfScorecard>(null);
  const tree = useRef<OcmfDriverTree | null>(null);
  return (
    <>
      <ocmf-composite-gauge
        data={doc}
        node="customer"
        lens="manager"
        locale="de-DE"
        theme="dark"
        value={72}
        label="Customer Composite"
        target={80}
        className="gauge"
        class="gauge"
        id="g"
        onocmf-ready={(e) => {
          const score: number | null | undefined = e.detail.root?.score;
          return score;
        }}
        onocmf-error={(e) => e.detail.map((i) => i.path)}
        onocmf-select={(e) => {
          const id: string = e.detail;
          return id.toUpperCase();
        }}
      />
      <ocmf-scorecard
        ref={card}
        src="/metrics.json"
        refresh={300}
        timeout={5}
        display="guide"
        expandDepth={2}
        expand-depth="2"
        onocmf-sort={(e) => e.detail.direction}
        onocmf-toggle={(e) => {
          const open: boolean = e.detail.expanded;
          return open;
        }}
      />
      <ocmf-driver-tree
        ref={tree}
        data={doc}
        whatif
        depth={3}
        levers={5}
        orientation="vertical"
        onocmf-whatif={(e) => {
          const score: number | null = e.detail.score;
          return [score, e.detail.overrides['csat']];
        }}
      />
      <ocmf-ttcv-timeline data={JSON.stringify(doc)} view="calendar" sort="segment" direction="desc" segment="smb" />
    </>
  );
}

export function Wrong() {
  const div = useRef<HTMLDivElement>(null);
  return (
    <>
      {/* @ts-expect-error TS2322 an unknown lens */}
      <ocmf-scorecard lens="execs" />
      {/* @ts-expect-error TS2322 a misspelt theme value */}
      <ocmf-composite-gauge theme="darc" />
      {/* @ts-expect-error TS2322 depth is a number property (React sets properties) */}
      <ocmf-driver-tree depth="3" />
      {/* @ts-expect-error TS2322 a misspelt attribute name */}
      <ocmf-ttcv-timeline segmnt="smb" />
      {/* @ts-expect-error TS2322 the view is duration | calendar */}
      <ocmf-ttcv-timeline view="gantt" />
      {/* @ts-expect-error TS2339 the ready detail is an Evaluation: no issues there */}
      <ocmf-composite-gauge onocmf-ready={(e) => e.detail.issues} />
      {/* @ts-expect-error TS2339 the select detail is the id, a string */}
      <ocmf-scorecard onocmf-select={(e) => e.detail.id} />
      {/* @ts-expect-error TS2339 the whatif score is a number or null, not a string */}
      <ocmf-driver-tree onocmf-whatif={(e) => e.detail.score?.toUpperCase()} />
      {/* @ts-expect-error TS2322 a ref of another element type */}
      <ocmf-scorecard ref={div} />
    </>
  );
}

// The props type is exported for wrappers.
export const props: OcmfReactProps<'ocmf-scorecard'> = { lens: 'frontline', display: 'grade' };
// @ts-expect-error TS2322 display is grade | guide
export const wrongProps: OcmfReactProps<'ocmf-scorecard'> = { display: 'letters' };
