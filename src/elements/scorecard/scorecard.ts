import {
  html,
  nothing,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { EvaluatedNode, Evaluation } from '../../engine/types.js';
import {
  compositeIds,
  fixedColumnEms,
  improveText,
  measureText,
  nextStepPicks,
  scorecardCsv,
  scorecardRows,
  type NextStepPicks,
  type ScorecardColumn,
  type ScorecardRow,
  type ScorecardSort,
  type SortDirection,
} from '../../layout/scorecard.js';
import { virtualWindow, windowSlots } from '../../layout/virtual.js';
import { OcmfElement } from '../../shared/base-element.js';
import { formatPoints, MISSING, NOT_MEASURED } from '../../shared/format.js';
import { STATUS_GLYPH } from '../../shared/status.js';
import { styleProps } from '../../shared/style-props.js';
import { csvText, rowCells, type RowCells } from './cells.js';
import { scorecardStyles } from './scorecard.styles.js';

/** A column of the table (and a line of a card). */
type Col = 'label' | 'value' | 'target' | 'score' | 'status' | 'delta' | 'trend' | 'share' | 'coverage';

const HEAD: Record<Col, string> = {
  label: 'Metric',
  value: 'Value',
  target: 'Target',
  score: 'Score',
  status: 'Status',
  delta: 'Change',
  trend: 'Trend',
  share: 'Weight',
  coverage: 'Coverage',
};
/** grade: the statuses lead; guide: what changed and what to do lead (_renderRow writes both orders out). */
const ORDER: Record<'grade' | 'guide', Col[]> = {
  grade: ['label', 'value', 'target', 'score', 'status', 'delta', 'trend', 'share', 'coverage'],
  guide: ['label', 'delta', 'trend', 'score', 'value', 'target', 'status', 'share', 'coverage'],
};
/** Text sorts A→Z and status worst-first on the first press; numbers highest first. */
const firstDirection = (c: ScorecardColumn): SortDirection => (c === 'label' || c === 'status' ? 'asc' : 'desc');
/** Tables longer than this draw only the rows near the visible part (plus spacers). */
export const WINDOW_MIN = 80;
/** Rows drawn past each edge of the view (the row height and view are measured, so few are needed). */
const OVERSCAN = 2;

/** The rows [start, end) to draw for a scroll position; null when every row is drawn. */
export function windowOf(
  count: number,
  scrollTop: number,
  viewport: number,
  rowHeight: number,
): { start: number; end: number } | null {
  if (count <= WINDOW_MIN) return null;
  const { start, end } = virtualWindow({
    scrollTop,
    viewportHeight: viewport,
    rowHeight,
    rowCount: count,
    overscan: OVERSCAN,
  });
  return { start, end };
}
/** Below this width the table becomes a list of cards. */
export const CARD_BREAKPOINT = 480;
/** Below this width the table tightens (cells wrap, bar and sparkline shrink, descriptions clamp) to fit without sideways scrolling. */
const MEDIUM_BREAKPOINT = 900;
/** Long (windowed) tables keep one line per cell when wide, so they need more room before they stop tightening. */
const MEDIUM_BREAKPOINT_WINDOWED = 1000;
/**
 * Below this width the table leaves out Weight and Coverage (and, when windowed, Trend; all still
 * in the CSV and the cards) so it fits without sideways scrolling.
 */
export const COMPACT_BREAKPOINT = 640;

export interface OcmfSortDetail {
  column: ScorecardColumn | null;
  direction: SortDirection | null;
}
export interface OcmfToggleDetail {
  id: string;
  expanded: boolean;
}

/**
 * A balanced scorecard of a node's children (the root's by default): per metric the value, target,
 * score bar with the target marked, status in word, shape and colour, change against the previous
 * period, a sparkline of the score with a text alternative, weight share and coverage. Rows expand
 * to any depth, columns sort, a next-steps panel says what to improve and what to start measuring,
 * and the rows as shown download as CSV. Below 640 px wide the table leaves out the Weight and
 * Coverage columns, and in long (windowed) tables the Trend (they stay in the CSV and the cards);
 * below 480 px it becomes a list of cards.
 *
 * @tagname ocmf-scorecard
 * @summary A balanced scorecard of OCMF metrics: sortable, expandable, with next steps and CSV export.
 *
 * @attr src - URL of a metrics document to fetch.
 * @attr refresh - Re-fetch `src` every N seconds while connected.
 * @attr timeout - Seconds to wait for `src` (default 15).
 * @attr node - The id of the node whose children are the rows (default: the root).
 * @attr lens - executive | manager | frontline: shows only the metrics tagged for it (scores are still computed on the whole tree).
 * @attr locale - BCP 47 locale for numbers (default: the document's, else the nearest `lang`).
 * @attr theme - light | dark (default: the page's color-scheme, else prefers-color-scheme).
 * @attr display - grade (default): statuses in full colour; guide: changes and next steps first, traffic lights muted.
 * @attr expand-depth - How many levels of drivers are open at first (0 = only the top rows; a person's toggles win).
 *
 * @event {CustomEvent<Evaluation>} ocmf-ready - The evaluation (detail) is rendered; once per new evaluation.
 * @event {CustomEvent<Issue[]>} ocmf-error - The data could not be loaded or is invalid; detail: the issues, each with its path.
 * @event {CustomEvent<string>} ocmf-select - A person picked a metric's name (click, Enter or Space); detail: the node's id.
 * @event {CustomEvent<{ column: string; direction: 'asc' | 'desc' }>} ocmf-sort - A person sorted the rows; detail: `{ column, direction }`.
 * @event {CustomEvent<{ id: string; expanded: boolean }>} ocmf-toggle - A person opened or closed a row's drivers; detail: `{ id, expanded }`.
 *
 * @csspart base - The wrapper of every state.
 * @csspart header - Title, period and the tools.
 * @csspart title - The document's title (else the node's label).
 * @csspart period - The period the values are for.
 * @csspart export - The "Download CSV" button.
 * @csspart expand-all - The "Expand all" / "Collapse all" button.
 * @csspart table - The table (wide layout).
 * @csspart cards - The list of cards (narrow layout).
 * @csspart row - A row (or card); also `row-N` for its depth (1 = top).
 * @csspart sort - A column header's sort button.
 * @csspart toggle - A row's expand button.
 * @csspart name - A metric's name (a button firing ocmf-select).
 * @csspart bar - The score bar (the target is a mark drawn on it).
 * @csspart status - A status (shape, word and colour).
 * @csspart delta - A change against the previous period.
 * @csspart sparkline - A score trend.
 * @csspart next-steps - The next-steps panel.
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
 * @cssproperty --ocmf-surface - Header row, cards and buttons.
 * @cssproperty --ocmf-border - Lines and borders.
 * @cssproperty --ocmf-track - The unfilled part of score bars.
 * @cssproperty --ocmf-accent - Sparklines and the guide display's bars.
 * @cssproperty --ocmf-focus - The focus ring.
 * @cssproperty --ocmf-good - Status colour "good" (with ✓ and the word).
 * @cssproperty --ocmf-watch - Status colour "watch" (with a triangle and the word).
 * @cssproperty --ocmf-act - Status colour "act" (with ✕ and the word).
 * @cssproperty --ocmf-missing - "Not measured" (with a dashed ring).
 * @cssproperty --ocmf-font-family - Font.
 * @cssproperty --ocmf-font-size - Base font size.
 * @cssproperty --ocmf-radius - Corner radius.
 * @cssproperty --ocmf-table-max-height - Height after which the table scrolls under its sticky header (default 75vh).
 */
export class OcmfScorecard extends OcmfElement {
  // Lit reactive properties (a static map, not decorators: smaller in the bundle)
  static override properties: PropertyDeclarations = {
    display: { reflect: true },
    expandDepth: { type: Number, attribute: 'expand-depth' },
    _sort: { state: true },
    _toggled: { state: true },
    _scrollTop: { state: true },
  };

  static override styles: CSSResultGroup = [OcmfElement.styles, scorecardStyles];

  /** grade (default): statuses in full; guide: deltas and next steps first, traffic lights muted. */
  display: 'grade' | 'guide' = 'grade';
  /** Levels of drivers open at first (0: only the top rows). */
  expandDepth = 0;

  /** @internal */ private _sort: ScorecardSort | null = null;
  /** @internal a person's toggles, over expand-depth */ private _toggled = new Map<string, boolean>();

  protected override readonly _widgetName = 'scorecard';

  /** @internal windowing of long tables: scroll position, scroller height, row height */
  private _scrollTop = 0;
  // measured (see _measure); not reactive: a new measurement alone re-renders only when rows are missing
  private _viewport = 0;
  /** a 14 px row (1.6em toggle + padding + border) until measured */
  private _rowH = 34;
  /** The rows the window drew last: [start, end). */
  private _drawn: { start: number; end: number } | null = null;
  /** The size (and display) the row height and view were last measured at; a windowed render measures once per change. */
  private _measuredAt = '';
  private _windowed = false;
  private _measureFrame = 0;
  private _cells = new Map<string, RowCells>();
  /** Value's and Target's longest texts (characters) drawn for this evaluation, for fixed column widths. */
  private _chars: Record<string, number> = {};
  /** The rows for the inputs they were computed from (a render, `rows` and the CSV share them). */
  private _rowsMemo: { inputs: unknown[]; rows: ScorecardRow[] } | null = null;
  private _stepsMemo: { inputs: unknown[]; picks: NextStepPicks } | null = null;
  /** Row id -> the DOM row (slot) it was drawn in: a sort or scroll refills rows instead of rebuilding them. */
  private _slots = new Map<string, number>();
  private _cellsFor: { ev: Evaluation | null; locale: string | undefined } = { ev: null, locale: undefined };

  // ---- public API -----------------------------------------------------------------------------

  /** The sort a person chose (null: document order). */
  get sort(): ScorecardSort | null {
    return this._sort;
  }
  set sort(s: ScorecardSort | null) {
    this._sort = s ? { column: s.column, direction: s.direction ?? firstDirection(s.column) } : null;
  }

  /** The rows as shown now (lens, sort and expansion applied). */
  get rows(): ScorecardRow[] {
    const shown = this._selectedNode;
    if (!shown || this.viewState !== 'ready') return [];
    return this._rows(shown).slice();
  }

  /** The rows as shown, as CSV text: formatted cells as on screen, then the raw numbers. */
  toCsv(): string {
    const ev = this.evaluation;
    if (!ev) return '';
    return scorecardCsv(this.rows, { format: (c, n) => csvText(this._cellsOf(n, ev), c) });
  }

  /** Start a download of `toCsv()`; returns the Blob. */
  downloadCsv(): Blob {
    const blob = new Blob(['\ufeff', this.toCsv()], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${this._fileName()}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    return blob;
  }

  /** Open every composite's drivers (true) or close them all (false). */
  expandAll(open = true): void {
    const shown = this._selectedNode;
    if (!shown) return;
    const next = new Map<string, boolean>();
    for (const id of compositeIds(shown)) next.set(id, open);
    this._toggled = next;
  }

  // ---- lifecycle ------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('node')) this._toggled = new Map();
    this._windowed = false; // _renderTable says otherwise
  }

  protected override _renderSkeleton(): unknown {
    return html`<div class="skeleton-wrap" part="skeleton" aria-hidden="true">
      <div class="skeleton line title"></div>
      ${[0, 1, 2, 3, 4].map(() => html`<div class="skeleton line"></div>`)}
    </div>`;
  }

  protected override _renderReady(ev: Evaluation): unknown {
    const shown = this._selectedNode!;
    const rows = this._rows(shown);
    const width = this.size.width || 800;
    const narrow = width < CARD_BREAKPOINT;
    const size = narrow
      ? 'narrow'
      : width < COMPACT_BREAKPOINT
        ? 'wide medium compact'
        : width < (rows.length > WINDOW_MIN ? MEDIUM_BREAKPOINT_WINDOWED : MEDIUM_BREAKPOINT)
          ? 'wide medium'
          : 'wide';
    const cols = ORDER[this.display === 'guide' ? 'guide' : 'grade'];
    const guide = this.display === 'guide';
    const steps = this._renderSteps(ev, shown);
    const lens = this._activeLens;
    const body = rows.length
      ? narrow
        ? this._renderCards(rows, cols, ev)
        : this._renderTable(rows, cols, ev)
      : html`<p class="message" part="empty">
          ${lens ? `No metric under ${shown.label} is tagged for the ${lens} lens.` : `${shown.label} has no metrics.`}
        </p>`;
    const period = ev.meta.period;
    const anyComposite = rows.some((r) => r.expandable);
    const allOpen = anyComposite && rows.every((r) => !r.expandable || r.expanded);
    return html`<div class="card ${guide ? 'guide' : 'grade'} ${size}">
      <div class="header" part="header">
        <div class="titles">
          <h2 part="title" id="title">${ev.meta.title ?? shown.label}</h2>
          ${
            period
              ? html`<p part="period" class="period">
                  ${period.label}${period.start && period.end ? html` <span>(${period.start} – ${period.end})</span>` : nothing}
                </p>`
              : nothing
          }
          ${ev.meta.title && shown !== ev.root ? html`<p class="sub">${shown.label}</p>` : nothing}
        </div>
        <div class="tools">
          ${
            anyComposite
              ? html`<button type="button" part="expand-all" @click=${() => this.expandAll(!allOpen)}>
                  ${allOpen ? 'Collapse all' : 'Expand all'}
                </button>`
              : nothing
          }
          <button type="button" part="export" @click=${() => this.downloadCsv()}>
            <span aria-hidden="true">↓</span> Download CSV
          </button>
        </div>
      </div>
      ${guide ? steps : nothing} ${body} ${guide ? nothing : steps}
    </div>`;
  }

  // ---- rows -----------------------------------------------------------------------------------

  private _rows(shown: EvaluatedNode): ScorecardRow[] {
    const locale = this._resolvedLocale;
    const inputs = [this.evaluation, shown, this._activeLens, this._sort, this._toggled, this.expandDepth, locale];
    const memo = this._rowsMemo;
    if (memo && memo.inputs.every((v, i) => v === inputs[i])) return memo.rows;
    const rows = this._computeRows(shown, locale);
    this._rowsMemo = { inputs, rows };
    return rows;
  }

  private _computeRows(shown: EvaluatedNode, locale: string | undefined): ScorecardRow[] {
    if (!shown.children) {
      // a single metric: its own row
      return [
        {
          node: shown,
          id: shown.id,
          depth: 0,
          level: 1,
          parentRowId: null,
          via: [],
          expandable: false,
          expanded: false,
          posInSet: 1,
          setSize: 1,
        },
      ];
    }
    return scorecardRows(shown, {
      expanded: this._expanded(shown),
      lens: this._activeLens,
      sort: this._sort,
      locale,
      current: this.evaluation!.meta.period?.label,
    });
  }

  /** Open composites: a person's toggles, else the first `expand-depth` levels. */
  private _expanded(shown: EvaluatedNode): Set<string> {
    const depth = Math.max(0, this.expandDepth || 0);
    const open = new Set<string>();
    if (depth === 0 && this._toggled.size === 0) return open;
    for (const id of compositeIds(shown)) {
      const n = this.evaluation!.nodes[id]!;
      const t = this._toggled.get(id);
      if (t ?? n.depth - shown.depth <= depth) open.add(id);
    }
    return open;
  }

  private _cellsOf(node: EvaluatedNode, ev: Evaluation): RowCells {
    const locale = this._resolvedLocale;
    if (this._cellsFor.ev !== ev || this._cellsFor.locale !== locale) {
      this._cells = new Map();
      this._chars = { value: 0, target: 0 };
      this._cellsFor = { ev, locale };
    }
    let c = this._cells.get(node.id);
    if (!c) this._cells.set(node.id, (c = rowCells(node, ev, locale)));
    return c;
  }

  private _toggle(row: ScorecardRow): void {
    const next = new Map(this._toggled);
    next.set(row.id, !row.expanded);
    this._toggled = next;
    this.dispatchEvent(
      new CustomEvent<OcmfToggleDetail>('ocmf-toggle', {
        detail: { id: row.id, expanded: !row.expanded },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private _sortBy(column: ScorecardColumn): void {
    const s = this._sort;
    const direction: SortDirection =
      s?.column === column ? (s.direction === 'asc' ? 'desc' : 'asc') : firstDirection(column);
    this._sort = { column, direction };
    this.dispatchEvent(
      new CustomEvent<OcmfSortDetail>('ocmf-sort', { detail: { column, direction }, bubbles: true, composed: true }),
    );
  }

  private _fileName(): string {
    const ev = this.evaluation;
    const name =
      (ev?.meta.title ?? this._selectedNode?.label ?? 'scorecard') +
      (ev?.meta.period ? ` ${ev.meta.period.label}` : '');
    return (
      name
        .replace(/[^\p{L}\p{N}]+/gu, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'scorecard'
    );
  }

  // ---- wide: the table ------------------------------------------------------------------------

  private _renderTable(rows: ScorecardRow[], cols: Col[], ev: Evaluation): TemplateResult {
    const win = windowOf(
      rows.length,
      this._scrollTop,
      // before the first measurement: the host's height, at most the default max-height (75vh)
      this._viewport || Math.min(this.size.height || window.innerHeight, window.innerHeight * 0.75),
      this._rowH,
    );
    const shown = win ? rows.slice(win.start, win.end) : rows;
    const offset = win?.start ?? 0;
    this._windowed = win !== null;
    this._drawn = win;
    // wide and windowed: fixed column widths, so refilled rows lay out alone, not the whole table
    // again; Value and Target are as wide as their longest text drawn so far (they only grow)
    const fixed = win !== null && this.size.width >= MEDIUM_BREAKPOINT_WINDOWED;
    if (fixed)
      for (const r of shown) {
        const c = this._cellsOf(r.node, ev);
        const w = this._chars;
        // (not measured: a mark and a space before the words)
        w.value = Math.max(w.value!, c.value.length + (r.node.value === null ? 2 : 0));
        w.target = Math.max(w.target!, c.target.length);
      }
    const slots = this._slotsFor(shown);
    const spacer = (rowsHidden: number) =>
      rowsHidden > 0
        ? html`<tr class="spacer" aria-hidden="true">
            <td
              colspan=${this.size.width && this.size.width < COMPACT_BREAKPOINT ? cols.length - 3 : cols.length}
              ${styleProps({ height: `${rowsHidden * this._rowH}px` })}
            ></td>
          </tr>`
        : nothing;
    return html`<div
      class="table-wrap"
      tabindex="0"
      role="group"
      aria-labelledby="title"
      @scroll=${win || rows.length > WINDOW_MIN ? this._onScroll : nothing}
    >
      <table
        part="table"
        class=${win ? (fixed ? 'windowed fixed' : 'windowed') : ''}
        aria-labelledby="title"
        aria-rowcount=${win ? rows.length + 1 : nothing}
      >
        ${
          fixed
            ? html`<colgroup>
                ${fixedColumnEms(cols, this._chars).map((e) => html`<col ${styleProps(e ? { width: `${e}em` } : {})} />`)}
              </colgroup>`
            : nothing
        }
        <thead>
          <tr aria-rowindex=${win ? 1 : nothing}>
            ${cols.map((c) => this._renderHead(c))}
          </tr>
        </thead>
        <tbody>
          ${win ? spacer(win.start) : nothing}
          ${repeat(
            shown,
            (_r, i) => slots[i],
            (r, i) => this._renderRow(r, ev, win ? offset + i + 2 : null),
          )}
          ${win ? spacer(rows.length - win.end) : nothing}
        </tbody>
      </table>
    </div>`;
  }

  /**
   * The DOM row (slot) each shown row is drawn in (windowSlots): a sort or a scroll refills ~30
   * rows' texts instead of building ~30 new rows (1,500 nodes), and focus never lands on another metric.
   */
  private _slotsFor(shown: ScorecardRow[]): number[] {
    const focused = this.shadowRoot?.activeElement?.closest('tr[data-id]')?.getAttribute('data-id');
    const { slots, next } = windowSlots(
      this._slots,
      shown.map((r) => r.id),
      focused,
    );
    this._slots = next;
    return slots;
  }

  /** Scroll events come at most once a frame; Lit batches the update into a microtask. */
  private _onScroll = (e: Event): void => {
    const wrap = e.currentTarget as HTMLElement;
    this._measure(wrap);
    this._scrollTop = wrap.scrollTop;
    this.requestUpdate();
  };

  /**
   * The row height and the scroller's height, for the window. Read on a person's scroll and in the
   * frame after a windowed render at a new size (in rAF, before that frame's own layout, so the
   * read costs no extra layout), never during a render.
   */
  private _measure(wrap: HTMLElement | null): void {
    if (!wrap) return;
    const row = wrap.querySelector('tbody tr[data-id]');
    const h = row ? row.getBoundingClientRect().height : 0;
    if (h > 0 && Math.abs(h - this._rowH) > 0.5) this._rowH = h;
    if (Math.abs(wrap.clientHeight - this._viewport) > 1) this._viewport = wrap.clientHeight;
  }

  /** After a measurement: re-render only when the view now needs rows the window did not draw. */
  private _coverView(): void {
    const drawn = this._drawn;
    const shown = this._selectedNode;
    if (!drawn || !shown) return;
    const need = windowOf(this._rows(shown).length, this._scrollTop, this._viewport, this._rowH);
    if (need && (need.start < drawn.start || need.end > drawn.end)) this.requestUpdate();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // every render reads the size: a re-render queued by a size change before it is not needed
    this.size.drawn();
    // (a row moved by a sort or an expansion gets its focus back in OcmfElement.updated)
    const at = `${this.size.width}x${this.size.height} ${this.display}`;
    if (!this._windowed || this._measuredAt === at || this._measureFrame) return;
    this._measureFrame = requestAnimationFrame(() => {
      this._measureFrame = 0;
      this._measuredAt = at;
      if (!this._windowed) return;
      this._measure(this.renderRoot.querySelector<HTMLElement>('.table-wrap'));
      this._coverView();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    cancelAnimationFrame(this._measureFrame);
    this._measureFrame = 0;
  }

  private _renderHead(c: Col): TemplateResult {
    const s = this._sort;
    const active = s?.column === c;
    return html`<th
      scope="col"
      class="col-${c}"
      aria-sort=${active ? (s!.direction === 'desc' ? 'descending' : 'ascending') : 'none'}
    >
      <button
        type="button"
        part="sort"
        class="sort"
        data-col=${c}
        @click=${() => this._sortBy(c)}
        @keydown=${(e: KeyboardEvent) => this._onKey(e, () => this._sortBy(c))}
      >
        ${HEAD[c]}<span class="arrow" aria-hidden="true">${active ? (s!.direction === 'desc' ? '▼' : '▲') : '↕'}</span>
      </button>
    </th>`;
  }

  /**
   * One row as one template (cells in ORDER[display]): the score, status, change and trend are
   * written into the row's template (not nested ones) and drawn with few boxes (the bar is one
   * span, the status shape another), so drawing or refilling the window's rows does little of
   * Lit's part work and little layout.
   */
  private _renderRow(r: ScorecardRow, ev: Evaluation, rowIndex: number | null): TemplateResult {
    const n = r.node;
    const c = this._cellsOf(n, ev);
    const part = `row row-${r.level}`;
    const idx = rowIndex ?? nothing;
    const cls = `depth-${Math.min(r.depth, 6)} status-row-${n.status}`;
    const name = this._renderName(r, rowIndex !== null);
    const value = this._renderCell('value', n, c);
    const d = c.delta;
    const s = c.spark;
    // no whitespace between the cells' tags: every text node in a row is one more to clone and lay out
    // prettier-ignore
    return this.display === 'guide'
      ? html`<tr part=${part} data-id=${r.id} aria-rowindex=${idx} class=${cls}><th scope="row" class="col-label">${name}</th><td class="col-delta"><span class="delta ${d.direction}" part="delta" aria-hidden="true">${d.text}</span><span class="sr-only">${d.spoken}</span></td><td class="col-trend"><svg class="spark" part="sparkline" width="72" height="22" viewBox="0 0 72 22" role="img" aria-label=${s.text}><title>${s.text}</title><path d=${c.spark.pathWithDot ?? nothing}></path></svg></td><td class="col-score">${c.score}<span class=${c.barClass} part="bar" role="img" aria-label=${c.barLabel} ${styleProps(c.barStyle)}></span></td><td class="col-value">${value}</td><td class="col-target">${c.target}</td><td class="col-status"><span class="status status-${n.status}" part="status"><span class="status-icon" aria-hidden="true"></span>${c.status}</span></td><td class="col-share">${c.share}</td><td class="col-coverage">${c.coverage}</td></tr>`
      : html`<tr part=${part} data-id=${r.id} aria-rowindex=${idx} class=${cls}><th scope="row" class="col-label">${name}</th><td class="col-value">${value}</td><td class="col-target">${c.target}</td><td class="col-score">${c.score}<span class=${c.barClass} part="bar" role="img" aria-label=${c.barLabel} ${styleProps(c.barStyle)}></span></td><td class="col-status"><span class="status status-${n.status}" part="status"><span class="status-icon" aria-hidden="true"></span>${c.status}</span></td><td class="col-delta"><span class="delta ${d.direction}" part="delta" aria-hidden="true">${d.text}</span><span class="sr-only">${d.spoken}</span></td><td class="col-trend"><svg class="spark" part="sparkline" width="72" height="22" viewBox="0 0 72 22" role="img" aria-label=${s.text}><title>${s.text}</title><path d=${c.spark.pathWithDot ?? nothing}></path></svg></td><td class="col-share">${c.share}</td><td class="col-coverage">${c.coverage}</td></tr>`;
  }

  /** @param clipped windowed rows: the name may end in an ellipsis, so its full text is the hover title */
  private _renderName(r: ScorecardRow, clipped = false): TemplateResult {
    const n = r.node;
    // prettier-ignore
    const toggle = r.expandable
      ? html`<button type="button" class="toggle" part="toggle" aria-expanded=${r.expanded ? 'true' : 'false'} aria-label=${`Drivers of ${n.label}`} @click=${() => this._toggle(r)} @keydown=${(e: KeyboardEvent) => this._onKey(e, () => this._toggle(r))}><span aria-hidden="true">▸</span></button>`
      : nothing; // (a leaf's name keeps the toggle's room by a margin: one box fewer)
    const small = n.smallSample
      ? html`<span class="small-sample" title="Small sample"
          ><span aria-hidden="true">◔</span> ${n.sampleSize}
          <span class="sr-only">responses, a small sample</span></span
        >`
      : nothing;
    const via = r.via.length ? html`<span class="via">in ${r.via.map((v) => v.label).join(' › ')}</span>` : nothing;
    const desc = n.description ? html`<span class="desc" title=${n.description}>${n.description}</span>` : nothing;
    // (no whitespace between tags: text nodes a row would clone and lay out)
    // prettier-ignore
    return html`<div class="name-cell" ${styleProps({ '--depth': String(r.depth) })}>${toggle}<div class="name-text"><button type="button" class="name" part="name" title=${clipped ? n.label : nothing} @click=${() => this.select(n.id)} @keydown=${(e: KeyboardEvent) => this._onKey(e, () => this.select(n.id))}>${n.label}</button>${small}${via}${desc}</div></div>`;
  }

  /** A card's fact (and the table's Value cell); the score bar is one span (track, fill and ticks are its background). */
  private _renderCell(c: Col, n: EvaluatedNode, cells: RowCells): unknown {
    switch (c) {
      case 'value':
        return n.value === null
          ? html`<span class="not-measured"><span aria-hidden="true">${MISSING}</span> ${NOT_MEASURED}</span>`
          : cells.value;
      case 'score':
        return html`<div class="score">
          <span class="score-num">${cells.score}</span
          ><span
            class=${cells.barClass}
            part="bar"
            role="img"
            aria-label=${cells.barLabel}
            ${styleProps(cells.barStyle)}
          ></span>
        </div>`;
      case 'status':
        return html`<span class="status status-${n.status}" part="status"
          ><span class="status-icon" aria-hidden="true"></span>${cells.status}</span
        >`;
      case 'delta':
        return html`<span class="delta ${cells.delta.direction}" part="delta" aria-hidden="true"
            >${cells.delta.text}</span
          ><span class="sr-only">${cells.delta.spoken}</span>`;
      case 'trend':
        return html`<svg
          class="spark"
          part="sparkline"
          width="72"
          height="22"
          viewBox="0 0 72 22"
          role="img"
          aria-label=${cells.spark.text}
        >
          <title>${cells.spark.text}</title>
          <path d=${cells.spark.pathWithDot ?? nothing}></path>
        </svg>`;
      default:
        // target, share, coverage: text
        return cells[c as 'target' | 'share' | 'coverage'];
    }
  }

  // ---- narrow: the cards ----------------------------------------------------------------------

  private _renderCards(rows: ScorecardRow[], cols: Col[], ev: Evaluation): TemplateResult {
    const s = this._sort;
    return html`<div class="card-tools">
        <label
          >Sort by
          <select
            class="sort-select"
            @change=${(e: Event) => {
              const v = (e.target as HTMLSelectElement).value as ScorecardColumn | '';
              this._sort = null;
              if (v) this._sortBy(v);
            }}
          >
            <option value="" ?selected=${!s}>Document order</option>
            ${cols.map((c) => html`<option value=${c} ?selected=${s?.column === c}>${HEAD[c]}</option>`)}
          </select>
        </label>
        ${
          s
            ? html`<button type="button" class="sort-dir" part="sort" @click=${() => this._sortBy(s.column)}>
                ${s.direction === 'desc' ? '▼ Descending' : '▲ Ascending'}
              </button>`
            : nothing
        }
      </div>
      <ul class="cards" part="cards" aria-labelledby="title">
        ${repeat(
          rows,
          (r) => r.id,
          (r) => {
            const n = r.node;
            const cells = this._cellsOf(n, ev);
            return html`<li
              part="row row-${r.level}"
              data-id=${r.id}
              class="depth-${Math.min(r.depth, 6)}"
              ${styleProps({ '--depth': String(r.depth) })}
            >
              <div class="card-head">
                ${this._renderName(r)}
                <span class="card-status">${this._renderCell('status', n, cells)}</span>
              </div>
              <dl>
                ${cols
                  .filter(
                    (c) =>
                      c !== 'label' &&
                      c !== 'status' &&
                      !(c === 'coverage' && !n.children) &&
                      !(c === 'target' && !cells.target),
                  )
                  .map(
                    (c) =>
                      html`<div class="fact col-${c}">
                        <dt>${HEAD[c]}</dt>
                        <dd>${this._renderCell(c, n, cells)}</dd>
                      </div>`,
                  )}
              </dl>
            </li>`;
          },
        )}
      </ul>`;
  }

  // ---- next steps -----------------------------------------------------------------------------

  private _renderSteps(ev: Evaluation, shown: EvaluatedNode): unknown {
    const lens = this._activeLens;
    const inputs = [ev, shown.id, lens];
    let picks = this._stepsMemo?.inputs.every((v, i) => v === inputs[i]) ? this._stepsMemo.picks : null;
    if (!picks) this._stepsMemo = { inputs, picks: (picks = nextStepPicks(ev, { within: shown.id, lens })) };
    if (!picks.improve.length && !picks.measure.length) return nothing;
    const locale = this._resolvedLocale;
    const pts = (n: number) => formatPoints(n, locale, false).replace(/ pts$/, '');
    return html`<div role="group" class="steps" part="next-steps" aria-labelledby="steps-title">
      <h3 id="steps-title">Next steps</h3>
      <ol>
        ${picks.improve.map((p) => html`<li class="improve" data-id=${p.id}><span aria-hidden="true">↗</span> ${improveText(p, pts)}</li>`)}
        ${picks.measure.map(
          (p) =>
            html`<li class="measure" data-id=${p.id}>
              <span aria-hidden="true">${STATUS_GLYPH.missing}</span> ${measureText(p)}
            </li>`,
        )}
      </ol>
    </div>`;
  }

  private _onKey(e: KeyboardEvent, act: () => void): void {
    // handled here (not by the button's own activation) so Enter and Space act exactly once
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      act();
    }
  }
}
