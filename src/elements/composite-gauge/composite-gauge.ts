import { html, nothing, svg, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import type { EvaluatedNode, Evaluation } from '../../engine/types.js';
import {
  attributeDocument,
  gaugeFacts,
  gaugeHeight,
  gaugeTextSize,
  layoutGauge,
  type GaugeFacts,
  type GaugeLayout,
  type GaugeSegment,
} from '../../layout/gauge.js';
import { OcmfElement } from '../../shared/base-element.js';
import { styleProps } from '../../shared/style-props.js';
import {
  formatDelta,
  formatPoints,
  formatScore,
  formatShare,
  formatValue,
  MISSING,
  NOT_MEASURED,
} from '../../shared/format.js';
import { STATUS_GLYPH, STATUS_TEXT } from '../../shared/status.js';
import { dataTableStyles } from '../../shared/theme.js';
import { gaugeStyles } from './composite-gauge.styles.js';

/**
 * A radial gauge of one node's score (0–100): status bands from the thresholds, the node's children
 * as stacked segments as wide as their contributions, a target marker, and under the number the
 * coverage, the delta against the previous period, the biggest lever and small-sample marks.
 *
 * @tagname ocmf-composite-gauge
 * @summary The score of one OCMF node as a dial, with what it is made of and what would move it.
 *
 * @attr src - URL of a metrics document to fetch.
 * @attr refresh - Re-fetch `src` every N seconds while connected.
 * @attr timeout - Seconds to wait for `src` (default 15).
 * @attr node - The id of the node to show (default: the root).
 * @attr lens - executive | manager | frontline: the biggest lever and the table follow it.
 * @attr locale - BCP 47 locale for numbers (default: the document's, else the nearest `lang`).
 * @attr theme - light | dark (default: the page's color-scheme, else prefers-color-scheme).
 * @attr value - Attribute-only use without JSON: the score (0–100).
 * @attr label - Attribute-only use: the name shown above the dial; with data, overrides the node's label.
 * @attr target - Attribute-only use: the target marker (0–100).
 *
 * @event {CustomEvent<Evaluation>} ocmf-ready - The evaluation (detail) is rendered; once per new evaluation.
 * @event {CustomEvent<Issue[]>} ocmf-error - The data could not be loaded or is invalid; detail: the issues, each with its path.
 * @event {CustomEvent<string>} ocmf-select - A person picked a segment (click, Enter or Space); detail: the node's id.
 *
 * @csspart base - The wrapper of every state.
 * @csspart label - The node's name above the dial.
 * @csspart dial - The box of the SVG dial.
 * @csspart track - The unfilled ring.
 * @csspart band - A status band (also `band-act`, `band-watch`, `band-good`).
 * @csspart segment - A child's segment of the ring.
 * @csspart target - The target marker.
 * @csspart value - The score in the middle.
 * @csspart status - The status word under the score.
 * @csspart facts - The list under the dial (coverage, delta, target, lever, small samples).
 * @csspart table-toggle - The "Table view" button.
 * @csspart table - The contributions table.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The sentence saying what is missing.
 * @csspart error - The list of issues.
 * @csspart stale - The "Not updated since" badge.
 * @csspart retry - Its Retry button.
 * @csspart warnings - The document's warnings.
 * @csspart attribution - The document's attribution line.
 *
 * @cssproperty --ocmf-bg - Background.
 * @cssproperty --ocmf-fg - Text colour.
 * @cssproperty --ocmf-fg-muted - Secondary text colour.
 * @cssproperty --ocmf-surface - Raised surfaces (buttons, table header).
 * @cssproperty --ocmf-border - Lines and borders.
 * @cssproperty --ocmf-track - The unfilled ring.
 * @cssproperty --ocmf-focus - The focus ring.
 * @cssproperty --ocmf-good - Status colour "good" (the word and a ✓ go with it).
 * @cssproperty --ocmf-watch - Status colour "watch" (with "!").
 * @cssproperty --ocmf-act - Status colour "act" (with "✕").
 * @cssproperty --ocmf-missing - "Not measured" (with "○").
 * @cssproperty --ocmf-series-1 - Colour of the 1st child's segment; --ocmf-series-2 … --ocmf-series-8 likewise.
 * @cssproperty --ocmf-font-family - Font.
 * @cssproperty --ocmf-font-size - Base font size of the element's chrome (states, table).
 * @cssproperty --ocmf-radius - Corner radius.
 */
export class OcmfCompositeGauge extends OcmfElement {
  // Lit reactive properties (a static map, not decorators: smaller in the bundle)
  static override properties: PropertyDeclarations = {
    value: { type: Number },
    label: {},
    target: { type: Number },
    _tableOpen: { state: true },
  };

  static override styles: CSSResultGroup = [OcmfElement.styles, dataTableStyles, gaugeStyles];

  /** Attribute-only use: the score (0–100); unused while data, src or inline JSON is in force. */
  value: number | null = null;
  /** Attribute-only use: the name; with data, overrides the node's label. */
  label: string | null = null;
  /** Attribute-only use: the target (0–100); unused while data, src or inline JSON is in force. */
  target: number | null = null;

  /** @internal */ private _tableOpen = false;

  protected override readonly _widgetName = 'gauge';

  protected override willUpdate(changed: PropertyValues): void {
    // the attributes make a document only while no data, src document or inline JSON is in force
    // (with one, label is a display override and needs no new evaluation, nor a new ocmf-ready)
    if (
      (changed.has('value') || changed.has('label') || changed.has('target')) &&
      !'dsi'.includes(this._kind[0]!) // not data, src or inline
    )
      this._invalidateEvaluation();
    super.willUpdate(changed);
  }

  protected override _fallbackDocument(): unknown {
    const raw = this.getAttribute('value');
    if (this.value === null && raw === null) return undefined;
    return attributeDocument(raw === '' ? null : this.value, this.label, this.target);
  }

  protected override _renderSkeleton(): unknown {
    // the final gauge's pieces in its classes and sizes (label, dial, two facts, the table button):
    // the page does not jump when the data arrives, and in a short host the dial shrinks as the
    // real one does; below 240 px the text wraps to two lines
    const width = this.size.width || 320;
    return html`<div
      class="gauge"
      part="skeleton"
      aria-hidden="true"
      ${styleProps({ 'font-size': `${gaugeTextSize(width)}px`, '--line': width < 240 ? '2.6em' : '1.3em' })}
    >
      <div class="skeleton label"></div>
      <div class="skeleton dial" ${styleProps({ 'aspect-ratio': `${width} / ${gaugeHeight(width)}` })}></div>
      <div class="skeleton facts"></div>
      <div class="skeleton table-toggle"></div>
    </div>`;
  }

  protected override _renderReady(ev: Evaluation): unknown {
    const node = this._selectedNode!;
    const layout = layoutGauge(node, this.size.width || 320);
    const facts = gaugeFacts(ev, node, this._activeLens);
    const locale = this._resolvedLocale;
    const label = this.label || node.label;
    const delta = formatDelta(facts.delta, locale);
    const target = typeof node.target === 'number' ? formatValue(node.target, node.unit, locale, node.currency) : null;
    const valueText =
      node.score === null
        ? `${NOT_MEASURED}`
        : [
            `${formatScore(node.score, locale)} of 100`,
            STATUS_TEXT[node.status],
            facts.delta !== null && facts.previousPeriod ? `${delta.spoken} since ${facts.previousPeriod}` : '',
            target ? `target ${target}` : '',
          ]
            .filter(Boolean)
            .join(', ');
    return html`<div class="gauge" ${styleProps({ 'font-size': `${layout.textSize}px` })}>
      <div class="label" part="label" id="label">${label}</div>
      <div class="dial" part="dial">
        ${this._renderDial(node, layout, label)}
        ${
          node.score === null
            ? html`<div class="sr-only" role="img" aria-labelledby="label label-missing"></div>
                <span class="sr-only" id="label-missing">${NOT_MEASURED}</span>`
            : html`<div
                class="sr-only"
                role="meter"
                aria-labelledby="label"
                aria-valuemin="0"
                aria-valuemax="100"
                aria-valuenow=${
                  // (2 decimals: a sum of weighted scores can land on 5.5e-17, and ARIA numbers have no exponent)
                  +node.score.toFixed(2)
                }
                aria-valuetext=${valueText}
              ></div>`
        }
      </div>
      ${this._renderFacts(node, facts, delta, target)} ${this._renderTable(node, facts, label)}
    </div>`;
  }

  private _renderDial(node: EvaluatedNode, g: GaugeLayout, label: string) {
    const locale = this._resolvedLocale;
    const focusable = g.segments.length > 0;
    return html`<svg
      viewBox="0 0 ${g.width} ${g.height}"
      preserveAspectRatio="xMidYMid meet"
      role=${focusable ? 'group' : 'presentation'}
      aria-label=${focusable ? `Contributions to ${label}` : nothing}
      aria-hidden=${focusable ? nothing : 'true'}
      @click=${this._onSegmentEvent}
      @keydown=${this._onSegmentEvent}
    >
      <path class="track" part="track" d=${g.track}></path>
      ${g.bands.map((b) => svg`<path class="band band-${b.status}" part="band band-${b.status}" d=${b.d}></path>`)}
      ${g.segments.map((s) => this._renderSegment(node, s))}
      ${
        g.target
          ? svg`<line class="target-halo" x1=${g.target.x1} y1=${g.target.y1} x2=${g.target.x2} y2=${g.target.y2}></line>
            <line class="target" part="target" x1=${g.target.x1} y1=${g.target.y1} x2=${g.target.x2} y2=${g.target.y2}></line>`
          : nothing
      }
      ${g.ticks.map(
        (t) =>
          svg`<text class="tick" aria-hidden="true" x=${t.x} y=${t.y} font-size=${g.tickFontSize}>${formatScore(t.value, locale)}</text>`,
      )}
      <text class="value" part="value" aria-hidden="true" x=${g.value.x} y=${g.value.y} font-size=${g.value.fontSize}>
        ${formatScore(node.score, locale)}
      </text>
      <text
        class="status status-${node.status}"
        part="status"
        aria-hidden="true"
        x=${g.status.x}
        y=${g.status.y}
        font-size=${g.status.fontSize}
      >
        ${STATUS_GLYPH[node.status]} ${STATUS_TEXT[node.status]}
      </text>
    </svg>`;
  }

  // one listener pair on the dial for every segment (delegated): a gauge with 8 segments added 16
  private _onSegmentEvent = (e: Event): void => {
    const id = (e.target as Element).closest?.('.segment')?.getAttribute('data-id');
    if (!id) return;
    if (e instanceof KeyboardEvent) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
    }
    this.select(id);
  };

  private _renderSegment(node: EvaluatedNode, s: GaugeSegment) {
    const locale = this._resolvedLocale;
    const child = node.children ? this.evaluation?.nodes[s.id] : node;
    const muted = child ? !this.inLens(child) : false;
    const details = node.children
      ? `${s.label}: ${formatPoints(s.to - s.from, locale, false)} of ${formatScore(node.score, locale)}, score ${formatScore(child?.score, locale)}, ${STATUS_TEXT[s.status]}`
      : `${s.label}: score ${formatScore(node.score, locale)}, ${STATUS_TEXT[s.status]}`;
    const fill = s.series === null ? `fill-${s.status}` : `series-${s.series}`;
    return svg`<path
      class="segment ${fill} ${muted ? 'muted' : ''}"
      part="segment"
      data-id=${s.id}
      d=${s.d}
      tabindex="0"
      role="button"
      aria-label=${details}
    ><title>${details}</title></path>`;
  }

  private _renderFacts(
    node: EvaluatedNode,
    f: GaugeFacts,
    delta: ReturnType<typeof formatDelta>,
    target: string | null,
  ) {
    const locale = this._resolvedLocale;
    const lever = f.lever;
    return html`<ul class="facts" part="facts">
      ${node.score === null ? html`<li class="missing">${MISSING} ${NOT_MEASURED}</li>` : nothing}
      ${
        f.coverage !== null
          ? html`<li part="coverage">${formatShare(f.coverage, locale)} of the weight measured</li>`
          : nothing
      }
      ${
        f.delta !== null && f.previousPeriod
          ? html`<li part="delta" class="delta ${delta.direction}">
              <span aria-hidden="true">${delta.text}</span><span class="sr-only">${delta.spoken}</span> vs
              ${f.previousPeriod}
            </li>`
          : nothing
      }
      ${target !== null ? html`<li part="target-text"><span class="target-mark" aria-hidden="true"></span> Target ${target}</li>` : nothing}
      ${
        // one template for both kinds: each nested template is one more instance per gauge
        lever
          ? html`<li part="lever">
              ${lever.kind === 'improve' ? 'Biggest lever: ' : 'Start measuring: '}<strong>${lever.label}</strong>${
                lever.kind === 'improve' ? `, ${formatPoints(lever.points, locale)}` : ''
              }
            </li>`
          : nothing
      }
      ${
        f.smallSamples.length
          ? html`<li part="small-sample" class="small-sample">
              <span aria-hidden="true">◔</span> Small sample:
              ${f.smallSamples.map(
                (s, i) =>
                  html`${i ? ', ' : ''}${s.label} (${s.sampleSize} ${s.sampleSize === 1 ? 'response' : 'responses'})`,
              )}
              (fewer than ${f.minSample})
            </li>`
          : nothing
      }
    </ul>`;
  }

  private _renderTable(node: EvaluatedNode, f: GaugeFacts, label: string) {
    const open = this._tableOpen;
    // the table only while open: a closed table is hidden from everyone, and its DOM (~40 bindings
    // with rows, 12 elements without) was a third of each gauge's render (50 gauges)
    return html`<button
        type="button"
        class="table-toggle"
        part="table-toggle"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? 'table' : nothing}
        @click=${() => (this._tableOpen = !open)}
      >
        ${open ? 'Hide table' : 'Table view'}
      </button>
      ${open ? this._renderTableBody(node, f, label) : nothing}`;
  }

  private _renderTableBody(node: EvaluatedNode, f: GaugeFacts, label: string) {
    const locale = this._resolvedLocale;
    return html`<div class="table-wrap" tabindex="0" role="group" aria-labelledby="caption">
      <table id="table" part="table">
        <caption id="caption">
          ${node.children ? `What makes up ${label}` : label}
        </caption>
        <thead>
          <tr>
            <th scope="col">${node.children ? 'Driver' : 'Metric'}</th>
            <th scope="col">Value</th>
            <th scope="col">Score</th>
            <th scope="col">Share</th>
            <th scope="col">Points</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          ${f.rows.map(
            (r) =>
              html`<tr class=${r.inLens ? '' : 'muted'} data-id=${r.id}>
                <th scope="row">
                  ${
                    r.series !== null
                      ? html`<span class="swatch series-bg-${r.series}" aria-hidden="true"></span>`
                      : nothing
                  }${r.label}
                </th>
                <td>
                  ${
                    r.value === null
                      ? html`${MISSING} <span class="muted-text">${NOT_MEASURED}</span>`
                      : formatValue(r.value, r.unit, locale, r.currency)
                  }${
                    r.smallSample
                      ? html` <span class="small-sample" title="Small sample">◔ ${r.sampleSize}</span>`
                      : nothing
                  }
                </td>
                <td>${formatScore(r.score, locale)}</td>
                <td>${r.contribution === null ? MISSING : formatShare(r.share, locale)}</td>
                <td>${formatPoints(r.contribution, locale, false)}</td>
                <td class="status-${r.status}">
                  <span aria-hidden="true">${STATUS_GLYPH[r.status]}</span> ${STATUS_TEXT[r.status]}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
