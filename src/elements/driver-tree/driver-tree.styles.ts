import { css } from 'lit';

export const treeStyles = css`
  :host {
    height: 30rem;
  }
  .tree-wrap {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    display: flex;
    flex-direction: column;
  }
  .tree-skeleton {
    flex: 1 1 auto;
    min-height: 8em;
  }
  .toolbar {
    position: absolute;
    z-index: 1;
    top: 0;
    left: 0;
    right: 0;
    display: flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.35em;
    pointer-events: none;
  }
  .toolbar > * {
    pointer-events: auto;
  }
  .toolbar .spacer {
    flex: 1;
    pointer-events: none;
  }
  .toolbar input {
    width: 12em;
  }
  .toolbar button {
    min-width: 2em;
  }
  .count {
    font-size: var(--_font-size-small);
    color: var(--_fg-muted);
    background: var(--_bg);
  }
  .stage {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    overflow: hidden;
    touch-action: none;
    cursor: grab;
    user-select: none;
    -webkit-user-select: none;
  }
  .canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
  }
  .link {
    fill: none;
    stroke: var(--_border);
    stroke-opacity: 0.9;
  }
  .link.missing {
    stroke-dasharray: 6 5;
  }
  .item {
    cursor: pointer;
    outline: none;
  }
  .card .box {
    fill: var(--_surface);
    stroke: var(--_border);
    stroke-width: 1;
  }
  .card.status-missing .box {
    stroke: var(--_missing);
    stroke-dasharray: 5 4;
    fill: var(--_bg);
  }
  .card.match .box {
    stroke: var(--_accent);
    stroke-width: 3;
  }
  .card.selected .box {
    stroke: var(--_accent);
    stroke-width: 2;
  }
  .hit {
    fill: transparent;
    stroke: none;
  }
  .item:focus-visible .hit {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  .card.muted {
    opacity: 0.5;
  }
  .stripe {
    fill: var(--_missing);
  }
  .status-good .stripe,
  .status-good .bar {
    fill: var(--_good);
  }
  .status-watch .stripe,
  .status-watch .bar {
    fill: var(--_watch);
  }
  .status-act .stripe,
  .status-act .bar {
    fill: var(--_act);
  }
  .status-missing .bar {
    fill: var(--_missing);
  }
  text {
    fill: var(--_fg);
    font-family: var(--_font-family);
    font-size: 12px;
  }
  .label {
    font-weight: 600;
    font-size: 13px;
  }
  .value {
    font-size: 13px;
  }
  .status-good .status {
    fill: var(--_good);
  }
  .status-watch .status {
    fill: var(--_watch);
  }
  .status-act .status {
    fill: var(--_act);
  }
  .status,
  .facts {
    font-size: 11px;
  }
  .facts,
  .status-missing .value,
  .status-missing .status {
    fill: var(--_fg-muted);
  }
  .target {
    fill: var(--_fg);
  }
  .lever rect {
    fill: var(--_accent);
  }
  .lever text {
    fill: var(--_bg);
    font-size: 11px;
    font-weight: 700;
  }
  .toggle circle {
    fill: var(--_bg);
    stroke: var(--_border);
  }
  .toggle text {
    font-size: 10px;
    font-weight: 700;
  }
  .export-holder {
    position: absolute;
    left: -100000px;
    top: 0;
    visibility: hidden;
  }
  .export-bg {
    fill: var(--_bg);
  }
  .whatif {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3em 0.75em;
    padding: 0.4em 0.5em;
    border-top: 1px solid var(--_border);
    background: var(--_surface);
  }
  .whatif input {
    width: 7em;
  }
  .whatif .hint,
  .whatif .unit {
    color: var(--_fg-muted);
  }
  .whatif .delta {
    font-weight: 600;
  }
`;
