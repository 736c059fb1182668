// The host's content-box size as a Lit reactive controller. One ResizeObserver serves every
// element on the page (50 gauges = 1 observer, not 50); each host is observed only while connected.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement;

const controllers = new Map<Element, ResizeController>();
let observer: ResizeObserver | undefined;

/** Live resources, for leak tests: elements observed now. */
export const resizeStats = {
  get observed(): number {
    return controllers.size;
  },
};

// Re-rendering inside the ResizeObserver callback changes the host's height in the same frame,
// which Chromium reports as "ResizeObserver loop completed with undelivered notifications" (a
// window error a host page sees). So the re-render waits for the next frame, one rAF for all.
const dirty = new Set<ResizeController>();

// Hosts connected but not observed yet. The first of them to need its width reads them all at
// once: 50 gauges given data in one task then cost one layout, not one forced layout each
// between the previous gauge's DOM writes (gauge50: 58 layouts, ~130 ms of style and layout).
const unmeasured = new Set<ResizeController>();
let frame = 0;
function flush(): void {
  frame = 0;
  const hosts = [...dirty];
  dirty.clear();
  for (const c of hosts) c.flush();
}

function onResize(entries: ResizeObserverEntry[]): void {
  for (const e of entries) {
    const c = controllers.get(e.target);
    if (!c) continue;
    const box = e.contentBoxSize?.[0];
    c.set(box ? box.inlineSize : e.contentRect.width, box ? box.blockSize : e.contentRect.height);
  }
}

export class ResizeController implements ReactiveController {
  /**
   * Content-box width in CSS px: 0 until the first observation or `measure()`, or while not
   * rendered. Kept while disconnected (a host moved elsewhere is re-read by the next report).
   */
  width = 0;
  height = 0;

  /**
   * @param trackHeight re-render when only the height changes too (off by default: most widgets size
   * by width, and their own content sets an auto height, which would re-render them for nothing).
   */
  constructor(
    private readonly host: Host,
    private readonly trackHeight = false,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    observer ??= new ResizeObserver(onResize);
    controllers.set(this.host, this);
    observer.observe(this.host);
    if (!this.width) unmeasured.add(this);
  }

  hostDisconnected(): void {
    controllers.delete(this.host);
    dirty.delete(this);
    unmeasured.delete(this);
    observer?.unobserve(this.host);
  }

  /**
   * The host has just drawn at the current size (its render reads width/height every update): drop
   * the re-render a new size queued for the next frame. Opt-in, called from the host's updated().
   */
  drawn(): void {
    dirty.delete(this);
  }

  /** @internal */
  set(width: number, height: number): void {
    // sub-pixel jitter would re-render for nothing
    unmeasured.delete(this);
    const w = Math.round(width);
    const h = Math.round(height);
    const changed = w !== this.width || (this.trackHeight && h !== this.height);
    this.width = w;
    this.height = h;
    if (changed) {
      dirty.add(this);
      frame ||= requestAnimationFrame(flush);
    }
  }

  /**
   * Read the width now when no observation has arrived yet (data set before or just as the host
   * was connected): one layout read instead of drawing at a guessed width, then again a frame later.
   */
  measure(): void {
    if (this.width || !this.host.isConnected) return;
    // reads only, no writes in between: one layout for the whole batch
    const batch = unmeasured.has(this) ? [...unmeasured] : [this];
    for (const c of batch) {
      unmeasured.delete(c);
      if (!c.host.isConnected) continue;
      c.width = Math.round(c.host.clientWidth);
      if (c.trackHeight) c.height = Math.round(c.host.clientHeight);
    }
  }

  /** @internal */
  flush(): void {
    if (this.host.isConnected) this.host.requestUpdate();
  }
}
