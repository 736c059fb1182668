/**
 * OcmfElement: the base class of every ocmf-widgets element (gauge, scorecard, driver tree, TTCV
 * timeline). It owns everything SPEC §6 says the widgets share, so an element only draws.
 *
 * ## What a subclass writes
 * ```ts
 * export class OcmfThing extends OcmfElement {
 *   static override styles = [OcmfElement.styles, thingStyles];
 *   protected override readonly needs = 'root';        // or 'journeys' (TTCV) or 'any'
 *   protected override readonly _widgetName = 'thing';  // used in messages: "the thing needs a metric tree"
 *   protected override _renderReady(evaluation: Evaluation) {
 *     const node = this._selectedNode!;                  // never undefined here when needs = 'root'
 *     const layout = layoutThing(node, this.size.width || 320);   // maths in src/layout/, not here
 *     return html`...`;                                 // finished values only; text via bindings
 *   }
 *   protected override _renderSkeleton() { return html`<div class="skeleton" ...>`; } // required: the final size
 * }
 * // define.ts: defineElement('ocmf-thing', OcmfThing) + HTMLElementTagNameMap entry
 * ```
 *
 * ## What it gets
 * - **Data**, three ways, the later winning: an inline `<script type="application/json">` child;
 *   `src` (fetched by `loadJson`: AbortController, a new src aborts the old and the last set wins,
 *   one request shared by widgets with the same URL, `refresh="N"` seconds only while connected,
 *   `timeout="S"` seconds, default 15, with a clear message); the `data` property (object or JSON
 *   string; every set counts, even the same object). Setting `data` to null/undefined falls back to
 *   src (its document if here, else fetched; refresh goes on), then inline; setting it drops a src
 *   request in flight; removing `src` falls back to inline. While a new src loads, or after src
 *   failed (stale), the last src document that evaluated stays, evaluated anew when the options
 *   change (what-if values apply to it); a failure fires `ocmf-error` once. Before any src has
 *   answered, inline shows meanwhile. Subclasses may add a 4th, lowest source by overriding
 *   `_fallbackDocument()` (the gauge's attribute-only `value`/`label`/`target`); call
 *   `_invalidateEvaluation()` when its inputs change (before `super.willUpdate()`).
 * - **The Evaluation** from the engine (`evaluate()`: parse and evaluate, options from
 *   `_evaluateOptions()`, e.g. what-if overrides; call `_invalidateEvaluation()` when they change):
 *   `this.evaluation` is the last good one, kept when a later src/refresh fails.
 * - `this._selectedNode`: the node named by `node` (default: the root). `this._activeLens`: the valid
 *   `lens` or null, and `this.inLens(node)`: whether a node is shown under it (lens picks what is
 *   shown, never what is computed). `this._resolvedLocale`: the `locale` attribute, else the
 *   document's `locale`, else the nearest `lang` (through shadow roots), else the browser's.
 *   Formatters: src/shared/format.ts (pass `this._resolvedLocale`). Status words/shapes: status.ts.
 * - `this.size`: a ResizeController ({width, height} of the host's content box, then kept from the
 *   ResizeObserver's reports). A host connected with no report yet is read before its first render
 *   (one layout for every such host), so 0 means not rendered (e.g. `display: none`). That read is
 *   the padding box: a host with padding is corrected by the report a frame later. Width changes
 *   re-render.
 * - **States**, rendered for it inside `<div part="base">`: loading (`_renderSkeleton()`), empty
 *   (a sentence from `_emptyReason()`: no root / no journeys / `node` names no node; override to add
 *   reasons, call super), error (issues with paths, first ten then "and N more", `part="error"`),
 *   stale (the last good view plus a badge "Not updated since 14:05" with a Retry button,
 *   `part="stale"`), warnings (`part="warnings"`) and the document's attribution (`part="attribution"`)
 *   under the view. `this.viewState` says which. A throwing `_renderReady` becomes the error state:
 *   nothing throws into the host page.
 * - **Events**: `ocmf-ready` (detail: the Evaluation) once per new evaluation, after it is rendered
 *   (after `updateComplete`); `ocmf-error` (detail: the issues) on every failure; call
 *   `this.select(id)` on a person's click/Enter to fire `ocmf-select` (detail: the id). Never
 *   fire ocmf-select for programmatic changes.
 * - **Theme**: `themeStyles` (public `--ocmf-*` tokens -> private `--_*`), `theme="light|dark"`,
 *   else the page's `color-scheme`, else `prefers-color-scheme`; reduced motion handled.
 */
import {
  html,
  LitElement,
  nothing,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
  type PropertyDeclarations,
} from 'lit';
import { evaluate } from '../engine/evaluate.js';
import { formatPath } from '../engine/issues.js';
import {
  LENSES,
  type EvaluatedNode,
  type EvaluateOptions,
  type Evaluation,
  type Issue,
  type Lens,
} from '../engine/types.js';
import { VERSION } from '../version.js';
import { emit } from './events.js';
import { formatTime, warmFormatters } from './format.js';
import { LoadError, loadJson, loaderStats } from './loader.js';
import { ResizeController, resizeStats } from './resize.js';
import { stateStyles, themeStyles } from './theme.js';

export type ViewState = 'loading' | 'ready' | 'empty' | 'error';

interface Input {
  kind: 'data' | 'src' | 'inline' | 'fallback' | 'pending' | 'none';
  input?: unknown;
  issues?: Issue[];
}

const MAX_ISSUES_SHOWN = 10;

// Pay the page's one-time Intl cost (ICU data, 15–30 ms) while the page is idle after the elements
// load, not on the first render after data arrives (gauge1 render median 81 -> see commit message).
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmFormatters(), { timeout: 2000 });
else setTimeout(() => warmFormatters(), 0);
let liveTimers = 0;
let liveListeners = 0;

/** Live resources of all ocmf elements on the page (for leak tests). */
export function liveResources(): { timers: number; listeners: number; observed: number; inflight: number } {
  return {
    timers: liveTimers,
    listeners: liveListeners,
    observed: resizeStats.observed,
    inflight: loaderStats.inflight,
  };
}

const oneIssue = (code: string, message: string): Issue[] => [{ path: [], code, message }];

// Widgets connected in one task mostly share a parent (a dashboard's grid): one computed-style read
// (a forced style recalc) for all of them, not one each. Cleared at the next microtask.
let schemes: Map<Element, string> | null = null;
function parentScheme(parent: Element): string {
  if (!schemes) {
    schemes = new Map();
    queueMicrotask(() => (schemes = null));
  }
  let scheme = schemes.get(parent);
  if (scheme === undefined) schemes.set(parent, (scheme = getComputedStyle(parent).colorScheme));
  return scheme;
}

function nearestLang(el: Element): string | undefined {
  let node: Element | null = el;
  while (node) {
    const found: Element | null = node.closest('[lang]');
    if (found) return found.getAttribute('lang') || undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

export abstract class OcmfElement extends LitElement {
  // Lit reactive properties (a static map, not decorators: smaller in the bundle)
  static override properties: PropertyDeclarations = {
    src: {},
    refresh: { type: Number },
    timeout: { type: Number },
    data: { attribute: false, hasChanged: () => true },
    node: {},
    lens: {},
    locale: {},
    theme: { reflect: true },
    _evaluation: { state: true },
    _issues: { state: true },
    _stale: { state: true },
    _pending: { state: true },
  };

  /** The kit version that defined this class (guarded define compares it). */
  static version = VERSION;
  static override styles: CSSResultGroup = [themeStyles, stateStyles];

  /** URL of a metrics document (SPEC §2) to fetch. */
  src: string | null = null;
  /** Re-fetch `src` every N seconds while connected; 0 = never. */
  refresh = 0;
  /** Seconds to wait for `src` before giving up with an error. */
  timeout = 15;
  /** The metrics document as an object or a JSON string; wins over `src` and inline JSON. */
  data: unknown = undefined;
  /** The id of the node to show; default: the root. */
  node: string | null = null;
  /** executive | manager | frontline: picks what is shown, never what is computed. */
  lens: Lens | null = null;
  /** BCP 47 locale for numbers and dates; default: the document's `locale`, else the nearest `lang`. */
  locale: string | null = null;
  /** light | dark forces a colour scheme; default: the page's color-scheme, else prefers-color-scheme. */
  theme: 'light' | 'dark' | null = null;

  /** @internal */ private _evaluation: Evaluation | null = null;
  /** @internal */ private _issues: Issue[] = [];
  /** @internal */ private _stale = false;
  /** @internal */ private _pending = false;

  /** What the element needs from a document: a `root` tree, `journeys`, or either. */
  protected readonly needs: 'root' | 'journeys' | 'any' = 'root';
  /** How messages name the widget ("the gauge needs a metric tree"). */
  protected readonly _widgetName: string = 'widget';
  /** The host's content-box size; width changes re-render. */
  protected readonly size = new ResizeController(this);

  private _dirty = true;
  private _inline: { text: string; input?: unknown; issues?: Issue[] } | null = null;
  private _srcDoc: unknown;
  /** The last src document that evaluated: it stays while a new src loads, and after src failed. */
  private _srcGood: unknown;
  private _srcFor: string | null = null;
  private _srcIssues: Issue[] | null = null;
  private _abort: AbortController | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _domReady: (() => void) | undefined;
  private _loadedAt = 0;
  private _event: { type: 'ready'; evaluation: Evaluation } | { type: 'error'; issues: Issue[] } | null = null;
  /** What had focus before an update (see updated()). */
  private _focused: Element | null = null;
  private _internals: ElementInternals | undefined;

  constructor() {
    super();
    try {
      this._internals = this.attachInternals();
    } catch {
      // no ElementInternals: the page's color-scheme is then not followed, prefers-color-scheme still is
    }
  }

  // ---- public read-only API --------------------------------------------------------------

  /** The last good evaluation (still shown while stale), or null. */
  get evaluation(): Evaluation | null {
    return this._evaluation;
  }
  /** The issues of the current error, or of the failed load that made the view stale. */
  get issues(): Issue[] {
    return this._issues;
  }
  /** True when a refresh or src change failed and the last good data is shown. */
  get stale(): boolean {
    return this._stale;
  }
  /** Which state a person sees. */
  get viewState(): ViewState {
    const ev = this._evaluation;
    if (ev) return this._emptyReason(ev) ? 'empty' : 'ready';
    if (this._issues.length) return 'error';
    if (this._pending || this._domReady) return 'loading';
    return 'empty';
  }

  /** Read the inline JSON again and re-fetch `src` now (the stale badge's Retry button). */
  reload(): void {
    this._readInline();
    this._load();
  }

  // ---- for subclasses ---------------------------------------------------------------------

  /** The node named by `node`, else the root; undefined when there is none. */
  protected get _selectedNode(): EvaluatedNode | undefined {
    const ev = this._evaluation;
    if (!ev) return undefined;
    return this.node ? ev.nodes[this.node] : ev.root;
  }
  /** `lens` when it is one of the three lenses, else null. */
  protected get _activeLens(): Lens | null {
    return this.lens && LENSES.includes(this.lens) ? this.lens : null;
  }
  /** Whether the node is shown under the active lens (always, with no lens). */
  protected inLens(node: EvaluatedNode): boolean {
    const lens = this._activeLens;
    return !lens || node.lens.includes(lens);
  }
  /** The locale to format with: attribute, then the document's, then the nearest `lang`. */
  protected get _resolvedLocale(): string | undefined {
    // once per update: renders ask for it per number, and nearestLang walks the DOM
    return (this._locale ??= [this.locale || this._evaluation?.meta.locale || nearestLang(this) || undefined])[0];
  }
  private _locale: [string | undefined] | null = null;
  /** A lowest-priority document (e.g. from attributes); undefined when there is none. */
  protected _fallbackDocument(): unknown {
    return undefined;
  }
  /** Options for the engine (what-if overrides). */
  protected _evaluateOptions(): EvaluateOptions {
    return {};
  }
  /** The source in force at the last evaluation (see `_currentInput`). */
  protected _kind: Input['kind'] = 'none';
  /** Re-run the engine at the next update (its inputs or options changed). */
  protected _invalidateEvaluation(): void {
    this._dirty = true;
    this.requestUpdate();
  }
  /** A sentence saying what is missing, or null when the evaluation can be shown. */
  protected _emptyReason(ev: Evaluation): string | null {
    if (this.needs === 'root' && !ev.root) {
      return `This document has no "root" metric tree, which the ${this._widgetName} shows. Add a "root" node with children or a value.`;
    }
    if (this.needs === 'journeys' && !ev.ttcv) {
      return `This document has no "journeys", which the ${this._widgetName} shows. Add a "journeys" list.`;
    }
    if (this.needs !== 'journeys' && this.node && !ev.nodes[this.node]) {
      return `No node has the id "${this.node}" in this document; check the node attribute.`;
    }
    return null;
  }
  /** Fire `ocmf-select` for a person's pick (never for programmatic changes). */
  protected select(id: string): void {
    emit(this, 'ocmf-select', id);
  }
  /** The view of a good evaluation (state ready). */
  protected abstract _renderReady(evaluation: Evaluation): unknown;
  /**
   * A placeholder of the final size while the first data loads (`part="skeleton"`, `.skeleton`
   * pieces): only the element knows that size, so each draws its own.
   */
  protected abstract _renderSkeleton(): unknown;

  // ---- lifecycle ----------------------------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    try {
      this._readInline();
      if (this._inline === null && document.readyState === 'loading' && !this._domReady) {
        // connected while the parser is still inside us: the inline script is not there yet
        this._domReady = () => (this._dropDomReady(), this._readInline());
        document.addEventListener('DOMContentLoaded', this._domReady);
        liveListeners++;
      }
      this._followPageScheme();
      if (this.src && this.data == null && (this._srcFor !== this.src || this._stale || this._srcIssues)) this._load();
      else this._schedule();
    } catch (err) {
      this._fail(oneIssue('internal', `The ${this._widgetName} could not start: ${String(err)}`));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._abort = undefined;
    if (this._pending) this._pending = false;
    this._clearTimer();
    this._dropDomReady();
  }

  protected override willUpdate(changed: PropertyValues): void {
    this._focused = this.shadowRoot?.activeElement ?? null;
    try {
      if (changed.has('src') && this.hasUpdated) {
        this._srcIssues = null;
        this._load();
        // src removed: the inline JSON (or nothing) is in force again, unless data is
        if (!this.src) {
          this._srcGood = undefined;
          if (this.data == null) this._dirty = true;
        }
      } else if (
        changed.has('data') &&
        // data set: a src request in flight is dropped (its answer would evaluate the data again);
        // data dropped: src (if any) is read, unless its document is here already
        (this.data != null || (this.hasUpdated && this._srcFor !== this.src))
      ) {
        this._load();
      } else if ((changed.has('refresh') || changed.has('data')) && this.hasUpdated) {
        // (data dropped with src's document here: the refresh that data had stopped goes on)
        this._schedule();
      }
      if (changed.has('data')) this._dirty = true;
      if (changed.has('theme')) this._followPageScheme();
      if (this._dirty) {
        this._dirty = false;
        this._recompute();
      }
    } catch (err) {
      this._fail(oneIssue('internal', `The ${this._widgetName} could not read its data: ${String(err)}`));
    }
    // after the evaluation (its locale) is settled, whether or not that failed
    this._locale = null;
  }

  override render(): TemplateResult {
    let view: ViewState = 'error';
    let body: unknown;
    try {
      view = this.viewState;
      const ev = this._evaluation;
      // the width now, before the first ResizeObserver report: a skeleton or a view drawn at a
      // guessed width would be drawn again a frame later (one layout read for a batch of hosts)
      this.size.measure();
      // (ignored: the sentence sits tight in its <p>, no white space around the text)
      // prettier-ignore
      body =
        view === 'loading'
          ? this._renderSkeleton()
          : view === 'error'
            ? this._renderIssues(this._issues)
            : view === 'empty'
              ? html`<p class="message" part="empty">${ev ? this._emptyReason(ev) : `No metrics yet: give the ${this._widgetName} a src, set its data property, or put the metrics JSON in a <script type="application/json"> inside it.`}</p>`
              : this._renderReady(ev!);
    } catch (err) {
      view = 'error';
      const issues = oneIssue('render', `The ${this._widgetName} could not draw this document: ${String(err)}`);
      this._event = { type: 'error', issues };
      body = this._renderIssues(issues);
    }
    const ev = this._evaluation;
    return html`<div part="base" class="base state-${view}" aria-busy=${this._pending ? 'true' : 'false'}>
      ${this._stale && ev ? this._renderStale() : nothing}${body}
      ${ev && view !== 'error' ? this._renderFooter(ev) : nothing}
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // an update that moves the focused element (a sort, rows refilled on a scroll) blurs it: give
    // focus back, unless its row is gone
    const f = this._focused;
    this._focused = null;
    if (
      f instanceof HTMLElement &&
      f.isConnected &&
      f.getRootNode() === this.shadowRoot &&
      !this.shadowRoot.activeElement
    )
      f.focus({ preventScroll: true });
    const event = this._event;
    if (!event) return;
    this._event = null;
    // after updateComplete: the new values are in the DOM (and any update they caused is done)
    void this.updateComplete.then(
      () => {
        if (event.type === 'ready') emit(this, 'ocmf-ready', event.evaluation);
        else emit(this, 'ocmf-error', event.issues);
      },
      () => undefined,
    );
  }

  /** The error view: issues with their paths, the first ten, then "and N more". */
  protected _renderIssues(issues: Issue[]): TemplateResult {
    const shown = issues.slice(0, MAX_ISSUES_SHOWN);
    const more = issues.length - shown.length;
    return html`<div class="error" part="error" role="alert">
      <h2>The ${this._widgetName} cannot show these metrics</h2>
      <ul>
        ${shown.map((i) => {
          const path = formatPath(i.path);
          // engine messages start with their path already; others get it in front
          const lead = path && !i.message.startsWith(path) ? html`<code>${path}</code>: ` : nothing;
          return html`<li>${lead}${i.message}</li>`;
        })}
        ${more > 0 ? html`<li>and ${more} more</li>` : nothing}
      </ul>
    </div>`;
  }

  // ---- internals ----------------------------------------------------------------------------

  private _renderStale(): TemplateResult {
    const since = formatTime(this._loadedAt, this._resolvedLocale);
    const why = this._issues[0]?.message ?? '';
    return html`<p class="stale" part="stale" role="status" title=${why}>
      <span aria-hidden="true">⚠</span><span>Not updated since ${since}</span><span class="sr-only">: ${why}</span>
      <button type="button" part="retry" @click=${() => this.reload()}>Retry</button>
    </p>`;
  }

  private _renderFooter(ev: Evaluation): unknown {
    const w = ev.warnings;
    const warnings = w.length
      ? html`<details class="warnings" part="warnings">
          <summary>${w.length === 1 ? '1 warning' : `${w.length} warnings`} about this document</summary>
          <ul>
            ${w.slice(0, MAX_ISSUES_SHOWN).map((i) => html`<li>${i.message}</li>`)}
            ${w.length > MAX_ISSUES_SHOWN ? html`<li>and ${w.length - MAX_ISSUES_SHOWN} more</li>` : nothing}
          </ul>
        </details>`
      : nothing;
    const attribution = ev.meta.attribution
      ? html`<p class="attribution" part="attribution">${ev.meta.attribution}</p>`
      : nothing;
    return html`${warnings}${attribution}`;
  }

  /** Which source is in force now (data > src > inline > fallback). */
  private _currentInput(): Input {
    if (this.data != null) {
      if (typeof this.data !== 'string') return { kind: 'data', input: this.data };
      try {
        return { kind: 'data', input: JSON.parse(this.data) };
      } catch (err) {
        return {
          kind: 'data',
          issues: oneIssue('json', `The data property is not valid JSON: ${(err as Error).message}.`),
        };
      }
    }
    if (this.src) {
      if (this._srcIssues) return { kind: 'src', issues: this._srcIssues };
      if (this._srcFor === this.src) return { kind: 'src', input: this._srcDoc };
      // a new src loads: the last src document stays (not the inline JSON) until it answers
      if (this._srcGood) return { kind: 'pending' };
    }
    if (this._inline) return { kind: 'inline', ...this._inline };
    const fallback = this._fallbackDocument();
    if (fallback !== undefined) return { kind: 'fallback', input: fallback };
    return this.src ? { kind: 'pending' } : { kind: 'none' };
  }

  private _recompute(): void {
    const current = this._currentInput();
    const kind = (this._kind = current.kind);
    const options = this._evaluateOptions();
    if (kind === 'none') {
      this._evaluation = null;
      this._issues = [];
      this._stale = false;
      return;
    }
    let issues = current.issues;
    if (kind !== 'pending' && !issues) {
      // evaluate() = parseDocument + evaluateDocument, in one walk for a clean document (the common
      // case); never throws
      const result = evaluate(current.input, options);
      if (result.ok) {
        if (kind === 'src') this._srcGood = current.input;
        this._evaluation = result;
        this._issues = [];
        this._stale = false;
        this._loadedAt = Date.now();
        this._event = { type: 'ready', evaluation: result };
        return;
      }
      issues = result.issues;
      // an invalid src document is a failed src: not evaluated again until src answers anew
      if (kind === 'src') this._srcIssues = issues;
    }
    if (kind !== 'src' && kind !== 'pending') return this._fail(issues!);
    // src loading, or failed: the last src document stays, evaluated with the options of now
    // (what-if values set or dropped meanwhile apply to it, not a what-if view shown as the data),
    // marked stale once src failed; without one, the view stays as it is. A failure is told once:
    // a re-run for new options fires nothing.
    const kept = evaluate(this._srcGood, options); // (not ok without one)
    if (kept.ok) this._evaluation = kept;
    if (issues && issues !== this._issues) this._fail(issues, true);
  }

  /** A failure: keep the last good view (stale) when it came from src/refresh, else show the error. */
  private _fail(issues: Issue[], keepLastGood?: boolean): void {
    this._issues = issues;
    if (!keepLastGood) this._evaluation = null;
    this._stale = !!this._evaluation;
    this._event = { type: 'error', issues };
  }

  private _load(): void {
    this._abort?.abort();
    this._abort = undefined;
    this._clearTimer();
    const src = this.src;
    if (!src || this.data != null || !this.isConnected) {
      if (this._pending) this._pending = false;
      return;
    }
    const controller = new AbortController();
    this._abort = controller;
    this._pending = true;
    const seconds = Number(this.timeout);
    const timeoutMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 15000;
    loadJson(src, controller.signal, timeoutMs).then(
      (doc) => {
        if (this._abort !== controller) return; // a newer src or a disconnect took over
        this._abort = undefined;
        this._pending = false;
        this._srcDoc = doc;
        this._srcFor = src;
        this._srcIssues = null;
        this._invalidateEvaluation();
        this._schedule();
      },
      (err: unknown) => {
        if (this._abort !== controller || controller.signal.aborted) return;
        this._abort = undefined;
        this._pending = false;
        this._srcIssues =
          err instanceof LoadError ? [err.issue] : oneIssue('network', `Could not load "${src}": ${String(err)}`);
        this._invalidateEvaluation();
        this._schedule();
      },
    );
  }

  /** Plan the next refresh (only while connected and src is in force). */
  private _schedule(): void {
    this._clearTimer();
    const seconds = Number(this.refresh);
    if (!(seconds > 0) || !this.src || this.data != null || !this.isConnected || this._abort) return;
    liveTimers++;
    this._timer = setTimeout(
      () => {
        liveTimers--;
        this._timer = undefined;
        this._load();
      },
      Math.max(100, seconds * 1000),
    );
  }

  private _clearTimer(): void {
    if (this._timer === undefined) return;
    clearTimeout(this._timer);
    this._timer = undefined;
    liveTimers--;
  }

  private _readInline(): void {
    const script = this.querySelector(':scope > script[type="application/json"]');
    if (!script) {
      if (this._inline) {
        this._inline = null;
        this._dirty = true;
      }
      return;
    }
    const text = script.textContent ?? '';
    if (this._inline && this._inline.text === text) return;
    try {
      this._inline = { text, input: JSON.parse(text) };
    } catch (err) {
      this._inline = {
        text,
        issues: oneIssue(
          'json',
          `The inline <script type="application/json"> is not valid JSON: ${(err as Error).message}.`,
        ),
      };
    }
    this._dirty = true;
    this.requestUpdate();
  }

  private _dropDomReady(): void {
    if (!this._domReady) return;
    document.removeEventListener('DOMContentLoaded', this._domReady);
    this._domReady = undefined;
    liveListeners--;
  }

  /** Follow the host page's `color-scheme` when it names only one scheme (read once per connect). */
  private _followPageScheme(): void {
    const states = this._internals?.states;
    if (!states) return;
    try {
      states.delete('dark');
      states.delete('light');
      if (this.theme) return;
      const parent = this.parentElement ?? (this.getRootNode() as ShadowRoot).host ?? document.documentElement;
      const scheme = parentScheme(parent)
        .split(/\s+/)
        .filter((s) => s === 'light' || s === 'dark');
      if (scheme.length === 1) states.add(scheme[0]!);
    } catch {
      // CustomStateSet without the plain-name syntax (older browsers): prefers-color-scheme still works
    }
  }
}
