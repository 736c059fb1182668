// Guarded registration: the kit may be on a page twice (two copies, or two versions). Defining a
// tag that exists must not throw (customElements.define would); the first copy keeps the tag.
import { VERSION } from '../version.js';

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  try {
    const existing = customElements.get(tag) as (CustomElementConstructor & { version?: string }) | undefined;
    if (existing) {
      const mine = (ctor as { version?: string }).version ?? VERSION;
      if (existing !== ctor && existing.version !== mine) {
        console.warn(
          `ocmf-widgets ${mine}: <${tag}> is already defined by version ${existing.version ?? 'unknown'}; keeping that one.`,
        );
      }
      return;
    }
    customElements.define(tag, ctor);
  } catch (err) {
    // e.g. a scoped registry or a class already used for another tag: never throw into the page
    console.warn(`ocmf-widgets ${VERSION}: could not define <${tag}>:`, err);
  }
}
