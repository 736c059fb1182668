import { html, nothing, svg, type CSSResultGroup, type PropertyValues, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Evaluation, JourneyEventType, TtcvAggregate, TtcvJourney, TtcvSummary } from '../../engine/types.js';
import {
  calendarScale,
  durationScale,
  journeyText,
  lawPieces,
  notePlacement,
  orderJourneys,
  PART_NAMES,
  summaryView,
  TTCV_PARTS,
  virtualWindow,
  type BarSegment,
  type CalendarLane,
  type CalendarScale,
  type DurationScale,
  type JourneySortKey,
  type SortDirection,
  type TtcvPart,
  type TtcvSummaryView,
} from '../../layout/timeline.js';
import { windowSlots } from '../../layout/virtual.js';
import { OcmfElement } from '../../shared/base-element.js';
import {
  dayNumber,
  formatDays,
  formatShare,
  formatValue,
  MISSING,
  NOT_MEASURED,
  utcDate,
} from '../../shared/format.js';
import { styleProps } from '../../shared/style-props.js';
import { dataTableStyles } from '../../shared/theme.js';
import { timelineStyles } from './ttcv-timeline.styles.js';

/** A row is 26 px tall (also in the row templates and .row in the styles); its bar 14 px, y 6..20. */
const ROW_HEIGHT = 26;
/** Classic scrollbar width, for the first frame's estimate only (then measured). */
const SCROLLBAR = 15;
/** About the height of summary, controls, legend and axis above the rows, by view, and of the
 * segments' line when there is one (first frame's estimate; measured 120/132 + 17 px at 1,200 px,
 * taken 2 px low so that the first frame covers the viewport rather than rendering twice). */
const HEADER = { duration: 118, calendar: 130, segments: 17 };
/** Rows rendered beyond the viewport each side: the scroll handler renders before the frame. */
const OVERSCAN = 4;
const INSET = 10;
const TOTAL_COL = 52;
const UNDATED = 'Given in days, no dates';
const SORTS: readonly JourneySortKey[] = ['total', 'label', 'segment'];
const EVENT_NAMES: Record<JourneyEventType, string> = {
  engaged: 'engaged',
  'value-before-sale': 'value before sale',
  sale: 'sale',
  'value-after-sale': 'value after sale',
  interruption: 'interruption',
  smile: 'smile',
};
/** The event types in the legend's order. */
const EVENT_TYPES = Object.keys(EVENT_NAMES) as JourneyEventType[];

// A part is drawn from x0 to x1 as a thick line: striped (before sale), solid (after sale) or
// solid with a row of dots over it (to smile, a second line), so the parts differ by more than
// colour. Strokes, not SVG patterns: a pattern fill costs a tile per element at paint, and lines
// carry no geometry presentation attributes (rect x/width are), so their styles are shared (see
// the styles). The rows, the legend and the law's swatches draw them so.

type Columns = { label: number; total: number; plot: number };

// Each event type's shape centred on (0, 0), for the marks and the legend: the type is told by
// shape as well as colour.
const MARK_D: Record<JourneyEventType, string> = {
  engaged: 'M-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0',
  'value-before-sale': 'M0-5L5 0L0 5L-5 0Z',
  sale: 'M-1.5-7h3v14h-3Z',
  'value-after-sale': 'M-4.5 0a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0-9 0',
  interruption: 'M0-5L5 4H-5Z',
  smile: 'M-4.5-1a4.5 4.5 0 0 0 9 0',
};

// A calendar lane is one template: its marks and spans written into the template's strings (one
// set of strings per shape of lane: the event types in order, the spans' open flags), so a lane
// coming into view is one clone with two bindings per mark, not a nested template per mark. The
// types are the engine's (checked against JOURNEY_EVENT_TYPES), the shapes MARK_D's. Past
// LANE_SHAPES shapes (a document of very varied lanes) new ones are not kept.
const laneShapes = new Map<string, TemplateStringsArray>();
const LANE_SHAPES = 64;
/** Where a value is bound in the strings built below. */
const V = '\u0001';

function laneStrings(lane: CalendarLane): TemplateStringsArray {
  const key = `${lane.marks.map((m) => m.type)}|${lane.spans.map((s) => +s.open).join('')}|${+lane.undated}`;
  let strings = laneShapes.get(key);
  if (strings) return strings;
  let s = `<div class="row" part="row" data-id=${V}><span class="row-label" part="label" role="option" data-index=${V} tabindex=${V} aria-selected=${V} aria-posinset=${V} aria-setsize=${V} aria-label=${V}>${V}</span><svg width=${V} height="26" aria-hidden="true">`;
  if (lane.marks.length) s += `<line class="track-line" x1=${V} x2=${V} y1="13" y2="13"></line>`;
  for (const { open } of lane.spans)
    s += `<line class="span${open ? ' open' : ''}" part="span" data-open="${open}" x1=${V} x2=${V} y1="13" y2="13"></line>`;
  for (const { type: t } of lane.marks)
    s += `<path class="mark mark-${t}" part="mark mark-${t}" data-type="${t}" d="${MARK_D[t]}" data-at=${V} transform=${V}></path>`;
  s += '</svg>';
  // HTML, not SVG <text>, as the duration rows' notes (Chromium lays SVG text out far more slowly)
  if (lane.undated) s += `<span class="note note-lane" part="note">${UNDATED}</span>`;
  const out = (s + '</div>').split(V);
  // a tagged template's strings: Lit checks for `raw`
  strings = Object.assign(out, { raw: out }) as unknown as TemplateStringsArray;
  if (laneShapes.size < LANE_SHAPES) laneShapes.set(key, strings);
  return strings;
}

/**
 * The total marker on x: a bar 2.5 px wide from y 3 to 23, its halo (in the background colour,
 * setting it off the bar under it) the same path's stroke painted under its fill: one element.
 */
const totalPath = (x: number) => `M${x - 1.25} 3h2.5v20h-2.5Z`;

/** The "still waiting" chevrons after an open bar's end, on the row's middle (y 13). */
const waitingPath = (x: number) => `M${x + 2} 9l4 4l-4 4M${x + 7} 9l4 4l-4 4`;

/** What a row shows, built once per scale when the row first comes into view. */
interface RowView {
  /** The whole row (one template): only the tab stop, the selection and the set size vary. */
  render(tab: '0' | '-1', selected: 'true' | 'false', setSize: string): unknown;
}

/**
 * Time to Customer Value by Klever's Law: one row per journey, a bar of its three parts built
 * out from zero (value before the sale left of zero, after the sale and the time to smile to the
 * right), the total marked; the median journey written as the law above it; a UTC calendar of
 * the events on request. Only the rows in view are in the DOM, so thousands of journeys scroll.
 *
 * @tagname ocmf-ttcv-timeline
 * @summary Time to Customer Value per journey as diverging bars from the sale, with the median as Klever's Law.
 *
 * @attr src - URL of a metrics document to fetch.
 * @attr refresh - Re-fetch `src` every N seconds while connected.
 * @attr timeout - Seconds to wait for `src` (default 15).
 * @attr locale - BCP 47 locale for numbers and dates (default: the document's, else the nearest `lang`).
 * @attr theme - light | dark (default: the page's color-scheme, else prefers-color-scheme).
 * @attr view - duration (default: bars from zero) | calendar (events on a UTC time axis).
 * @attr segment - Show only the journeys of this segment (and summarise it); default: all.
 * @attr sort - total (default) | label | segment.
 * @attr direction - asc (default) | desc: the direction of `sort`.
 *
 * @event {CustomEvent<Evaluation>} ocmf-ready - The evaluation (detail) is rendered; once per new evaluation.
 * @event {CustomEvent<Issue[]>} ocmf-error - The data could not be loaded or is invalid; detail: the issues, each with its path.
 * @event {CustomEvent<string>} ocmf-select - A person picked a journey (click, Enter or Space); detail: the journey's id.
 *
 * @csspart base - The wrapper of every state.
 * @csspart summary - The figures above the chart.
 * @csspart law - The median written as Klever's Law.
 * @csspart facts - p90, the share at or below zero and the counts.
 * @csspart segments - Each segment's median.
 * @csspart controls - The view, segment, sort and table controls.
 * @csspart view-toggle - The Durations / Calendar buttons.
 * @csspart segment-filter - The segment select.
 * @csspart sort - The sort select.
 * @csspart table-toggle - The "Table view" button.
 * @csspart legend - What the fills and marks mean.
 * @csspart axis - The day (or date) axis above the rows.
 * @csspart rows - The scrolling list of journeys (a listbox).
 * @csspart row - One journey (an option; its label is the spoken summary).
 * @csspart label - A row's journey name.
 * @csspart row-total - A row's total in days.
 * @csspart zero - The zero line (the sale).
 * @csspart part - A part of a bar (also `part-beforeSale`, `part-afterSale`, `part-toSmile`).
 * @csspart total - The total marker.
 * @csspart waiting - The "still waiting" mark of an open journey.
 * @csspart note - A row's note (what is not measured, still waiting).
 * @csspart as-of - The asOf line of the calendar view.
 * @csspart mark - An event mark (also `mark-<type>`).
 * @csspart span - An interruption-to-smile span.
 * @csspart table - The journeys table.
 * @csspart aggregates - The aggregates table.
 * @csspart skeleton - The loading placeholder.
 * @csspart empty - The sentence saying what is missing.
 * @csspart error - The list of issues.
 * @csspart stale - The "Not updated since" badge.
 * @csspart retry - Its Retry button.
 * @csspart warnings - The document's warnings.
 * @csspart attribution - The document's attribution line.
 *
 * @cssproperty --ocmf-bg - Background.
 * @cssproperty --ocmf-fg - Text colour, zero line, total marker.
 * @cssproperty --ocmf-fg-muted - Secondary text colour.
 * @cssproperty --ocmf-surface - Raised surfaces (buttons, table header, row hover).
 * @cssproperty --ocmf-border - Lines, grid and borders.
 * @cssproperty --ocmf-accent - The pressed view button.
 * @cssproperty --ocmf-focus - The focus ring.
 * @cssproperty --ocmf-good - The smile mark.
 * @cssproperty --ocmf-act - Interruption marks and spans.
 * @cssproperty --ocmf-series-1 - Value before sale (hatched).
 * @cssproperty --ocmf-series-2 - After sale (solid).
 * @cssproperty --ocmf-series-3 - Time to smile (dotted).
 * @cssproperty --ocmf-font-family - Font.
 * @cssproperty --ocmf-font-size - Base font size.
 * @cssproperty --ocmf-radius - Corner radius.
 */
export class OcmfTtcvTimeline extends OcmfElement {
  // Lit reactive properties (a static map, not decorators: smaller in the bundle)
  static override properties: PropertyDeclarations = {
    view: { reflect: true },
    segment: {},
    sort: {},
    direction: {},
    _tableOpen: { state: true },
    _scrollTop: { state: true },
    _box: { state: true },
    _active: { state: true },
  };

  static override styles: CSSResultGroup = [OcmfElement.styles, dataTableStyles, timelineStyles];

  /** duration (default) | calendar. */
  view: 'duration' | 'calendar' = 'duration';
  /** Show and summarise one segment; null = all journeys. */
  segment: string | null = null;
  /** total | label | segment. */
  sort: JourneySortKey = 'total';
  /** asc | desc. */
  direction: SortDirection = 'asc';

  /** @internal */ private _tableOpen = false;
  /** @internal */ private _scrollTop = 0;
  /** @internal */ private _box = { width: 0, height: 0 };
  /** @internal */ private _active = 0;

  protected override readonly needs = 'journeys';
  protected override readonly _widgetName = 'timeline';

  private _win = { start: 0, end: 0 };
  /** The shown journeys in order: sorted once per evaluation and sort/filter, whatever the width. */
  private _order: { key: string; ttcv: TtcvSummary | null; value: TtcvJourney[] } = { key: '', ttcv: null, value: [] };
  /** The view's scale; its rows are laid out when first in view. */
  private _memo: { key: string; order: TtcvJourney[] | null; value: DurationScale | CalendarScale | null } = {
    key: '',
    order: null,
    value: null,
  };
  /** Each row's finished parts (spoken summary, drawing) for the current scale, built when first in view. */
  private _rowCache = new Map<number, RowView>();
  /** Row index -> the DOM row (slot) it was drawn in: a scroll refills rows instead of cloning new ones. */
  private _slots = new Map<number, number>();
  /** The summary and controls, kept while nothing they show changes (a scroll re-renders only rows). */
  private _headMemo: { key: unknown[]; value: unknown } = { key: [], value: null };
  private _tableMemo: { key: unknown[]; value: unknown } = { key: [], value: null };
  /** The scroller the rows' box was last measured on. */
  private _scroller: HTMLElement | null = null;
  private _summaryMemo: { key: string; ttcv: TtcvSummary | null; value: TtcvSummaryView | null } = {
    key: '',
    ttcv: null,
    value: null,
  };
  private _focusNext = false;

  protected override _emptyReason(ev: Evaluation): string | null {
    const base = super._emptyReason(ev);
    if (base) return base;
    if (ev.ttcv && ev.ttcv.journeys.length === 0)
      return 'This document\u2019s "journeys" list is empty: add journeys with durations or dated events.';
    return null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this._box.width && this.isConnected && this.clientWidth) {
      // first render: estimate the rows' box from the host (no shadow content yet, so the layout
      // read is cheap), so the first frame is already the right one; updated() corrects it
      const segments = Object.keys(this.evaluation?.ttcv?.bySegment ?? {}).length ? HEADER.segments : 0;
      const header = HEADER[this._calendar ? 'calendar' : 'duration'] + segments;
      this._box = {
        width: this.clientWidth - SCROLLBAR,
        height: this.clientHeight > header ? this.clientHeight - header : 600,
      };
    }
    if (changed.has('segment') || changed.has('sort') || changed.has('direction') || changed.has('view')) {
      this._active = 0;
    }
  }

  protected override _renderSkeleton(): unknown {
    return html`<div class="skeleton-wrap" part="skeleton" aria-hidden="true">
      <div class="skeleton line"></div>
      <div class="skeleton line"></div>
      <div class="skeleton rows-skeleton"></div>
    </div>`;
  }

  private get _sortKey(): JourneySortKey {
    return SORTS.includes(this.sort) ? this.sort : 'total';
  }
  private get _dir(): SortDirection {
    return this.direction === 'desc' ? 'desc' : 'asc';
  }
  private get _calendar(): boolean {
    return this.view === 'calendar';
  }
  /** Widths of the row's columns: label, plot (the layout's width), total. */
  private _columns() {
    const width = this._box.width || Math.max(120, (this.size.width || 640) - 16);
    const label = Math.round(Math.min(200, Math.max(72, width * 0.2)));
    const total = this._calendar ? 0 : TOTAL_COL;
    return { label, total, plot: Math.max(40, width - label - total) };
  }

  /** The shown journeys (filter + sort), cached per evaluation, sort and filter. */
  private _shown(t: TtcvSummary): TtcvJourney[] {
    const key = [this.segment, this._sortKey, this._dir, this._resolvedLocale].join('|');
    if (this._order.ttcv !== t || this._order.key !== key) {
      const options = {
        sortBy: this._sortKey,
        direction: this._dir,
        segment: this.segment,
        locale: this._resolvedLocale,
      };
      this._order = { key, ttcv: t, value: orderJourneys(t.journeys, options) };
    }
    return this._order.value;
  }

  /** The scale of the current view, cached: a scroll frame only renders the rows new in view. */
  private _layout(t: TtcvSummary, plot: number): DurationScale | CalendarScale {
    const shown = this._shown(t);
    const key = [this.view, plot, this._resolvedLocale, t.asOf].join('|');
    if (this._memo.order === shown && this._memo.key === key && this._memo.value) return this._memo.value;
    const options = { width: plot, rowHeight: ROW_HEIGHT, inset: INSET };
    const value = this._calendar ? calendarScale(shown, t.asOf, options) : durationScale(shown, options);
    this._memo = { key, order: shown, value };
    this._rowCache.clear();
    return value;
  }

  private _summary(t: TtcvSummary): TtcvSummaryView {
    const key = `${this.segment}|${this._resolvedLocale}`;
    if (this._summaryMemo.ttcv !== t || this._summaryMemo.key !== key)
      this._summaryMemo = {
        key,
        ttcv: t,
        value: summaryView(t, { segment: this.segment, locale: this._resolvedLocale }),
      };
    return this._summaryMemo.value!;
  }

  protected override _renderReady(ev: Evaluation): unknown {
    const t = ev.ttcv!;
    const s = this._summary(t);
    const cols = this._columns();
    return html`<div class="tl">
      ${this._renderHead(s)}
      ${this._tableOpen ? this._tables(t, s) : this._renderChart(this._layout(t, cols.plot), cols)}
    </div>`;
  }

  /** Summary and controls: the same template result while their inputs are the same. */
  private _renderHead(s: TtcvSummaryView) {
    const key = [s, this._resolvedLocale, this.segment, this._sortKey, this._dir, this.view, this._tableOpen];
    const m = this._headMemo;
    if (m.value === null || key.some((k, i) => k !== m.key[i]))
      this._headMemo = { key, value: html`${this._renderSummary(s)} ${this._renderControls(s)}` };
    return this._headMemo.value;
  }

  // ---- summary -------------------------------------------------------------------------------

  private _renderSummary(s: TtcvSummaryView) {
    const loc = this._resolvedLocale;
    const fmt = (n: number) => dayNumber(n, loc);
    const c = s.counts;
    const count = (n: number) => formatValue(n, 'count', loc);
    const scope = s.segment === null ? '' : `${s.segment}: `;
    const law = s.law
      ? lawPieces(s.law, fmt).map((p) =>
          p.kind === 'total'
            ? html`<strong>${p.text} ${p.label}</strong>`
            : html` ${p.operator}
                <span class="piece" data-part=${p.kind}
                  ><svg class="swatch" viewBox="0 0 16 9" aria-hidden="true">
                    <line class=${`part part-${p.kind}`} x1="0" x2="16" y1="4.5" y2="4.5"></line>
                    <line
                      class="dots"
                      display=${p.kind === 'toSmile' ? nothing : 'none'}
                      x1="0"
                      x2="16"
                      y1="4.5"
                      y2="4.5"
                    ></line></svg
                  ><span class="num">${p.text}</span> ${p.label}</span
                >`,
        )
      : null;
    return html`<div role="group" class="summary" part="summary" aria-label="Summary">
      <p class="law" part="law">
        ${scope}${law ? html`Median ${law}` : html`Median ${MISSING} ${NOT_MEASURED}: no complete journey yet`}
      </p>
      <ul class="facts" part="facts">
        <li data-fact="p90">p90 <strong>${formatDays(s.total.p90, loc)}</strong></li>
        <li data-fact="share">
          <strong>${formatShare(s.atOrBelowZero, loc)}</strong> at or below zero (value by the sale)
        </li>
        <li data-fact="counts">
          <strong>${count(c.journeys)}</strong> ${c.journeys === 1 ? 'journey' : 'journeys'},
          <strong>${count(c.complete)}</strong> complete, <strong>${count(c.open)}</strong> open
        </li>
      </ul>
      ${
        s.segments.length
          ? html`<ul class="segments" part="segments" aria-label="Median by segment">
              ${s.segments.map(
                (g) =>
                  html`<li data-segment=${g.segment}>
                    ${g.segment}: median <strong>${formatDays(g.median, loc)}</strong> (${count(g.n)})
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    </div>`;
  }

  // ---- controls ------------------------------------------------------------------------------

  private _renderControls(s: TtcvSummaryView) {
    const names = s.segments.map((g) => g.segment);
    if (this.segment !== null && !names.includes(this.segment)) names.push(this.segment);
    const sortValue = `${this._sortKey}-${this._dir}`;
    const table = this._tableOpen;
    return html`<div class="controls" part="controls">
      <span class="views" role="group" aria-label="View" part="view-toggle">
        <button
          type="button"
          aria-pressed=${!this._calendar && !table ? 'true' : 'false'}
          @click=${() => this._setView('duration')}
        >
          Durations
        </button>
        <button
          type="button"
          aria-pressed=${this._calendar && !table ? 'true' : 'false'}
          @click=${() => this._setView('calendar')}
        >
          Calendar
        </button>
      </span>
      ${
        names.length
          ? html`<label
              >Segment
              <select
                part="segment-filter"
                @change=${(e: Event) => this._setSegment((e.target as HTMLSelectElement).value)}
              >
                <option value="" ?selected=${this.segment === null}>All segments</option>
                ${names.map((n) => html`<option value=${n} ?selected=${this.segment === n}>${n}</option>`)}
              </select></label
            >`
          : nothing
      }
      <label
        >Sort by
        <select part="sort" @change=${(e: Event) => this._setSort((e.target as HTMLSelectElement).value)}>
          ${[
            ['total-asc', 'Total, shortest first'],
            ['total-desc', 'Total, longest first'],
            ['label-asc', 'Name'],
            ['segment-asc', 'Segment'],
          ].map(([v, text]) => html`<option value=${v!} ?selected=${sortValue === v}>${text}</option>`)}
        </select></label
      >
      <button
        type="button"
        part="table-toggle"
        aria-pressed=${table ? 'true' : 'false'}
        @click=${() => (this._tableOpen = !table)}
      >
        Table view
      </button>
    </div>`;
  }

  private _setView(view: 'duration' | 'calendar') {
    this._tableOpen = false;
    this.view = view;
  }
  private _setSegment(value: string) {
    this.segment = value === '' ? null : value;
    this._resetScroll();
  }
  private _setSort(value: string) {
    const [key, dir] = value.split('-') as [JourneySortKey, SortDirection];
    this.sort = key;
    this.direction = dir;
    this._resetScroll();
  }
  private _resetScroll() {
    this._scrollTop = 0;
    const rows = this.renderRoot.querySelector<HTMLElement>('.rows');
    if (rows) rows.scrollTop = 0;
  }

  // ---- chart ---------------------------------------------------------------------------------

  private _renderChart(layout: DurationScale | CalendarScale, cols: Columns) {
    const calendar = 'lane' in layout;
    const count = layout.journeys.length;
    // the rows' preferred height (below): what a host of auto height shows; a host of set height
    // shrinks them (flex, min-height 0) so the footer below stays inside the host
    const minHeight = Math.min(count * ROW_HEIGHT, 420);
    const viewport = Math.max(minHeight, this._box.height || Math.max(200, (this.size.height || 600) - 150));
    const win = virtualWindow({
      scrollTop: this._scrollTop,
      viewportHeight: viewport,
      rowHeight: ROW_HEIGHT,
      rowCount: count,
      // no rows beyond the viewport until the rows are measured: the first frame draws only what
      // shows (the first scroll adds the overscan)
      overscan: this._scroller ? OVERSCAN : 0,
    });
    this._win = { start: win.start, end: win.end };
    const active = Math.min(this._active, Math.max(0, count - 1));
    // the tab stop: the active row when it is rendered, else the first row in view
    const tabStop =
      active >= win.start && active < win.end ? active : Math.min(count - 1, Math.ceil(this._scrollTop / ROW_HEIGHT));
    const label = `Journeys${this.segment !== null ? ` in ${this.segment}` : ''}, by ${this._sortKey}${this._dir === 'desc' ? ', descending' : ''}: ${count}`;
    const indices: number[] = [];
    for (let i = win.start; i < win.end; i++) indices.push(i);
    const setSize = String(count);
    // Duration rows are keyed by slot (windowSlots): rows still in view keep their DOM, rows coming
    // into view refill the DOM rows that left (nearly all share one template; a clone and its
    // parts per row cost more: scroll CPU −1.8 ms of ~13, paired), the focused row keeps its own.
    // Calendar lanes stay keyed by index: a lane's template follows its events, so a refilled lane
    // would mostly be drawn from another template and cloned anyway (measured: no gain).
    let slots = indices;
    if (!calendar) {
      // (a jump may move the focused row's DOM among the refilled ones: OcmfElement.updated gives focus back)
      const focused = this.shadowRoot?.activeElement?.getAttribute('data-index');
      const s = windowSlots(this._slots, indices, focused == null ? null : Number(focused));
      this._slots = s.next;
      slots = s.slots;
    }
    const rows = repeat(
      indices,
      (_i, k) => slots[k],
      (i) => {
        const v = this._rowView(layout, cols, i);
        return v.render(i === tabStop ? '0' : '-1', i === this._active ? 'true' : 'false', setSize);
      },
    );
    return html`<div class="chart">
      ${this._head(layout, cols)}
      ${count === 0 ? html`<p class="message">No journey in the segment “${this.segment}”.</p>` : nothing}
      <div
        class="rows"
        part="rows"
        role="listbox"
        aria-label=${label}
        data-count=${count}
        ${styleProps({
          height: `${minHeight}px`,
          '--_label-w': `${cols.label}px`,
          '--_total-w': `${cols.total}px`,
          '--_zero-x': calendar ? '0px' : `${(layout as DurationScale).zeroX}px`,
        })}
        @scroll=${this._onScroll}
        @keydown=${this._onKey}
        @click=${this._onClick}
      >
        <div class="spacer" ${styleProps({ height: `${win.totalHeight}px` })}>
          <div class="window" ${styleProps({ transform: `translateY(${win.offsetY}px)` })}>
            ${
              calendar
                ? html`<svg class="as-of-rule" aria-hidden="true">
                      <line
                        class="as-of"
                        part="as-of"
                        x1=${(layout as CalendarScale).asOfX}
                        x2=${(layout as CalendarScale).asOfX}
                        y1="0"
                        y2="100%"
                      ></line></svg
                    >${rows}`
                : html`${rows}
                    <div class="zero-rule" part="zero"></div>`
            }
          </div>
        </div>
      </div>
    </div>`;
  }

  /** Row i's texts and drawing, built once per scale (cleared with it). */
  private _rowView(layout: DurationScale | CalendarScale, cols: Columns, i: number): RowView {
    let v = this._rowCache.get(i);
    if (!v) {
      v = 'lane' in layout ? this._laneView(layout, cols, i) : this._durationView(layout, cols, i);
      this._rowCache.set(i, v);
    }
    return v;
  }

  // Each legend is one template (the rows' parts written out; the event marks one item template
  // over MARK_D's shapes): a template per glyph cost a preparation and a clone each.
  private _headFor: unknown[] = [];
  private _headParts: unknown = nothing;

  /** The legend and the axis, made again only when what they show changes (a scroll does not). */
  private _head(layout: DurationScale | CalendarScale, cols: Columns): unknown {
    const deps = [layout, cols.label, cols.plot, this._resolvedLocale];
    if (deps.some((d, i) => d !== this._headFor[i])) {
      this._headFor = deps;
      const calendar = 'lane' in layout;
      this._headParts = [
        this._renderLegend(calendar),
        calendar ? this._renderCalendarAxis(layout, cols) : this._renderDurationAxis(layout, cols),
      ];
    }
    return this._headParts;
  }

  private _renderLegend(calendar: boolean) {
    if (calendar)
      return html`<ul class="legend" part="legend" aria-label="Legend">
        ${EVENT_TYPES.map(
          (t) =>
            html`<li>
              <svg viewBox="-8 -7 16 14" aria-hidden="true"><path class="mark mark-${t}" d=${MARK_D[t]}></path></svg
              >${EVENT_NAMES[t]}
            </li>`,
        )}
        <li>
          <svg viewBox="-8 -7 16 14" aria-hidden="true"><line class="span" x1="-8" x2="8"></line></svg>interruption to
          smile
        </li>
        <li>
          <svg viewBox="-8 -7 16 14" aria-hidden="true"><line class="as-of" y1="-7" y2="7"></line></svg>as of
        </li>
      </ul>`;
    return html`<ul class="legend" part="legend" aria-label="Legend">
      <li>
        <svg viewBox="-8 -7 16 14" aria-hidden="true">
          <line class="part part-beforeSale" x1="-8" x2="8" y1="0" y2="0"></line></svg
        >before sale
      </li>
      <li>
        <svg viewBox="-8 -7 16 14" aria-hidden="true">
          <line class="part part-afterSale" x1="-8" x2="8" y1="0" y2="0"></line></svg
        >after sale
      </li>
      <li>
        <svg viewBox="-8 -7 16 14" aria-hidden="true">
          <line class="part part-toSmile" x1="-8" x2="8" y1="0" y2="0"></line>
          <line class="dots" x1="-8" x2="8" y1="0" y2="0"></line></svg
        >to smile
      </li>
      <li>
        <svg viewBox="-8 -7 16 14" aria-hidden="true"><line class="total" y1="-6" y2="6"></line></svg>total
      </li>
      <li>
        <svg viewBox="-8 -7 16 14" aria-hidden="true">
          <path class="waiting" d="M-6 -4l4 4l-4 4M0 -4l4 4l-4 4"></path></svg
        >still waiting
      </li>
      <li>
        <svg viewBox="-8 -7 16 14" aria-hidden="true"><line class="zero" y1="-7" y2="7"></line></svg>sale (0)
      </li>
    </ul>`;
  }

  // Tick labels are HTML, not SVG <text>: Chromium lays out SVG text far more slowly.
  private _renderDurationAxis(l: DurationScale, cols: Columns) {
    const loc = this._resolvedLocale;
    return html`<div class="axis" part="axis" aria-hidden="true">
      <span class="axis-title" ${styleProps({ width: `${cols.label}px` })}>Days from sale</span>
      <div class="axis-plot" ${styleProps({ width: `${cols.plot}px`, height: '22px' })}>
        <svg width=${cols.plot} height="22">
          ${l.ticks.map(
            (t) => svg`<line class=${t.value === 0 ? 'zero' : 'tick-line'} x1=${t.x} x2=${t.x} y1="16" y2="22"></line>`,
          )}
        </svg>
        ${l.ticks.map((t) =>
          t.label
            ? html`<span class="tick-label" ${styleProps({ left: `${t.labelX}px` })}>${dayNumber(t.value, loc)}</span>`
            : nothing,
        )}
      </div>
    </div>`;
  }

  private _renderCalendarAxis(l: CalendarScale, cols: Columns) {
    const loc = this._resolvedLocale;
    return html`<div class="axis calendar" part="axis" aria-hidden="true">
      <span class="axis-title" ${styleProps({ width: `${cols.label}px` })}>UTC</span>
      <div class="axis-plot" ${styleProps({ width: `${cols.plot}px`, height: '34px' })}>
        <svg width=${cols.plot} height="34">
          ${l.ticks.map((t) => svg`<line class="tick-line" x1=${t.x} x2=${t.x} y1="28" y2="34"></line>`)}
          <line class="as-of" part="as-of" x1=${l.asOfX} x2=${l.asOfX} y1="14" y2="34"></line>
        </svg>
        ${l.ticks.map((t) =>
          t.label
            ? html`<span class="tick-label" ${styleProps({ left: `${t.labelX}px` })}
                >${utcDate(t.value, l.tickUnit, loc)}</span
              >`
            : nothing,
        )}
        <span class="as-of-label" ${styleProps({ left: `${l.asOfX}px` })}>as of ${utcDate(l.asOf, 'full', loc)}</span>
      </div>
    </div>`;
  }

  /** A duration row: the bar's parts from zero, the total, the open and partial marks, the total in days. */
  private _durationView(l: DurationScale, cols: Columns, index: number): RowView {
    const loc = this._resolvedLocale;
    const r = l.row(index);
    const j = r.journey;
    const note = [
      r.open ? 'still waiting' : '',
      r.missing.length ? `Not measured: ${r.missing.map((k) => PART_NAMES[k]).join(', ')}` : '',
    ]
      .filter(Boolean)
      .join('; ');
    const at = note ? notePlacement(r, cols.plot) : null;
    const seg: Partial<Record<TtcvPart, BarSegment>> = {};
    for (const p of r.segments) seg[p.kind] = p;
    const [b, a, m] = [seg.beforeSale, seg.afterSale, seg.toSmile];
    const tx = r.totalX;
    const spoken = journeyText(j, (n) => dayNumber(n, loc));
    const total = dayNumber(r.total, loc);
    const wait =
      r.waitX !== null ? svg`<path class="waiting" part="waiting" d=${waitingPath(r.waitX)}></path>` : nothing;
    // HTML, not SVG <text> (Chromium lays SVG text out far more slowly), over the row's plot at x
    const noteMark = at
      ? html`<span
          class=${at.anchor === 'end' ? 'note note-end' : 'note'}
          part="note"
          ${styleProps({ '--_note-x': `${at.x}px` })}
          >${note}</span
        >`
      : nothing;
    // One template for the whole row, its geometry across the row written in (ROW_HEIGHT 26, the
    // bar a 14 px stroke on y 13): a row coming into view is one clone and sets only what varies.
    // No whitespace between the tags (prettier-ignore: it would add some), as each run of it is a
    // text node to clone and walk in every row. A complete row (all three parts, a total, no
    // note: nearly every row) has a template of its own with no optional slot; any other row
    // takes the general one, whose three parts have fixed slots (a part without a value is an
    // empty line with no name) and whose total and halo are hidden when there is none.
    const dots = m && m.width >= 5 ? nothing : 'none';
    if (b && a && m && tx !== null && r.waitX === null && !at)
      return {
        // prettier-ignore
        render: (tab, selected, setSize) => html`<div class="row" part="row" data-id=${r.id}
          ><span class="row-label" part="label" role="option" data-index=${index} tabindex=${tab}
            aria-selected=${selected} aria-posinset=${index + 1} aria-setsize=${setSize} aria-label=${spoken}
            >${j.label}</span
          ><svg width=${cols.plot} height="26" aria-hidden="true"
            ><line class="part part-beforeSale" part="part part-beforeSale" data-part="beforeSale" data-days=${b.days}
              x1=${b.x} x2=${b.x + b.width} y1="13" y2="13"></line
            ><line class="part part-afterSale" part="part part-afterSale" data-part="afterSale" data-days=${a.days}
              x1=${a.x} x2=${a.x + a.width} y1="13" y2="13"></line
            ><line class="part part-toSmile" part="part part-toSmile" data-part="toSmile" data-days=${m.days}
              x1=${m.x} x2=${m.x + m.width} y1="13" y2="13"></line
            ><line class="dots" display=${dots} x1=${m.x} x2=${m.x + m.width} y1="13" y2="13"></line
            ><path class="total-mark" part="total" d=${totalPath(tx)}></path
          ></svg
          ><span class="row-total" part="row-total" aria-hidden="true">${total}</span
        ></div>`,
      };
    return {
      // prettier-ignore
      render: (tab, selected, setSize) => html`<div class="row" part="row" data-id=${r.id}
        ><span class="row-label" part="label" role="option" data-index=${index} tabindex=${tab}
          aria-selected=${selected} aria-posinset=${index + 1} aria-setsize=${setSize} aria-label=${spoken}
          >${j.label}</span
        ><svg width=${cols.plot} height="26" aria-hidden="true"
          ><line class="part part-beforeSale" part=${b ? 'part part-beforeSale' : nothing}
            data-part=${b ? 'beforeSale' : nothing} data-days=${b ? b.days : nothing}
            x1=${b ? b.x : 0} x2=${b ? b.x + b.width : 0} y1="13" y2="13"></line
          ><line class="part part-afterSale" part=${a ? 'part part-afterSale' : nothing}
            data-part=${a ? 'afterSale' : nothing} data-days=${a ? a.days : nothing}
            x1=${a ? a.x : 0} x2=${a ? a.x + a.width : 0} y1="13" y2="13"></line
          ><line class="part part-toSmile" part=${m ? 'part part-toSmile' : nothing}
            data-part=${m ? 'toSmile' : nothing} data-days=${m ? m.days : nothing}
            x1=${m ? m.x : 0} x2=${m ? m.x + m.width : 0} y1="13" y2="13"></line
          ><line class="dots" display=${dots} x1=${m ? m.x : 0} x2=${m ? m.x + m.width : 0} y1="13" y2="13"></line
          ><path class="total-mark" part=${tx === null ? nothing : 'total'} display=${tx === null ? 'none' : nothing}
            d=${totalPath(tx ?? 0)}></path
          >${wait}</svg
        ><span class="row-total" part="row-total" aria-hidden="true">${total}</span
        >${noteMark}</div>`,
    };
  }

  /** A calendar lane: the events at their UTC dates and the interruption spans (one template, see laneStrings). */
  private _laneView(l: CalendarScale, cols: Columns, index: number): RowView {
    const loc = this._resolvedLocale;
    const lane = l.lane(index);
    const j = lane.journey;
    const events = lane.marks.map((m) => `${EVENT_NAMES[m.type]} ${utcDate(m.at, 'full', loc)}`).join(', ');
    const spoken = `${journeyText(j, (n) => dayNumber(n, loc))}${events ? `. ${events}` : `. ${UNDATED}`}`;
    const strings = laneStrings(lane);
    const tail: unknown[] = [];
    if (lane.marks.length) tail.push(lane.marks[0]!.x, lane.marks[lane.marks.length - 1]!.x);
    for (const s of lane.spans) tail.push(s.x0, s.x1);
    for (const m of lane.marks) tail.push(m.at, `translate(${m.x} 13)`);
    return {
      render: (tab, selected, setSize) =>
        html(strings, lane.id, index, tab, selected, index + 1, setSize, spoken, j.label, cols.plot, ...tail),
    };
  }

  // ---- interaction ---------------------------------------------------------------------------

  private _pick(index: number, id: string) {
    this._active = index;
    this.select(id);
  }

  /** One listener for every row's click (rows come and go as they scroll). */
  private _onClick = (e: MouseEvent) => {
    const row = (e.target as Element).closest?.('[part~="row"]') as HTMLElement | null;
    if (!row) return;
    const option = row.querySelector<HTMLElement>('[role="option"]')!;
    this._pick(Number(option.dataset['index']), row.dataset['id']!);
  };

  private _onScroll = (e: Event) => {
    const el = e.currentTarget as HTMLElement;
    const top = el.scrollTop;
    const count = this._memo.value?.journeys.length ?? 0;
    const w = virtualWindow({
      scrollTop: top,
      viewportHeight: this._box.height || el.clientHeight,
      rowHeight: ROW_HEIGHT,
      rowCount: count,
      overscan: OVERSCAN,
    });
    // re-render only when the window of rows changes, not on every pixel
    if (w.start !== this._win.start || w.end !== this._win.end) this._scrollTop = top;
  };

  private _onKey = (e: KeyboardEvent) => {
    const target = e.target as HTMLElement;
    if (target.getAttribute('role') !== 'option') return;
    const index = Number(target.dataset['index']);
    const list = this._memo.value?.journeys ?? [];
    const page = Math.max(1, Math.floor((this._box.height || 300) / ROW_HEIGHT) - 1);
    let next = index;
    switch (e.key) {
      case 'ArrowDown':
        next = index + 1;
        break;
      case 'ArrowUp':
        next = index - 1;
        break;
      case 'PageDown':
        next = index + page;
        break;
      case 'PageUp':
        next = index - page;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = list.length - 1;
        break;
      case 'Enter':
      case ' ':
        e.preventDefault();
        this._pick(index, list[index]!.id);
        return;
      default:
        return;
    }
    e.preventDefault();
    next = Math.max(0, Math.min(list.length - 1, next));
    this._active = next;
    // bring the row into view (and into the DOM), then focus it after the update
    const scroller = this.renderRoot.querySelector<HTMLElement>('.rows')!;
    const top = next * ROW_HEIGHT;
    const h = scroller.clientHeight;
    if (top < scroller.scrollTop) scroller.scrollTop = top;
    else if (top + ROW_HEIGHT > scroller.scrollTop + h) scroller.scrollTop = top + ROW_HEIGHT - h;
    this._scrollTop = scroller.scrollTop;
    this._focusNext = true;
  };

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const scroller = this.renderRoot.querySelector<HTMLElement>('.rows');
    // measuring forces a layout: not after a scroll or a focus move, which change neither box (an
    // update with no changed property is the host's ResizeController: measure)
    const keys = [...changed.keys()];
    const onlyScrolled = keys.length > 0 && keys.every((k) => k === '_scrollTop' || k === '_active');
    if (scroller && (scroller !== this._scroller || !onlyScrolled)) {
      this._scroller = scroller;
      // the real box of the rows (scrollbar gutter and header excluded) drives the layout width
      const box = { width: scroller.clientWidth, height: scroller.clientHeight };
      const count = Number(scroller.dataset['count']);
      const win = virtualWindow({
        scrollTop: this._scrollTop,
        viewportHeight: box.height,
        rowHeight: ROW_HEIGHT,
        rowCount: count,
        overscan: 0,
      });
      // re-render for a new width, or when the rendered rows do not cover the real viewport
      if (box.width !== this._box.width || win.start < this._win.start || win.end > this._win.end) this._box = box;
    }
    if (this._focusNext) {
      this._focusNext = false;
      this.renderRoot
        .querySelector<HTMLElement>(`[role="option"][data-index="${this._active}"]`)
        ?.focus({ preventScroll: true });
    }
  }

  // ---- table view ----------------------------------------------------------------------------

  /** The tables (every journey formatted) are built once per order and summary, not per render. */
  private _tables(t: TtcvSummary, s: TtcvSummaryView) {
    const key = [this._shown(t), s, this._resolvedLocale];
    const m = this._tableMemo;
    if (m.value === null || key.some((k, i) => k !== m.key[i]))
      this._tableMemo = { key, value: this._renderTables(t, s) };
    return this._tableMemo.value;
  }

  private _renderTables(t: TtcvSummary, s: TtcvSummaryView) {
    const loc = this._resolvedLocale;
    const d = (v: number | null) => dayNumber(v, loc);
    const shown = this._shown(t);
    const groups: [string, TtcvAggregate][] = [
      ['All journeys', t.overall],
      ...s.segments.map((g) => [g.segment, t.bySegment[g.segment]!] as [string, TtcvAggregate]),
    ];
    return html`<div class="table-wrap" tabindex="0" role="group" aria-label="Tables">
      <table part="aggregates">
        <caption>
          Time to Customer Value by group (days; totals over complete journeys)
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Journeys</th>
            <th scope="col">Complete</th>
            <th scope="col">Open</th>
            <th scope="col">Median total</th>
            <th scope="col">p90 total</th>
            <th scope="col">At or below zero</th>
            ${TTCV_PARTS.map((k) => html`<th scope="col">Median ${PART_NAMES[k]}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${groups.map(
            ([name, g]) =>
              html`<tr>
                <th scope="row">${name}</th>
                <td>${formatValue(g.n, 'count', loc)}</td>
                <td>${formatValue(g.complete, 'count', loc)}</td>
                <td>${formatValue(g.open, 'count', loc)}</td>
                <td>${d(g.total.median)}</td>
                <td>${d(g.total.p90)}</td>
                <td>${formatShare(g.atOrBelowZero, loc)}</td>
                ${TTCV_PARTS.map((k) => html`<td>${d(g[k].median)}</td>`)}
              </tr>`,
          )}
        </tbody>
      </table>
      <table part="table">
        <caption>
          Journeys (days)
        </caption>
        <thead>
          <tr>
            <th scope="col">Journey</th>
            <th scope="col">Segment</th>
            ${TTCV_PARTS.map((k) => html`<th scope="col">${PART_NAMES[k]}</th>`)}
            <th scope="col">Total</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          ${shown.map(
            (j) =>
              html`<tr data-id=${j.id}>
                <th scope="row">${j.label}</th>
                <td class="text">${j.segment ?? MISSING}</td>
                ${TTCV_PARTS.map((k) => html`<td>${d(j[k])}</td>`)}
                <td>${d(j.total)}</td>
                <td class="text">
                  ${
                    [
                      j.open ? 'still waiting' : '',
                      j.partial
                        ? `Not measured: ${TTCV_PARTS.filter((k) => j[k] === null)
                            .map((k) => PART_NAMES[k])
                            .join(', ')}`
                        : '',
                    ]
                      .filter(Boolean)
                      .join('; ') || 'complete'
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`;
  }
}
