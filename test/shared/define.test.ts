import { expect } from '@open-wc/testing';
import { defineElement } from '../../src/shared/define.js';

class A extends HTMLElement {
  static version = 'test';
}
class B extends HTMLElement {
  static version = '0.0.1-other';
}
class C extends HTMLElement {
  static version = 'test';
}

describe('defineElement', () => {
  it('defines a new tag, and does nothing (no throw) when the tag exists', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement('ocmf-define-test-a', A);
      expect(customElements.get('ocmf-define-test-a')).to.equal(A);
      defineElement('ocmf-define-test-a', A); // the same copy again
      defineElement('ocmf-define-test-a', C); // another copy, same version: silent
      expect(warnings).to.have.length(0);
      defineElement('ocmf-define-test-a', B); // another version: a warning, the first keeps the tag
      expect(warnings).to.have.length(1);
      expect(String((warnings[0] as unknown[])[0]))
        .to.contain('0.0.1-other')
        .and.contain('version test');
      expect(customElements.get('ocmf-define-test-a')).to.equal(A);
    } finally {
      console.warn = warn;
    }
  });

  it('never throws, even for a name the registry rejects', () => {
    const warn = console.warn;
    console.warn = () => {};
    try {
      expect(() => defineElement('NotValid', class extends HTMLElement {})).not.to.throw();
    } finally {
      console.warn = warn;
    }
  });
});
