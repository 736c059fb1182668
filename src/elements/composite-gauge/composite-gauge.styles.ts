import { css, unsafeCSS } from 'lit';
import { SERIES_COUNT } from '../../layout/gauge.js';

const series = unsafeCSS(
  Array.from(
    { length: SERIES_COUNT },
    (_, i) => `.series-${i + 1} { fill: var(--_series-${i + 1}); }
.series-bg-${i + 1} { background: var(--_series-${i + 1}); }`,
  ).join('\n'),
);

export const gaugeStyles = css`
  /* The gauge's pieces are the base's flex items, next to the footer: when a fixed-height host is
     too short, only the dial shrinks (to 48 px) and the rest overflows below, in order, instead of
     the footer being drawn over the facts. */
  .gauge {
    display: contents;
    line-height: 1.3;
  }
  .gauge > :not(.dial) {
    flex: none;
  }
  .label {
    font-weight: 600;
    text-align: center;
    overflow-wrap: anywhere;
    margin-bottom: 0.2em;
  }
  .dial {
    position: relative;
    flex: 0 1 auto;
    min-height: 48px;
  }
  svg {
    display: block;
    width: 100%;
    height: 100%;
    overflow: visible;
  }
  .band-act {
    fill: var(--_act);
  }
  .band-watch {
    fill: var(--_watch);
  }
  .band-good {
    fill: var(--_good);
  }
  ${series}
  .segment {
    cursor: pointer;
    stroke: var(--_bg);
    stroke-width: 1.5px;
    transition: opacity var(--_motion-duration);
  }
  .segment.muted {
    opacity: 0.35;
  }
  .segment:hover {
    opacity: 0.8;
  }
  .segment:focus-visible {
    outline: none;
    stroke: var(--_focus);
    stroke-width: 3px;
  }
  .target {
    stroke: var(--_fg);
    stroke-width: 3px;
    stroke-linecap: round;
  }
  .target-halo {
    stroke: var(--_bg);
    stroke-width: 7px;
    stroke-linecap: round;
  }
  .tick {
    fill: var(--_fg-muted);
  }
  /* One bold (600) and one regular face at the gauge's text size, plus the value's and the ticks'
     sizes: each new size, weight or font feature set costs font set-up on a page's first gauge
     (~0.5-1 ms each; 650, tabular-nums and a smaller button were three more). */
  text {
    text-anchor: middle;
  }
  .value,
  .status {
    font-weight: 600;
  }
  .value {
    fill: var(--_fg);
  }
  .status {
    fill: currentColor;
  }
  /* the credit under a centred dial reads as part of it when centred too */
  .attribution {
    text-align: center;
  }
  .facts {
    list-style: none;
    margin: 0.3em 0 0;
    padding: 0;
    text-align: center;
    color: var(--_fg-muted);
  }
  .facts li {
    margin: 0.1em 0;
    overflow-wrap: anywhere;
  }
  /* the target's key drawn, not a glyph: "┃" was the page's first non-ASCII wrapping text, whose
     line breaker (ICU) a first render set up (~1-2 ms); a border survives forced colours */
  .target-mark {
    display: inline-block;
    height: 1.1em;
    margin: 0 0.2em;
    border-left: 0.18em solid;
    vertical-align: -0.2em;
  }
  .facts strong {
    color: var(--_fg);
    font-weight: 600;
  }
  .delta.up span[aria-hidden] {
    color: var(--_good);
  }
  .delta.down span[aria-hidden] {
    color: var(--_act);
  }
  .table-toggle {
    align-self: center;
    margin-top: 0.4em;
  }
  .table-wrap {
    overflow-x: auto;
    margin-top: 0.4em;
  }
  table {
    font-variant-numeric: tabular-nums;
  }
  th[scope='row'],
  thead th:first-child {
    white-space: normal;
  }
  tr.muted {
    color: var(--_fg-muted);
  }
  .muted-text {
    color: var(--_fg-muted);
  }
  .swatch {
    display: inline-block;
    width: 0.7em;
    height: 0.7em;
    border-radius: 2px;
    margin-right: 0.35em;
  }
  /* the skeleton's pieces are the real ones' classes (.gauge, .label, .dial, .facts,
     .table-toggle: their margins, and the dial alone shrinking in a short host) with their heights:
     a line of text is 1.3em (--line: 2.6em where it wraps), the two facts have 0.1em around each
     (a flex item's margins do not collapse), the button 0.3em of padding and 2px of border */
  .skeleton.label {
    width: 45%;
    height: var(--line);
    align-self: center;
  }
  .skeleton.dial {
    border-radius: 50% 50% 12% 12%;
  }
  .skeleton.facts {
    width: 70%;
    height: calc(2 * var(--line) + 0.3em);
    align-self: center;
  }
  .skeleton.table-toggle {
    width: 6em;
    height: calc(1.6em + 2px);
  }
`;
