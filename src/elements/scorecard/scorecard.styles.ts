import { css } from 'lit';

export const scorecardStyles = css`
  .card {
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
    gap: 0.6em;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.4em 1em;
  }
  h2 {
    margin: 0;
    font-size: 1.15em;
    /* 600 as the headers and names: every other weight is one more font to set up on first paint */
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  .period,
  .sub {
    margin: 0.1em 0 0;
    color: var(--_fg-muted);
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }
  .tools {
    display: flex;
    gap: 0.4em;
    flex-wrap: wrap;
  }
  .tools button,
  .card-tools button,
  .card-tools select {
    font-size: var(--_font-size-small);
  }
  .table-wrap {
    flex: 0 1 auto;
    min-height: 0;
    max-height: var(--ocmf-table-max-height, 75vh);
    overflow: auto;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    /* the containing block of the rows' visually hidden texts (absolute): else the page's, and
       every refilled row's hidden text is laid out and painted at the page's level */
    position: relative;
  }
  table {
    border-collapse: separate;
    border-spacing: 0;
    width: 100%;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_border);
    text-align: right;
    white-space: nowrap;
    vertical-align: middle;
  }
  thead th {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--_surface);
    font-weight: 600;
    font-size: var(--_font-size-small);
    color: var(--_fg-muted);
  }
  /* header and cells of a column share one alignment */
  .col-label,
  .col-status,
  .col-trend {
    text-align: left;
  }
  th[scope='row'] {
    font-weight: normal;
    white-space: normal;
    min-width: 12em;
  }
  tbody tr:hover {
    background: color-mix(in srgb, var(--_surface) 60%, transparent);
  }
  tr.depth-0 > th[scope='row'] .name {
    font-weight: 600;
  }
  .sort {
    border: 0;
    background: none;
    padding: 0.1em 0.2em;
    font-weight: inherit;
    color: inherit;
    white-space: nowrap;
  }
  th[aria-sort='ascending'] .sort,
  th[aria-sort='descending'] .sort {
    color: var(--_fg);
  }
  .arrow {
    display: inline-block;
    margin-left: 0.25em;
    opacity: 0.6;
  }
  .name-cell {
    display: flex;
    align-items: flex-start;
    gap: 0.25em;
    padding-left: calc(var(--depth, 0) * 1.1em);
  }
  .toggle {
    flex: none;
    width: 1.6em;
    height: 1.6em;
    padding: 0;
    border: 0;
    background: none;
    line-height: 1;
  }
  .toggle span {
    display: inline-block;
    transition: transform var(--_motion-duration);
  }
  .toggle[aria-expanded='true'] span {
    transform: rotate(90deg);
  }
  /* a leaf (no toggle): the name starts where its siblings' names do */
  .name-text:first-child {
    margin-left: 1.85em;
  }
  .name-text {
    display: flex;
    flex-direction: column;
    min-width: 0;
    padding-top: 0.15em;
  }
  .name {
    border: 0;
    background: none;
    padding: 0;
    text-align: left;
    overflow-wrap: anywhere;
  }
  .name:hover {
    text-decoration: underline;
  }
  .desc,
  .via {
    color: var(--_fg-muted);
    font-size: var(--_font-size-small);
    overflow-wrap: anywhere;
  }
  .small-sample {
    color: var(--_watch);
    font-size: var(--_font-size-small);
  }
  .not-measured {
    color: var(--_fg-muted);
  }
  /* (a card's score; a table row's is the cell's text and bar) */
  .score {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
  }
  /* the score bar is one box, no child: the target (--t, a 2px mark a little taller than the
     track), the watch/good ticks (--w, --g) and track and fill (--f) are its background layers
     (a positioned child was one more paint layer per row). HTML, not SVG: a third of the boxes to
     lay out and paint per row. Custom properties are set through the CSSOM (CSP-safe). */
  .bar {
    --_c: #0000;
    display: block;
    width: 6em;
    height: 0.84em;
    border-radius: 2px;
    background-image:
      var(--_tgt, none), var(--_tick), var(--_tick), linear-gradient(90deg, var(--_c) var(--f), var(--_track) 0);
    background-size:
      100% 100%,
      1px 0.21em,
      1px 0.21em,
      100% 0.7em;
    background-position:
      0 0,
      var(--w) 0.56em,
      var(--g) 0.56em,
      0 50%;
    background-repeat: no-repeat;
  }
  .bar.tgt {
    --_tgt: linear-gradient(90deg, #0000 calc(var(--t) - 1px), var(--_fg) 0 calc(var(--t) + 1px), #0000 0);
  }
  .bar.fill-good {
    --_c: var(--_good);
  }
  .bar.fill-watch {
    --_c: var(--_watch);
  }
  .bar.fill-act {
    --_c: var(--_act);
  }
  /* drawn with backgrounds: kept when printing and in forced colours, as the SVG fills were */
  .bar,
  .status-icon {
    --_tick: linear-gradient(var(--_bg), var(--_bg));
    forced-color-adjust: none;
    -webkit-print-color-adjust: exact;
    print-color-adjust: exact;
  }
  /* in a table row the bar follows the score on its line (no wrapper box) */
  td > .bar {
    display: inline-block;
    vertical-align: middle;
    margin-left: 0.4em;
  }
  /* inline (no flex box to lay out); the shape sits on the text's line */
  .status {
    font-weight: 600;
  }
  /* the status shape: one box drawn by its background layers (no clip-path: a clipped box is one
     more paint layer per row); the mark is the background colour: circle with a check, triangle
     with "!", square with a cross, dashed ring. */
  .status-icon {
    display: inline-block;
    margin-right: 0.3em;
    background-repeat: no-repeat;
  }
  /* the circle (r 7 of 16, as the other shapes' extent): the check is a wedge of the background
     under the same wedge, 0.13em higher, in the circle's colour */
  .status-good .status-icon {
    border-radius: 50%;
    padding: 0.0625em;
    background-clip: content-box;
    background-color: currentColor;
    background-image:
      conic-gradient(from 314deg at 38% 62%, currentColor 89deg, #0000 0),
      conic-gradient(from 314deg at 38% 88%, var(--_bg) 89deg, #0000 0);
    background-size: 0.6em 0.5em;
    background-position: 0.2em 0.3em;
  }
  /* the triangle: a wedge from its apex, cut by its layer's bottom; "!" a bar and a dot */
  .status-watch .status-icon {
    background-image: var(--_tick), var(--_tick), conic-gradient(from 151deg at 50% 8%, currentColor 58deg, #0000 0);
    background-size:
      0.12em 0.36em,
      0.12em 0.1em,
      1em 0.9em;
    background-position:
      0.44em 0.32em,
      0.44em 0.72em,
      0 0;
  }
  .status-act .status-icon {
    border-radius: 2px;
    padding: 0.08em;
    background-clip: content-box;
    background-color: currentColor;
    background-image:
      linear-gradient(45deg, #0000 40%, var(--_bg) 0 60%, #0000 0),
      linear-gradient(-45deg, #0000 40%, var(--_bg) 0 60%, #0000 0);
    background-size: 56% 56%;
    background-position: 50%;
  }
  /* (the dashed ring keeps the "missing" colour; the word is grey, below) */
  .status-missing .status-icon {
    color: var(--_missing);
    border: 1.5px dashed;
    border-radius: 50%;
    width: 0.85em;
    height: 0.85em;
    margin: 0 0.375em 0 0.075em;
  }
  /* the word in a readable grey (4.5:1) */
  .status.status-missing {
    color: var(--_fg-muted);
  }
  .delta.up {
    color: var(--_good);
  }
  .delta.down {
    color: var(--_act);
  }
  .delta.flat,
  .delta.none {
    color: var(--_fg-muted);
  }
  .spark {
    display: block;
    overflow: visible;
  }
  .spark path {
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.5px;
    stroke-linejoin: round;
  }
  /* medium (480-900 px): cells wrap and the graphics shrink so the table fits without sideways scrolling */
  .medium th,
  .medium td {
    padding: 0.3em 0.2em;
    white-space: normal;
  }
  .medium th[scope='row'] {
    min-width: 7em;
  }
  .medium .sort {
    white-space: normal;
    padding: 0;
    text-align: inherit;
  }
  /* two lines on screen; the full text stays in the DOM (screen readers) and in the title (hover) */
  .medium .desc {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
  }
  .medium .name-cell {
    padding-left: calc(var(--depth, 0) * 0.6em);
  }
  .medium .bar {
    width: 3.5em;
  }
  /* medium: the bar under its score */
  .medium td > .bar {
    display: block;
    margin: 0.03em 0 -0.07em auto;
  }
  .medium .spark {
    width: 3em;
    height: auto;
  }
  /* compact (480-640 px): Weight and Coverage step out (header and cells alike; the CSV keeps them) */
  .compact .col-share,
  .compact .col-coverage {
    display: none;
  }
  /* medium and windowed (long tables, one height per row): value and status may take two
     lines (the score cell has two already) and every row is two lines high, so the table fits
     without sideways scrolling; compact: the Trend steps out too (Change says the direction) and
     long names end in an ellipsis */
  .medium .windowed td.col-value,
  .medium .windowed td.col-status {
    white-space: normal;
  }
  /* (on the row, not "tr > *": a selector ending in * is tried on every element at each restyle) */
  .medium .windowed tr[data-id] {
    height: 3.5em;
  }
  .compact .windowed .col-trend {
    display: none;
  }
  .medium .windowed .name,
  .medium .windowed .desc,
  .medium .windowed .via {
    max-width: 10em;
  }
  .compact .windowed .name,
  .compact .windowed .desc,
  .compact .windowed .via {
    max-width: 6em;
  }
  /* a windowed table keeps its rows' height: the spacers assume equal rows */
  .medium .windowed th,
  .medium .windowed td {
    white-space: nowrap;
  }
  /* long (windowed) tables: one line per row so every row has the height the spacers assume */
  .windowed .desc,
  .windowed .via,
  .windowed .name {
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    max-width: 28em;
  }
  .windowed th[scope='row'] {
    max-width: 30em;
  }
  /* wide and windowed: fixed column widths (on the cols: fixedColumnEms), so refilling rows on a sort
     or scroll lays out those rows, not every cell of the table again */
  .fixed {
    table-layout: fixed;
  }
  .spacer td {
    padding: 0;
    border: 0;
  }
  /* guide: the traffic lights step back, what changed steps forward */
  .guide .bar.fill {
    --_c: var(--_fg-muted);
  }
  .guide .status {
    color: var(--_fg-muted);
    font-weight: normal;
  }
  .guide .delta {
    font-weight: 600;
  }
  .steps {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: 0.5em 0.8em;
  }
  .steps h3 {
    margin: 0 0 0.3em;
    font-size: 1em;
    font-weight: 600;
  }
  .steps ol {
    margin: 0;
    padding-left: 1.4em;
  }
  .steps li {
    margin: 0.15em 0;
    overflow-wrap: anywhere;
  }
  /* narrow: cards */
  .card-tools {
    display: flex;
    gap: 0.5em;
    align-items: center;
    flex-wrap: wrap;
    font-size: var(--_font-size-small);
  }
  .card-tools select {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .cards {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    font-variant-numeric: tabular-nums;
  }
  .cards > li {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.6em;
    margin-left: calc(var(--depth, 0) * 0.8em);
    /* cards off screen skip layout and paint (500 cards: ~3x less CPU to draw or sort); unlike the
       table's window they stay in the DOM, so their varied heights, find-in-page, screen readers and
       Tab order need nothing more; the estimate is a two-line card, then its last real size */
    content-visibility: auto;
    contain-intrinsic-size: auto 10em;
  }
  .cards .name-cell {
    padding-left: 0;
    flex: 1 1 auto;
  }
  .card-head {
    display: flex;
    justify-content: space-between;
    align-items: flex-start;
    gap: 0.5em;
  }
  .card-status {
    flex: none;
    padding-top: 0.15em;
  }
  dl {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(8.5em, 1fr));
    gap: 0.3em 0.8em;
    margin: 0.4em 0 0;
  }
  .fact dt {
    color: var(--_fg-muted);
    font-size: var(--_font-size-small);
  }
  .fact dd {
    margin: 0;
  }
  .skeleton.line {
    height: 1.8em;
  }
  .skeleton.line.title {
    width: 40%;
    height: 1.4em;
  }
`;
