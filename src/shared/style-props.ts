// Inline styles that survive a strict CSP. Lit's styleMap writes the `style` attribute as a string
// on first render, which `style-src 'self'` (no 'unsafe-inline') blocks as style-src-attr; setting
// properties through the CSSOM (element.style.setProperty) is allowed. Use in element position:
// html`<div ${styleProps({ 'font-size': '14px' })}>`.
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StylePropsDirective extends Directive {
  private previous = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProps() goes in element position: <div ${...}>');
  }

  render(_props: Record<string, string>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    for (const k of this.previous) if (!(k in props)) style.removeProperty(k);
    for (const [k, v] of Object.entries(props)) style.setProperty(k, v);
    this.previous = new Set(Object.keys(props));
    return noChange;
  }
}

/** Set CSS properties (kebab-case names) through the CSSOM, CSP-safe. */
export const styleProps = directive(StylePropsDirective);
