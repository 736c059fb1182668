// Inline styles that survive a strict CSP. Lit's styleMap writes the `style` attribute as a string
// on first render, which `style-src 'self'` (no 'unsafe-inline') blocks as style-src-attr; setting
// properties through the CSSOM (element.style.setProperty) is allowed. Use in element position:
// html`<div ${styleProps({ 'font-size': '14px' })}>`.
import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

class StylePropsDirective extends Directive {
  private previous = new Map<string, string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProps() goes in element position: <div ${...}>');
  }

  render(_props: Record<string, string>): unknown {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string>]): unknown {
    const style = (part.element as HTMLElement | SVGElement).style;
    const previous = this.previous;
    for (const k of previous.keys()) if (!(k in props)) style.removeProperty(k);
    // only what changed: any write to an inline style, even of the same value, costs a style
    // recalc of the element and, for inherited properties such as font-size, of its subtree
    for (const k in props) if (previous.get(k) !== props[k]) style.setProperty(k, props[k]!);
    this.previous = new Map(Object.entries(props));
    return noChange;
  }
}

/** Set CSS properties (kebab-case names) through the CSSOM, CSP-safe. */
export const styleProps = directive(StylePropsDirective);
