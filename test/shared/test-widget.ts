// A minimal element on the shared base, for testing the base alone (tests only; not in the kit).
import { html } from 'lit';
import type { Evaluation } from '../../src/engine/types.js';
import { OcmfElement } from '../../src/shared/base-element.js';
import { defineElement } from '../../src/shared/define.js';
import { formatScore } from '../../src/shared/format.js';

export class OcmfTestWidget extends OcmfElement {
  protected override readonly _widgetName = 'test widget';
  renders = 0;
  private _overrides: Record<string, number | null> = {};
  /** What-if values (as the driver tree's): new engine options for the same document. */
  setOverrides(overrides: Record<string, number | null>): void {
    this._overrides = overrides;
    this._invalidateEvaluation();
  }
  protected override _evaluateOptions() {
    return { overrides: this._overrides };
  }
  protected override _renderSkeleton() {
    return html`<div class="skeleton" part="skeleton" aria-hidden="true"></div>`;
  }
  protected override _renderReady(ev: Evaluation) {
    this.renders++;
    const node = this._selectedNode!;
    if (node.label === 'THROW') throw new Error('boom');
    return html`<p part="score" data-id=${node.id}>${formatScore(node.score, this._resolvedLocale)}</p>
      <p part="label">${node.label}</p>
      <button part="pick" @click=${() => this.select(node.id)}>pick</button>
      <span part="count">${Object.keys(ev.nodes).length}</span>`;
  }
}
defineElement('ocmf-test-widget', OcmfTestWidget);

declare global {
  interface HTMLElementTagNameMap {
    'ocmf-test-widget': OcmfTestWidget;
  }
}
