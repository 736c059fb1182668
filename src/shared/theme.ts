// Theme tokens. Public `--ocmf-*` custom properties (set by a host page on the element or any
// ancestor) feed private `--_*` ones on :host, which the elements' styles use. Light is the default;
// dark comes from prefers-color-scheme, from the page's own `color-scheme: dark` (read once on
// connect, kept as the custom state :state(dark)), or is forced with theme="dark"|"light".
import { css, unsafeCSS } from 'lit';

/** The light and dark defaults of every token, one place. The key is the token's name after `--ocmf-`. */
export const TOKENS: Record<string, [light: string, dark: string]> = {
  bg: ['#ffffff', '#15181d'],
  surface: ['#f4f6f8', '#1f242b'],
  fg: ['#1b1f24', '#e8ebef'],
  'fg-muted': ['#5b6470', '#a3acb8'],
  border: ['#d5dae0', '#3a424d'],
  track: ['#e6e9ed', '#2c333c'],
  accent: ['#2458d3', '#7aa2ff'],
  focus: ['#2458d3', '#9cbcff'],
  good: ['#1b7f4a', '#4cc38a'],
  watch: ['#a86400', '#f0b54a'],
  act: ['#c0342b', '#ff7a70'],
  missing: ['#8a939e', '#79828d'],
  // segment colours: no red, amber or green, so a segment is never read as a status
  'series-1': ['#2458d3', '#7aa2ff'],
  'series-2': ['#0f8b8d', '#4fd1c5'],
  'series-3': ['#8e44ad', '#c39bea'],
  'series-4': ['#b03a6f', '#f59ac3'],
  'series-5': ['#0277bd', '#6cc4f5'],
  'series-6': ['#8d6e63', '#c8a99a'],
  'series-7': ['#5d6d7e', '#aab7c4'],
  'series-8': ['#4b4fc4', '#a5a8ff'],
  skeleton: ['#e9ecef', '#262c34'],
};

/** Sizes and fonts: one value for both schemes. */
export const SIZE_TOKENS: Record<string, string> = {
  'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  'font-size': '14px',
  'font-size-small': '0.857em',
  radius: '6px',
  'focus-width': '2px',
  'motion-duration': '200ms',
};

const declare = (i: 0 | 1) =>
  Object.entries(TOKENS)
    .map(([k, v]) => `--_${k}: var(--ocmf-${k}, ${v[i]});`)
    .join('\n');

const light = unsafeCSS(declare(0) + '\ncolor-scheme: light;');
const dark = unsafeCSS(declare(1) + '\ncolor-scheme: dark;');
const sizes = unsafeCSS(
  Object.entries(SIZE_TOKENS)
    .map(([k, v]) => `--_${k}: var(--ocmf-${k}, ${v});`)
    .join('\n'),
);

/** Put first in every element's `static styles`. */
export const themeStyles = css`
  :host {
    ${sizes}
    ${light}
    display: block;
    min-width: 120px;
    box-sizing: border-box;
    color: var(--_fg);
    background: var(--_bg);
    font-family: var(--_font-family);
    font-size: var(--_font-size);
    line-height: 1.35;
    -webkit-text-size-adjust: 100%;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${dark}
    }
  }
  /* separate rules: a browser without :state() drops only these, not the theme attribute rules */
  :host(:state(dark)) {
    ${dark}
  }
  :host(:state(light)) {
    ${light}
  }
  /* theme="..." last, so it wins over the media query and the page's color-scheme */
  :host([theme='dark']) {
    ${dark}
  }
  :host([theme='light']) {
    ${light}
  }
  :host([hidden]) {
    display: none;
  }
  /* no ::before/::after here: a universal pseudo-element rule makes Blink resolve both pseudo
     styles for every element on each style recalc (the kit draws none) */
  * {
    box-sizing: inherit;
  }
  @media (prefers-reduced-motion: reduce) {
    :host {
      --_motion-duration: 0ms;
    }
    * {
      animation: none !important;
      transition: none !important;
    }
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
  input,
  select {
    font: inherit;
    color: inherit;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.15em 0.4em;
    min-width: 0;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.15em 0.6em;
    cursor: pointer;
  }
  :focus-visible {
    outline: var(--_focus-width) solid var(--_focus);
    outline-offset: 2px;
  }
  .status-good {
    color: var(--_good);
  }
  .status-watch {
    color: var(--_watch);
  }
  .status-act {
    color: var(--_act);
  }
  .status-missing {
    color: var(--_missing);
  }
  /* SVG marks by status (score bars, gauge fill): colour goes with a word or shape elsewhere */
  .track {
    fill: var(--_track);
  }
  .fill-good {
    fill: var(--_good);
  }
  .fill-watch {
    fill: var(--_watch);
  }
  .fill-act {
    fill: var(--_act);
  }
  .fill-missing {
    fill: var(--_missing);
  }
  .status-icon {
    width: 1em;
    height: 1em;
    vertical-align: -0.125em;
    flex: none;
  }
`;

/** The shared look of the states every element has: skeleton, empty, error, stale badge, attribution. */
export const stateStyles = css`
  /* the state's box fills the host; each element lays out its pieces in it, top to bottom */
  .base {
    height: 100%;
    display: flex;
    flex-direction: column;
  }
  .skeleton {
    border-radius: var(--_radius);
    background: var(--_skeleton);
    animation: ocmf-pulse 1.4s ease-in-out infinite;
  }
  .skeleton-wrap {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  @keyframes ocmf-pulse {
    50% {
      opacity: 0.55;
    }
  }
  .message {
    margin: 0;
    padding: 0.75em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_fg-muted);
  }
  .error {
    padding: 0.75em;
    border: 1px solid var(--_act);
    border-radius: var(--_radius);
    background: var(--_surface);
    overflow-wrap: anywhere;
  }
  .error h2 {
    margin: 0 0 0.4em;
    font-size: 1em;
    display: flex;
    gap: 0.4em;
    align-items: center;
  }
  .error ul {
    margin: 0;
    padding-left: 1.2em;
  }
  .error code {
    font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
    font-size: 0.92em;
  }
  .stale {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    margin: 0 0 0.4em;
    padding: 0.15em 0.5em;
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_watch);
    font-size: var(--_font-size-small);
  }
  .stale button {
    border: 0;
    background: none;
    padding: 0 0.2em;
    text-decoration: underline;
    color: var(--_accent);
  }
  .attribution,
  .warnings {
    margin: 0.4em 0 0;
    font-size: var(--_font-size-small);
    color: var(--_fg-muted);
  }
`;

/** The data tables (table views, aggregates): numbers right-aligned, row headers left. */
export const dataTableStyles = css`
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: var(--_font-size-small);
  }
  caption {
    text-align: left;
    font-weight: 600;
    padding-bottom: 0.3em;
  }
  th,
  td {
    padding: 0.25em 0.4em;
    border-bottom: 1px solid var(--_border);
    text-align: right;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: left;
  }
  thead th {
    background: var(--_surface);
  }
`;
