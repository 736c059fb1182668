import { css } from 'lit';

export const timelineStyles = css`
  /* whole pixels: each distinct (fractional) font size pays its own font set-up on first use, and
     the theme's small size is 0.857em (11.998 px at 14 px) */
  :host {
    --_tl-small: round(var(--_font-size-small), 1px);
  }
  .tl {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 0.4em;
    font-variant-numeric: tabular-nums;
  }
  .summary {
    margin: 0;
  }
  .law {
    margin: 0;
    font-size: round(1.15em, 1px);
    line-height: 1.5;
  }
  .law strong {
    font-weight: 600;
  }
  .piece {
    white-space: nowrap;
  }
  .facts,
  .segments,
  .legend {
    list-style: none;
    margin: 0.15em 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.2em 1.1em;
    color: var(--_fg-muted);
  }
  .segments {
    font-size: var(--_tl-small);
  }
  .facts strong,
  .segments strong {
    color: var(--_fg);
    font-weight: 600;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em 1em;
    font-size: var(--_tl-small);
  }
  .controls label {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  select {
    background: var(--_surface);
    padding: 0.1em 0.3em;
  }
  .views {
    display: inline-flex;
  }
  .views button {
    border-radius: 0;
  }
  .views button:first-child {
    border-radius: var(--_radius) 0 0 var(--_radius);
  }
  .views button:last-child {
    border-radius: 0 var(--_radius) var(--_radius) 0;
    border-left: none;
  }
  button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_bg);
  }
  .legend {
    font-size: var(--_tl-small);
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
  }
  .legend svg,
  .swatch {
    width: 1.6em;
    height: 0.9em;
    flex: none;
    overflow: visible;
  }
  .swatch {
    display: inline-block;
    vertical-align: -0.1em;
    margin-right: 0.15em;
  }
  .chart {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .axis,
  .rows {
    scrollbar-gutter: stable;
  }
  .axis {
    overflow: hidden;
    flex: none;
    display: flex;
    border-bottom: 1px solid var(--_border);
  }
  .axis svg {
    display: block;
    overflow: visible;
  }
  .axis-title {
    flex: none;
    align-self: flex-end;
    font-size: var(--_tl-small);
    color: var(--_fg-muted);
    padding: 0 0.4em 0.2em 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .axis-plot {
    position: relative;
    flex: none;
  }
  .axis-plot svg {
    position: absolute;
    top: 0;
    left: 0;
  }
  /* HTML labels centred on their tick (left set by the element; the layout keeps them on the axis) */
  .tick-label,
  .as-of-label {
    position: absolute;
    top: 1px;
    line-height: 12px;
    white-space: nowrap;
    font-size: var(--_tl-small);
    color: var(--_fg-muted);
    transform: translateX(-50%);
  }
  .calendar .tick-label {
    top: 14px;
  }
  .as-of-label {
    transform: translateX(-100%);
  }
  .tick-line,
  .grid {
    stroke: var(--_border);
    stroke-width: 1px;
  }
  .grid {
    stroke-dasharray: 2 3;
  }
  .zero,
  .as-of {
    stroke: var(--_fg);
    stroke-width: 1.5px;
  }
  .as-of {
    stroke-dasharray: 4 3;
  }
  .as-of-label {
    color: var(--_fg);
    font-weight: 600;
    top: 0;
  }
  /* height (set by the element) is the preferred size; a host of set height shrinks the rows to
     the room left above the footer, or grows them to fill it */
  .rows {
    flex: 1 1 auto;
    min-height: 0;
    overflow-y: auto;
    overflow-x: hidden;
    position: relative;
    contain: strict;
  }
  .spacer {
    position: relative;
  }
  .window {
    position: absolute;
    top: 0;
    left: 0;
    right: 0;
    will-change: transform;
  }
  /* one zero line (the sale) for all rows, over the bars: a line per row was an element and two
     attributes more in every row rendered */
  .zero-rule {
    position: absolute;
    top: 0;
    bottom: 0;
    left: calc(var(--_label-w) + var(--_zero-x) - 0.75px);
    width: 1.5px;
    background: var(--_fg);
    pointer-events: none;
  }
  /* the calendar's asOf line: one for all lanes, under their marks (before them, no z-index) */
  .as-of-rule {
    position: absolute;
    top: 0;
    left: var(--_label-w);
    width: 1px;
    height: 100%;
    overflow: visible;
    pointer-events: none;
  }
  /* height: ROW_HEIGHT in ttcv-timeline.ts. Each row is its own layout and paint island: a row
     coming into view does not re-lay out or repaint the rows already there */
  .row {
    display: flex;
    align-items: center;
    cursor: pointer;
    border-radius: 3px;
    height: 26px;
    contain: strict;
    position: relative;
  }
  .row:hover {
    background: var(--_surface);
  }
  /* the option is the label; the ring goes round the whole row */
  .row:has(:focus-visible) {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: -2px;
  }
  .row-label:focus-visible {
    outline: none;
  }
  .row-label {
    flex: none;
    width: var(--_label-w);
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    padding: 0 0.4em;
  }
  .row-total {
    flex: none;
    width: var(--_total-w);
    text-align: right;
    padding-right: 0.4em;
    color: var(--_fg-muted);
    font-size: var(--_tl-small);
  }
  .row svg {
    flex: none;
    display: block;
    overflow: visible;
  }
  /* the parts are thick lines (see partGlyph): striped, solid, solid with dots */
  .part {
    stroke-width: 14px;
  }
  .legend .part {
    stroke-width: 10px;
  }
  .swatch .part {
    stroke-width: 9px;
  }
  .part-beforeSale {
    stroke: var(--_series-1);
    stroke-dasharray: 2.5 1.5;
  }
  .part-afterSale {
    stroke: var(--_series-2);
  }
  .part-toSmile {
    stroke: var(--_series-3);
  }
  .dots {
    stroke: var(--_bg);
    stroke-width: 2.2px;
    stroke-linecap: round;
    stroke-dasharray: 0 5;
    stroke-dashoffset: -2.5;
  }
  .total {
    stroke: var(--_fg);
    stroke-width: 2.5px;
  }
  /* fill the marker, stroke its halo (under the fill: the halo shows 1.25 px round it) */
  .total-mark {
    fill: var(--_fg);
    stroke: var(--_bg);
    stroke-width: 2.5px;
    paint-order: stroke;
  }
  .waiting {
    fill: none;
    stroke: var(--_fg);
    stroke-width: 1.5px;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .note {
    fill: var(--_fg-muted);
    font-size: var(--_tl-small);
  }
  /* a duration row's note: HTML text on the plot at x (--_note-x), left of x when it ends there;
     on the page's colour, so where a bar leaves it no room it covers the total, never mixes with it */
  span.note {
    position: absolute;
    top: 0;
    left: calc(var(--_label-w) + var(--_note-x));
    line-height: 26px;
    white-space: nowrap;
    color: var(--_fg-muted);
    background: var(--_bg);
    pointer-events: none;
  }
  span.note-end {
    transform: translateX(-100%);
  }
  /* a calendar lane without dates: its note at the plot's start */
  span.note-lane {
    --_note-x: 4px;
  }
  .track-line {
    stroke: var(--_border);
    stroke-width: 1.5px;
  }
  .span {
    stroke: var(--_act);
    stroke-width: 4px;
    stroke-linecap: butt;
    opacity: 0.55;
  }
  .span.open {
    stroke-dasharray: 3 2;
  }
  .mark {
    stroke: var(--_bg);
    stroke-width: 1px;
  }
  .mark-engaged {
    fill: var(--_bg);
    stroke: var(--_fg-muted);
    stroke-width: 1.5px;
  }
  .mark-value-before-sale {
    fill: var(--_series-1);
  }
  .mark-sale {
    fill: var(--_fg);
  }
  .mark-value-after-sale {
    fill: var(--_series-2);
  }
  .mark-interruption {
    fill: var(--_act);
  }
  .mark-smile {
    fill: none;
    stroke: var(--_good);
    stroke-width: 2px;
    stroke-linecap: round;
  }
  .message {
    margin: 0.6em 0;
    color: var(--_fg-muted);
  }
  .table-wrap {
    flex: 1 1 auto;
    min-height: 0;
    overflow: auto;
  }
  table {
    margin-bottom: 0.8em;
  }
  td.text {
    text-align: left;
  }
  thead th {
    position: sticky;
    top: 0;
  }
  .skeleton.line {
    height: 1.2em;
    width: 70%;
  }
  .skeleton.rows-skeleton {
    height: 300px;
  }
`;
