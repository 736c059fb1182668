import {
  html,
  nothing,
  render as litRender,
  svg,
  type CSSResultGroup,
  type PropertyValues,
  type PropertyDeclarations,
} from 'lit';
import type { EvaluatedNode, EvaluateOptions, Evaluation } from '../../engine/types.js';
import {
  cardBar,
  layoutTree,
  refreshTreeValues,
  searchTree,
  setExpanded,
  topLevers,
  type TreeBounds,
  type TreeExpansion,
  type TreeLayout,
  type TreeLayoutLink,
  type TreeLayoutNode,
  type TreeLever,
  type TreeOrientation,
} from '../../layout/tree.js';
import { treeKeyAction, typeaheadItem } from '../../layout/tree-keys.js';
import {
  cullTree,
  panBy,
  panIntoView,
  pinch,
  readableFit,
  viewRect,
  wheelZoomFactor,
  zoomAt,
  zoomLimits,
  type ViewTransform,
  type ZoomLimits,
} from '../../layout/tree-view.js';
import { OcmfElement } from '../../shared/base-element.js';
import { formatPoints, formatScore, formatShare, formatValue, MISSING, NOT_MEASURED } from '../../shared/format.js';
import { STATUS_GLYPH, STATUS_TEXT } from '../../shared/status.js';
import { treeStyles } from './driver-tree.styles.js';

/** Detail of `ocmf-whatif`: the overrides in force (leaf id -> value) and the root's new score. */
export interface OcmfWhatifDetail {
  overrides: Record<string, number>;
  score: number | null;
}

/** Above this many visible cards only those in view are in the DOM (1,000 cards drawn whole took 1.6 s in the peer bench, 5,000 culled 0.3 s). */
const CULL_ABOVE = 150;
/**
 * Screen px drawn around the view when culling: a pan or zoom that keeps the view inside them only
 * moves the transform (no render); leaving them re-culls once.
 */
const CULL_MARGIN = 320;
/**
 * The smallest scale the opening view (and Fit) goes to for a big tree (more open cards than
 * CULL_ABOVE): card text of 11-13 px stays 9-10 px on screen, centred on its root (zoom out to see
 * more). A tree drawn whole fits the container whatever the scale: its shape and colours read
 * before its words, and + or the wheel bring the words.
 */
const READABLE_K = 0.8;
/** Space for the floating toolbar above the tree, in screen px. */
const TOOLBAR = 44;
const CARD_PAD = 10;
const LABEL_CHARS = 23;

interface CardText {
  label: string;
  value: string;
  status: string;
  facts: string;
  spoken: string;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
const round = (v: number) => Math.round(v * 100) / 100;
// formatValue writes %, days and hours itself (in the locale's words); NPS and CES are bare numbers
const UNIT_WORD: Record<string, string> = { nps: 'NPS', ces: 'CES' };

/**
 * The KPI driver tree: from a composite down to the measures that drive it, each node a card with
 * its value, score bar, status (word and shape, not colour alone), share of its parent's weight
 * and contribution in points; links as thick as the child's effective weight; the top levers
 * marked "#1 +2.8 pts". Collapse and expand, zoom and pan, search, what-if, SVG and PNG export.
 * Big trees draw only what is in view.
 *
 * @tagname ocmf-driver-tree
 * @summary The OCMF metric tree as a zoomable driver tree, with levers and what-if.
 *
 * @attr src - URL of a metrics document to fetch.
 * @attr refresh - Re-fetch `src` every N seconds while connected.
 * @attr timeout - Seconds to wait for `src` (default 15).
 * @attr node - The id of the node at the top of the tree (default: the root).
 * @attr lens - executive | manager | frontline: nodes outside the lens are muted.
 * @attr locale - BCP 47 locale for numbers (default: the document's, else the nearest `lang`).
 * @attr theme - light | dark (default: the page's color-scheme, else prefers-color-scheme).
 * @attr orientation - horizontal (root on the left, default) | vertical (root on top).
 * @attr depth - How many levels below the top open first (default 2; 64 opens everything).
 * @attr whatif - Boolean: a person may try other values for a leaf; the tree re-evaluates.
 * @attr levers - How many top levers to mark (default 3).
 *
 * @event {CustomEvent<Evaluation>} ocmf-ready - The evaluation (detail) is rendered; once per new evaluation.
 * @event {CustomEvent<Issue[]>} ocmf-error - The data could not be loaded or is invalid; detail: the issues, each with its path.
 * @event {CustomEvent<string>} ocmf-select - A person picked a node (click, Enter or Space); detail: the node's id.
 * @event {CustomEvent<{ overrides: Record<string, number>; score: number | null }>} ocmf-whatif - A what-if value changed or was reset; detail: `{ overrides, score }` (the root's new score).
 *
 * @csspart base - The wrapper of every state.
 * @csspart toolbar - The bar with search, zoom and export.
 * @csspart search - The search box.
 * @csspart zoom-in - The + button.
 * @csspart zoom-out - The − button.
 * @csspart fit - The Fit button.
 * @csspart export-svg - The SVG export button.
 * @csspart export-png - The PNG export button.
 * @csspart stage - The box the tree is drawn in (drag to pan, wheel to zoom).
 * @csspart tree - The SVG with role="tree".
 * @csspart link - A link (also `link-missing` for an unmeasured child).
 * @csspart card - A node's card (also `card-good`, `card-watch`, `card-act`, `card-missing`, `match`, `selected`).
 * @csspart lever - A lever badge "#1 +2.8 pts".
 * @csspart toggle - The expand/collapse mark of a card.
 * @csspart whatif - The what-if panel.
 * @csspart whatif-input - Its number input.
 * @csspart whatif-reset - Its Reset button.
 * @csspart whatif-delta - "+2.4 pts against actual".
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
 * @cssproperty --ocmf-surface - Cards, toolbar and panels.
 * @cssproperty --ocmf-border - Card borders and links.
 * @cssproperty --ocmf-track - The unfilled score bar.
 * @cssproperty --ocmf-accent - Search matches, lever badges, the selected card.
 * @cssproperty --ocmf-focus - The focus ring.
 * @cssproperty --ocmf-good - Status colour "good" (with ✓ and the word).
 * @cssproperty --ocmf-watch - Status colour "watch" (with "!").
 * @cssproperty --ocmf-act - Status colour "act" (with "✕").
 * @cssproperty --ocmf-missing - "Not measured" (with "○", dashed card).
 * @cssproperty --ocmf-font-family - Font.
 * @cssproperty --ocmf-font-size - Base font size of the chrome.
 * @cssproperty --ocmf-radius - Corner radius.
 */
export class OcmfDriverTree extends OcmfElement {
  // Lit reactive properties (a static map, not decorators: smaller in the bundle)
  static override properties: PropertyDeclarations = {
    orientation: { reflect: true },
    depth: { type: Number },
    whatif: { type: Boolean, reflect: true },
    levers: { type: Number },
    _expansion: { state: true },
    _focus: { state: true },
    _selected: { state: true },
    _query: { state: true },
    _overrides: { state: true },
    _vw: { state: true },
    _vh: { state: true },
  };

  static override styles: CSSResultGroup = [OcmfElement.styles, treeStyles];

  /** horizontal (default) | vertical. */
  orientation: TreeOrientation = 'horizontal';
  /** Levels open below the top at first. */
  depth = 2;
  /** Let a person try other values for a leaf. */
  whatif = false;
  /** How many top levers to mark. */
  levers = 3;

  /** @internal */ private _expansion: TreeExpansion = {};
  /** @internal */ private _focus: string | null = null;
  /** @internal */ private _selected: string | null = null;
  /** @internal */ private _query = '';
  /** @internal */ private _overrides: Record<string, number> = {};
  /** @internal */ private _vw = 0;
  /** @internal */ private _vh = 0;

  protected override readonly _widgetName = 'driver tree';

  /** The view transform. Not reactive: a pan or zoom frame moves the scene without a render (_setView). */
  private _t: ViewTransform = { x: 0, y: 0, k: 1 };
  /** The world area the cards in the DOM were culled for; null when every card is drawn. */
  private _culledFor: TreeBounds | null = null;
  private _layout: TreeLayout | null = null;
  private _layoutRoot: EvaluatedNode | null = null;
  private _layoutKey = '';
  private _layoutExpansion: TreeExpansion | null = null;
  private _limits: ZoomLimits = { minK: 0.1, maxK: 4 };
  private _needFit = true;
  private _anchor: { id: string; x: number; y: number } | null = null;
  private _matches: ReadonlySet<string> = new Set();
  private _levers = new Map<string, TreeLever>();
  private _leversFor: EvaluatedNode | null = null;
  private _actual: number | null = null;
  private _whatifChanged = false;
  private _text = new WeakMap<EvaluatedNode, CardText>();
  private _textLocale: string | undefined;
  private _ro: ResizeObserver | undefined;
  private _stage: Element | undefined;
  private _scene: Element | undefined;
  private _pointers = new Map<number, { x: number; y: number }>();
  private _dragged = false;
  private _typed = '';
  private _typedAt = 0;

  // ---- public API ---------------------------------------------------------------------------

  /** The current layout (visible cards and links in world units); null before data. */
  get layout(): TreeLayout | null {
    return this._layout;
  }
  /** The pan/zoom transform: screen = world * k + (x, y). */
  get transform(): ViewTransform {
    return this._t;
  }
  /** The what-if overrides in force (leaf id -> value). */
  get overrides(): Record<string, number> {
    return { ...this._overrides };
  }
  /** Open a node's children. */
  expand(id: string): void {
    this._toggle(id, true);
  }
  /** Hide a node's children. */
  collapse(id: string): void {
    this._toggle(id, false);
  }
  /** Fit the tree to the view (a big tree: its top at a readable size). */
  fit(): void {
    this._needFit = true;
    this.requestUpdate();
  }
  /** Zoom by `factor` around the view's centre. */
  zoomBy(factor: number): void {
    this._setView(zoomAt(this._t, factor, { x: this._vw / 2, y: this._vh / 2 }, this._limits));
  }
  /** Move the view by (dx, dy) screen px. */
  panBy(dx: number, dy: number): void {
    this._setView(panBy(this._t, dx, dy));
  }
  /** Search labels: matches are highlighted and their ancestors opened; returns the matching ids. */
  search(query: string): string[] {
    this._query = query;
    const root = this._selectedNode;
    const result = root ? searchTree(root, query) : { matches: [], expand: new Set<string>() };
    this._matches = new Set(result.matches);
    if (result.expand.size) this._expansion = setExpanded(this._expansion, result.expand, true);
    if (result.matches[0]) this._anchor = null;
    this._panTo = result.matches[0] ?? null;
    return result.matches;
  }
  /** Try another value for a leaf (what-if); null tries "not measured". */
  setOverride(id: string, value: number | null): void {
    const next = { ...this._overrides } as Record<string, number | null>;
    next[id] = value;
    this._overrides = next as Record<string, number>;
    this._whatifChanged = true;
    this._invalidateEvaluation();
  }
  /** Back to the actual data. */
  resetWhatif(): void {
    this._overrides = {};
    this._whatifChanged = true;
    this._invalidateEvaluation();
  }

  /** The whole expanded tree as a standalone SVG document (styles resolved into attributes). */
  exportSVG(): string {
    const layout = this._layout;
    if (!layout) throw new Error('The driver tree has nothing to export yet.');
    const pad = 16;
    const b = layout.bounds;
    const holder = document.createElement('div');
    holder.className = 'export-holder';
    this.renderRoot.appendChild(holder);
    try {
      litRender(
        svg`<svg xmlns="http://www.w3.org/2000/svg" width=${Math.ceil(b.width + 2 * pad)} height=${Math.ceil(b.height + 2 * pad)}
          viewBox="${b.x - pad} ${b.y - pad} ${b.width + 2 * pad} ${b.height + 2 * pad}">
          <rect class="export-bg" x=${b.x - pad} y=${b.y - pad} width=${b.width + 2 * pad} height=${b.height + 2 * pad}></rect>
          ${this._renderScene(layout, layout.nodes, layout.links, null)}
        </svg>`,
        holder,
      );
      const root = holder.querySelector('svg')!;
      for (const hit of root.querySelectorAll('.item')) hit.remove();
      inlineStyles(root);
      const text = new XMLSerializer().serializeToString(root);
      return text.replace(/<!--[^]*?-->/g, '');
    } finally {
      holder.remove();
    }
  }

  /** The whole expanded tree as a PNG (drawn from the SVG); `scale` 2 for sharp text, lowered for huge trees. */
  async exportPNG(scale = 2): Promise<Blob> {
    const text = this.exportSVG();
    const b = this._layout!.bounds;
    const w = b.width + 32;
    const h = b.height + 32;
    // canvas limits: 16,384 px a side and about 2^28 px in all
    const s = Math.max(0.05, Math.min(scale, 16384 / w, 16384 / h, Math.sqrt(2 ** 28 / (w * h))));
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * s));
    canvas.height = Math.max(1, Math.round(h * s));
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return new Promise((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'),
    );
  }

  private _panTo: string | null = null;

  /**
   * A new pan/zoom. While the view stays inside the area the DOM was culled for (or nothing is
   * culled), only the scene's transform attribute changes: no render, no layout, no re-cull.
   */
  private _setView(t: ViewTransform): void {
    this._t = t;
    const scene = this._scene;
    const culled = this._culledFor;
    if (scene && !this.isUpdatePending && (!culled || contains(culled, viewRect(t, this._viewport())))) {
      scene.setAttribute('transform', transformText(t));
    } else this.requestUpdate();
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._ro?.disconnect();
    this._ro = undefined;
    this._stage = undefined;
  }

  protected override _evaluateOptions(): EvaluateOptions {
    return Object.keys(this._overrides).length ? { overrides: this._overrides } : {};
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('data') || changed.has('src') || changed.has('node')) {
      // new data or node: the what-if values belonged to the old one. Only dropping them needs a new
      // evaluation (the base element evaluates new data itself): ocmf-ready fires once per evaluation.
      if (Object.keys(this._overrides).length) {
        this._overrides = {};
        this._invalidateEvaluation();
      }
      this._needFit = true;
    }
    if (changed.has('depth') || changed.has('node')) this._expansion = {};
    if (changed.has('orientation') || changed.has('depth') || changed.has('node')) this._needFit = true;
    super.willUpdate(changed);
    this._updateLayout();
  }

  private _updateLayout(): void {
    const ev = this.evaluation;
    const root = this.viewState === 'ready' || this.stale ? this._selectedNode : undefined;
    if (!ev || !root) {
      this._layout = null;
      this._layoutRoot = null;
      return;
    }
    if (!Object.keys(this._overrides).length) this._actual = root.score;
    // per shown node (a node object belongs to one evaluation): `node` changes without a new evaluation
    if (this._leversFor !== root || this._levers.size > this.levers) {
      this._leversFor = root;
      let within: Set<string> | undefined;
      if (root !== ev.root) {
        within = new Set();
        const stack = [root];
        while (stack.length) {
          const n = stack.pop()!;
          within.add(n.id);
          if (n.children) stack.push(...n.children);
        }
      }
      this._levers = topLevers(ev.nextSteps, this.levers, within);
    }
    if (this._resolvedLocale !== this._textLocale || root !== this._layoutRoot) {
      // texts are per node object; the top card's facts depend on which node is on top
      this._textLocale = this._resolvedLocale;
      this._text = new WeakMap();
    }
    const depth = Number.isFinite(this.depth) && this.depth >= 0 ? this.depth : 2;
    const key = `${this.orientation}|${depth}|${root.id}`;
    const old = this._layout;
    let fresh = false;
    if (old && key === this._layoutKey && this._layoutExpansion === this._expansion) {
      if (root !== this._layoutRoot) this._layout = refreshTreeValues(old, root);
    } else {
      this._layout = layoutTree(root, {
        orientation: this.orientation === 'vertical' ? 'vertical' : 'horizontal',
        depth,
        expanded: this._expansion.expanded,
        collapsed: this._expansion.collapsed,
      });
      this._layoutKey = key;
      this._layoutExpansion = this._expansion;
      fresh = true;
    }
    this._layoutRoot = root;
    const layout = this._layout!;
    const vp = this._viewport();
    if (this._needFit && vp.width > 0) {
      this._needFit = false;
      this._anchor = null;
      const t = readableFit(layout, vp, layout.nodes.length > CULL_ABOVE ? READABLE_K : 0, TOOLBAR);
      this._limits = zoomLimits(t);
      this._t = t;
    } else if (fresh && this._anchor) {
      // keep the toggled card where it was on screen
      const n = layout.byId.get(this._anchor.id);
      if (n) this._t = { ...this._t, x: this._anchor.x - n.x * this._t.k, y: this._anchor.y - n.y * this._t.k };
      this._anchor = null;
    }
    if (this._panTo && vp.width > 0) {
      const n = layout.byId.get(this._panTo);
      if (n) this._t = panIntoView(this._t, vp, n, 24);
      this._panTo = null;
    }
    if (this._focus && !layout.byId.has(this._focus)) {
      // focus was inside a closed subtree: move it to the nearest shown ancestor
      let id: string | undefined = this._focus;
      while (id && !layout.byId.has(id)) id = ev.nodes[id]?.parentId;
      this._focus = id ?? layout.nodes[0]!.id;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this._scene = this.renderRoot.querySelector('.scene') ?? undefined;
    // The scene's transform is written here and by _setView, never bound in the template: a
    // binding compares with the value it wrote last, which a pan may have changed since.
    const transform = transformText(this._t);
    if (this._scene && this._scene.getAttribute('transform') !== transform)
      this._scene.setAttribute('transform', transform);
    const stage = this.renderRoot.querySelector('.stage') ?? undefined;
    if (stage !== this._stage) {
      this._ro?.disconnect();
      this._stage = stage;
      if (stage) {
        this._ro ??= new ResizeObserver((entries) => {
          const r = entries[entries.length - 1]!.contentRect;
          const w = Math.round(r.width);
          const h = Math.round(r.height);
          if (w === this._vw && h === this._vh) return;
          this._vw = w;
          this._vh = h;
          this._needFit = true; // fits the container on load and on resize
        });
        this._ro.observe(stage);
      }
    }
    if (this._whatifChanged && this._layout) {
      this._whatifChanged = false;
      const detail: OcmfWhatifDetail = { overrides: { ...this._overrides }, score: this._layout.nodes[0]!.node.score };
      void this.updateComplete.then(() =>
        this.dispatchEvent(new CustomEvent('ocmf-whatif', { detail, bubbles: true, composed: true })),
      );
    }
  }

  private _viewport() {
    if (this._vw > 0) return { width: this._vw, height: this._vh };
    // Before the ResizeObserver's first report (it waits for a frame, which a background tab may
    // never give): measure now, the stage if it is there, else the host.
    const r = (this.renderRoot?.querySelector?.('.stage') ?? this).getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  }

  // ---- rendering ----------------------------------------------------------------------------

  protected override _renderSkeleton(): unknown {
    return html`<div class="skeleton tree-skeleton" part="skeleton" aria-hidden="true"></div>`;
  }

  protected override _renderReady(ev: Evaluation): unknown {
    const layout = this._layout;
    if (!layout) return nothing;
    const vp = this._viewport();
    const focus = this._focus && layout.byId.has(this._focus) ? this._focus : layout.nodes[0]!.id;
    const keep = this._selected ? [focus, this._selected] : [focus];
    const t = this._t;
    let shown: { nodes: TreeLayoutNode[]; links: TreeLayoutLink[] } = layout;
    this._culledFor = null;
    if (layout.nodes.length > CULL_ABOVE) {
      const view = vp.width > 0 ? vp : { width: 1200, height: 800 };
      shown = cullTree(layout, t, view, { keep, margin: CULL_MARGIN });
      this._culledFor = viewRect(t, view, CULL_MARGIN);
    }
    const root = layout.nodes[0]!.node;
    return html`<div class="tree-wrap">
      ${this._renderToolbar()}
      <div
        class="stage"
        part="stage"
        @wheel=${this._onWheel}
        @pointerdown=${this._onPointerDown}
        @pointermove=${this._onPointerMove}
        @pointerup=${this._onPointerUp}
        @pointercancel=${this._onPointerUp}
      >
        <svg
          class="canvas"
          part="tree"
          role="tree"
          aria-label=${`Driver tree of ${root.label}`}
          @keydown=${this._onKey}
        >
          <g class="scene" role="none">${this._renderScene(layout, shown.nodes, shown.links, focus)}</g>
        </svg>
      </div>
      ${this.whatif ? this._renderWhatif(ev, layout) : nothing}
    </div>`;
  }

  private _renderToolbar() {
    const n = this._matches.size;
    return html`<div class="toolbar" part="toolbar">
      <input
        type="search"
        part="search"
        placeholder="Search"
        aria-label="Search nodes by label"
        .value=${this._query}
        @input=${(e: Event) => this.search((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Enter' && this._matches.size) {
            e.preventDefault();
            this._focusItem([...this._matches][0]!);
          }
        }}
      />
      <span class="count" role="status">${this._query.trim() ? (n === 1 ? '1 match' : `${n} matches`) : ''}</span>
      <span class="spacer"></span>
      <button type="button" part="zoom-out" aria-label="Zoom out" @click=${() => this.zoomBy(1 / 1.25)}>−</button>
      <button type="button" part="zoom-in" aria-label="Zoom in" @click=${() => this.zoomBy(1.25)}>+</button>
      <button type="button" part="fit" @click=${() => this.fit()}>Fit</button>
      <button type="button" part="export-svg" aria-label="Export as SVG" @click=${() => this._download('svg')}>
        SVG
      </button>
      <button type="button" part="export-png" aria-label="Export as PNG" @click=${() => this._download('png')}>
        PNG
      </button>
    </div>`;
  }

  /** Links and cards in world units (the live view and the export share it). */
  private _renderScene(layout: TreeLayout, nodes: TreeLayoutNode[], links: TreeLayoutLink[], focus: string | null) {
    return svg`<g class="links" aria-hidden="true">${links.map(
      (l) =>
        svg`<path class="link ${l.missing ? 'missing' : ''}" part=${l.missing ? 'link link-missing' : 'link'} d=${l.d} stroke-width=${l.strokeWidth}></path>`,
    )}</g>${nodes.map((n) => this._renderCard(layout, n, focus))}`;
  }

  private _cardText(n: EvaluatedNode): CardText {
    let t = this._text.get(n);
    if (t) return t;
    const locale = this._resolvedLocale;
    const measured = n.score !== null;
    const value = n.children ? formatScore(n.score, locale) : formatValue(n.value, n.unit, locale, n.currency);
    const unit = !n.children && UNIT_WORD[n.unit] ? ` ${UNIT_WORD[n.unit]}` : '';
    const score = n.children ? '' : measured ? ` · score ${formatScore(n.score, locale)}` : '';
    const facts =
      n.parentId === undefined || n.id === this._layout?.nodes[0]?.id
        ? `${formatShare(n.coverage, locale)} measured`
        : `${formatShare(measured ? n.share : null, locale)} weight · ${formatPoints(n.contribution, locale, false)}`;
    const status = `${STATUS_GLYPH[n.status]} ${STATUS_TEXT[n.status]}`;
    // the value and the status share a line: drop " · score N" (the bar and the spoken text still
    // give it) when the two would collide, by an estimate of 13 px and 11 px system-ui glyphs
    const room = (this._layout?.nodes[0]?.width ?? 200) - 2 * CARD_PAD;
    const fits = (value.length + unit.length + score.length) * 6.9 + status.length * 5.9 + 6 <= room;
    t = {
      label: clip(n.label, LABEL_CHARS),
      value: measured ? `${value}${unit}${fits ? score : ''}` : `${MISSING} ${NOT_MEASURED}`,
      status,
      facts,
      spoken: [
        n.label,
        measured ? `${value}${unit}` : NOT_MEASURED,
        measured ? `score ${formatScore(n.score, locale)} of 100` : '',
        measured ? STATUS_TEXT[n.status] : '',
        n.id === this._layout?.nodes[0]?.id
          ? `${formatShare(n.coverage, locale)} of the weight measured`
          : measured
            ? `${formatShare(n.share, locale)} of the parent's weight`
            : '',
        n.contribution !== null && n.id !== this._layout?.nodes[0]?.id
          ? `contributes ${formatPoints(n.contribution, locale, false)}`
          : '',
      ]
        .filter(Boolean)
        .join(', '),
    };
    this._text.set(n, t);
    return t;
  }

  private _renderCard(layout: TreeLayout, c: TreeLayoutNode, focus: string | null) {
    const n = c.node;
    const text = this._cardText(n);
    const lever = this._levers.get(c.id);
    const locale = this._resolvedLocale;
    const leverText = lever ? `#${lever.rank} ${formatPoints(lever.gain, locale)}` : '';
    const match = this._matches.has(c.id);
    const selected = this._selected === c.id;
    const muted = !this.inLens(n);
    const overridden = Object.hasOwn(this._overrides, c.id);
    const w = c.width;
    const barW = w - 2 * CARD_PAD;
    const bar = cardBar(n, barW);
    const horizontal = layout.orientation === 'horizontal';
    const hidden = c.hasChildren && !c.expanded ? n.children!.length : 0;
    const parts = `card card-${n.status}${match ? ' match' : ''}${selected ? ' selected' : ''}`;
    const spoken = `${text.spoken}${lever ? `, lever ${leverText}` : ''}${overridden ? ', what-if value' : ''}${match ? ', matches the search' : ''}`;
    // The visible card is aria-hidden; the treeitem on top of it carries the name (a treeitem
    // holding the texts would fail axe's label-content-name-mismatch with the truncated label).
    return svg`<g
      class="card status-${n.status}${match ? ' match' : ''}${selected ? ' selected' : ''}${muted ? ' muted' : ''}"
      part=${parts}
      data-card=${c.id}
      transform="translate(${c.x},${c.y})"
    >
      <g aria-hidden="true">
        <rect class="box" width=${w} height=${c.height} rx="6"></rect>
        <rect class="stripe" width="4" height=${c.height} rx="2"></rect>
        <text class="label" x=${CARD_PAD} y="18">${text.label}</text>
        <text class="value" x=${CARD_PAD} y="38">${text.value}${overridden ? ' ✎' : ''}</text>
        ${n.status === 'missing' ? nothing : svg`<text class="status" x=${w - CARD_PAD} y="38" text-anchor="end">${text.status}</text>`}
        <rect class="track" x=${CARD_PAD} y="46" width=${barW} height="5" rx="2.5"></rect>
        <rect class="bar" x=${CARD_PAD} y="46" width=${bar.fill} height="5" rx="2.5"></rect>
        ${bar.target === null ? nothing : svg`<rect class="target" x=${CARD_PAD + bar.target - 1} y="43" width="2" height="11"></rect>`}
        <text class="facts" x=${CARD_PAD} y="65">${text.facts}</text>
        ${
          lever
            ? svg`<g class="lever" part="lever" transform="translate(${w - 86},-13)"><rect width="80" height="18" rx="9"></rect><text x="40" y="13" text-anchor="middle">${leverText}</text></g>`
            : nothing
        }
        ${
          c.hasChildren
            ? svg`<g class="toggle" part="toggle" transform="translate(${horizontal ? w : w / 2},${horizontal ? c.height / 2 : c.height})"><circle r="9"></circle><text y="4" text-anchor="middle">${hidden ? String(hidden) : '−'}</text></g>`
            : nothing
        }
      </g>
      <g
        class="item"
        role="treeitem"
        data-id=${c.id}
        tabindex=${focus === null ? nothing : focus === c.id ? '0' : '-1'}
        aria-level=${c.depth + 1}
        aria-posinset=${c.posInSet}
        aria-setsize=${c.setSize}
        aria-expanded=${c.hasChildren ? String(c.expanded) : nothing}
        aria-selected=${focus === null ? nothing : String(selected)}
        aria-label=${spoken}
        @click=${this._onCardClick}
      ><rect class="hit" width=${w} height=${c.height} rx="6"></rect></g>
    </g>`;
  }

  private _renderWhatif(ev: Evaluation, layout: TreeLayout) {
    const locale = this._resolvedLocale;
    const id = this._selected ?? this._focus;
    const leaf = id ? ev.nodes[id] : undefined;
    const editable = leaf && !leaf.children;
    const root = layout.nodes[0]!.node;
    const changed = Object.keys(this._overrides).length > 0;
    const delta = changed && root.score !== null && this._actual !== null ? root.score - this._actual : null;
    const unit = editable
      ? (UNIT_WORD[leaf.unit] ?? (leaf.unit === 'currency' ? (leaf.currency ?? '') : leaf.unit))
      : '';
    return html`<div class="whatif" part="whatif">
      <strong>What-if</strong>
      ${
        editable
          ? html`<label
              >${clip(leaf.label, 40)}
              <input
                type="number"
                step="any"
                part="whatif-input"
                .value=${leaf.value === null ? '' : String(leaf.value)}
                @change=${(e: Event) => {
                  const input = e.target as HTMLInputElement;
                  if (input.value.trim() === '' || !Number.isFinite(input.valueAsNumber)) return;
                  this.setOverride(leaf.id, input.valueAsNumber);
                }}
              />
              <span class="unit">${unit}</span></label
            >`
          : html`<span class="hint">Select a measure (a leaf) to try another value.</span>`
      }
      <span class="result"
        >${root.label}: ${formatScore(root.score, locale)}
        ${
          delta !== null
            ? html`<span part="whatif-delta" class="delta">${formatPoints(delta, locale)} against actual</span>`
            : nothing
        }</span
      >
      <button type="button" part="whatif-reset" ?disabled=${!changed} @click=${() => this.resetWhatif()}>Reset</button>
    </div>`;
  }

  // ---- interaction --------------------------------------------------------------------------

  private _toggle(id: string, open: boolean): void {
    const n = this._layout?.byId.get(id);
    if (!n || !n.hasChildren || n.expanded === open) return;
    this._anchor = { id, x: n.x * this._t.k + this._t.x, y: n.y * this._t.k + this._t.y };
    this._expansion = setExpanded(this._expansion, [id], open);
  }

  private _focusItem(id: string): void {
    this._focus = id;
    this._panTo = id;
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelector(`[role="treeitem"][data-id="${CSS.escape(id)}"]`) as SVGGElement | null;
      el?.focus({ preventScroll: true });
    });
  }

  private _onCardClick = (e: MouseEvent) => {
    if (this._dragged) return;
    const id = (e.currentTarget as Element).getAttribute('data-id')!;
    const n = this._layout?.byId.get(id);
    if (!n) return;
    this._selected = id;
    this._focus = id;
    if (n.hasChildren) this._toggle(id, !n.expanded);
    this.select(id);
  };

  private _onKey = (e: KeyboardEvent) => {
    const layout = this._layout;
    const item = (e.target as Element).closest?.('[role="treeitem"]');
    if (!layout || !item || e.altKey || e.ctrlKey || e.metaKey) return;
    const id = item.getAttribute('data-id')!;
    const action = treeKeyAction(layout, id, e.key);
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      this._selected = id;
      this.select(id);
    }
    if (!action) {
      if (e.key.length === 1 && e.key !== ' ' && e.key !== '*') {
        // type-ahead: letters typed within a second add up
        const now = performance.now();
        this._typed = now - this._typedAt < 1000 ? this._typed + e.key : e.key;
        this._typedAt = now;
        const to = typeaheadItem(layout, id, this._typed);
        if (to) (e.preventDefault(), this._focusItem(to));
      }
      return;
    }
    e.preventDefault();
    if (action.type === 'focus') this._focusItem(action.id);
    else if (action.type === 'expand') this._toggle(action.id, true);
    else if (action.type === 'collapse') this._toggle(action.id, false);
    else this._expansion = setExpanded(this._expansion, action.ids, true);
    this._focus = action.type === 'focus' ? action.id : id;
  };

  private _onWheel = (e: WheelEvent) => {
    // a wheel zooms around the pointer; a trackpad pinch arrives as a wheel with ctrlKey
    e.preventDefault();
    const r = (e.currentTarget as Element).getBoundingClientRect();
    const factor = wheelZoomFactor(e.deltaY, e.deltaMode, e.ctrlKey);
    this._setView(zoomAt(this._t, factor, { x: e.clientX - r.left, y: e.clientY - r.top }, this._limits));
  };

  private _onPointerDown = (e: PointerEvent) => {
    if ((e.target as Element).closest('.toolbar, .whatif')) return;
    this._pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this._dragged = false;
  };

  private _onPointerMove = (e: PointerEvent) => {
    const prev = this._pointers.get(e.pointerId);
    if (!prev) return;
    const stage = e.currentTarget as Element;
    if (this._pointers.size === 2) {
      // pinch: scale by the change of the fingers' distance, their midpoint carrying the view
      const [a0, b0] = [...this._pointers.values()];
      this._pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const [a1, b1] = [...this._pointers.values()];
      const r = stage.getBoundingClientRect();
      const local = (p: { x: number; y: number }) => ({ x: p.x - r.left, y: p.y - r.top });
      this._setView(pinch(this._t, local(a0!), local(b0!), local(a1!), local(b1!), this._limits));
      this._dragged = true;
      return;
    }
    const dx = e.clientX - prev.x;
    const dy = e.clientY - prev.y;
    if (!this._dragged && Math.hypot(dx, dy) < 4) return;
    if (!this._dragged) {
      this._dragged = true;
      try {
        stage.setPointerCapture(e.pointerId);
      } catch {
        // synthetic pointers cannot be captured; the drag still works inside the stage
      }
    }
    this._pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this._setView(panBy(this._t, dx, dy));
  };

  private _onPointerUp = (e: PointerEvent) => {
    this._pointers.delete(e.pointerId);
    // the click that follows a drag must not toggle a card
    if (this._dragged) setTimeout(() => (this._dragged = false), 0);
  };

  private async _download(kind: 'svg' | 'png'): Promise<void> {
    try {
      const blob = kind === 'svg' ? new Blob([this.exportSVG()], { type: 'image/svg+xml' }) : await this.exportPNG();
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `driver-tree.${kind}`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch {
      // an export that fails (a tainted canvas, no memory) must not throw into the page
    }
  }
}

const transformText = (t: ViewTransform) => `translate(${round(t.x)},${round(t.y)}) scale(${t.k})`;

const contains = (outer: TreeBounds, inner: TreeBounds) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const INLINE = [
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
] as const;

/** Copy the computed look of every element into presentation attributes (CSP-safe, no style=""). */
function inlineStyles(root: SVGSVGElement): void {
  // Read everything before writing: the rules match on classes (".card .box"), so removing an
  // ancestor's class first would turn its children's fill to the default black.
  const all = [root, ...root.querySelectorAll('*')];
  const looks = all.map((el) => {
    const cs = getComputedStyle(el);
    return { values: INLINE.map((p) => cs.getPropertyValue(p)), hidden: cs.display === 'none' };
  });
  all.forEach((el, i) => {
    const { values, hidden } = looks[i]!;
    INLINE.forEach((p, j) => {
      const v = values[j]!;
      if (v && v !== 'none' && !(p === 'opacity' && v === '1')) el.setAttribute(p, v);
      else if (p === 'fill' && v === 'none') el.setAttribute('fill', 'none');
    });
    if (hidden) el.setAttribute('display', 'none');
    el.removeAttribute('class');
    el.removeAttribute('part');
    el.removeAttribute('tabindex');
    for (const a of [...el.attributes])
      if (a.name.startsWith('aria-') || a.name === 'role' || a.name === 'data-id') el.removeAttribute(a.name);
  });
}
