import { expect } from '@open-wc/testing';
import {
  dayNumber,
  utcDate,
  formatDays,
  formatDelta,
  formatPoints,
  formatScore,
  formatShare,
  formatValue,
  MISSING,
} from '../../src/shared/format.js';

describe('format', () => {
  it('formats each unit in its own terms (en-US)', () => {
    expect(formatValue(88, 'percent', 'en-US')).to.equal('88%');
    expect(formatValue(88.25, 'percent', 'en-US')).to.equal('88.3%');
    expect(formatValue(32, 'nps', 'en-US')).to.equal('+32');
    expect(formatValue(-12, 'nps', 'en-US')).to.equal('-12');
    expect(formatValue(0, 'nps', 'en-US')).to.equal('0');
    expect(formatValue(12.54, 'days', 'en-US')).to.equal('12.5 days');
    expect(formatValue(1, 'days', 'en-US')).to.equal('1 day');
    expect(formatValue(3.25, 'hours', 'en-US')).to.equal('3.3 hr');
    expect(formatValue(1200, 'currency', 'en-US', 'USD')).to.equal('$1,200');
    expect(formatValue(1200.5, 'currency', 'de-DE', 'EUR')).to.equal('1.200,50\u00a0€');
    expect(formatValue(1.256, 'ratio', 'en-US')).to.equal('1.26');
    expect(formatValue(1234.4, 'count', 'en-US')).to.equal('1,234');
    expect(formatValue(5.4, 'ces', 'en-US')).to.equal('5.4');
    expect(formatValue(67.46, 'score', 'en-US')).to.equal('67.5');
  });

  it('follows the locale', () => {
    expect(formatValue(88.5, 'percent', 'de-DE')).to.equal('88,5\u00a0%');
    expect(formatScore(67.5, 'fr-FR')).to.equal('67,5');
  });

  it('shows a missing value as a dash, never 0', () => {
    for (const unit of ['percent', 'nps', 'days', 'hours', 'currency', 'ratio', 'count', 'score', 'ces'] as const) {
      expect(formatValue(null, unit, 'en-US')).to.equal(MISSING);
      expect(formatValue(undefined, unit, 'en-US')).to.equal(MISSING);
      expect(formatValue(NaN, unit, 'en-US')).to.equal(MISSING);
    }
    expect(formatScore(null)).to.equal('–');
    expect(formatShare(null)).to.equal('–');
    expect(formatPoints(null)).to.equal('–');
  });

  it('signs deltas with an arrow and pts', () => {
    expect(formatDelta(3.24, 'en-US')).to.include({ text: '▲ +3.2 pts', direction: 'up', spoken: 'up 3.2 points' });
    expect(formatDelta(-1.5, 'en-US')).to.include({ text: '▼ -1.5 pts', direction: 'down', spoken: 'down 1.5 points' });
    // rounds to 0.0 first, so no arrow claims a change that the number does not show
    expect(formatDelta(0.04, 'en-US')).to.include({ text: '■ 0.0 pts', direction: 'flat' });
    expect(formatDelta(null, 'en-US')).to.include({ text: '–', direction: 'none' });
  });

  it('formats points, shares and days', () => {
    expect(formatPoints(6, 'en-US')).to.equal('+6.0 pts');
    expect(formatPoints(6, 'en-US', false)).to.equal('6.0 pts');
    expect(formatShare(0.82, 'en-US')).to.equal('82%');
    expect(formatDays(-10, 'en-US', true)).to.equal('-10 days');
    expect(formatDays(20, 'en-US', true)).to.equal('+20 days');
  });

  it('writes a value that rounds to zero as 0, never -0, in every unit and locale', () => {
    // (Intl's default writes "-0 days" for -0.02 days, "-$0" for -0.001 dollars: a minus on nothing)
    for (const locale of ['en-US', 'de-DE', 'ar-EG']) {
      for (const unit of ['percent', 'days', 'hours', 'ratio', 'count', 'score', 'ces', 'currency'] as const) {
        const shown = formatValue(-0.0001, unit, locale, 'USD');
        expect(shown, `${unit} ${locale}`).to.equal(formatValue(0, unit, locale, 'USD'));
        expect(shown, `${unit} ${locale}`).to.not.match(/[-\u2212]/); // (ar-EG's minus is U+061C then -)
      }
      expect(formatScore(-0.01, locale), locale).to.equal(formatScore(0, locale));
      expect(formatPoints(-0.01, locale, false), locale).to.equal(formatPoints(0, locale, false));
      expect(formatShare(-0.001, locale), locale).to.equal(formatShare(0, locale));
      expect(formatDays(-0.02, locale), locale).to.equal(formatDays(0, locale));
      expect(dayNumber(-0.02, locale), locale).to.equal(dayNumber(0, locale));
    }
    // signed formats keep their signs away from zero, and their minus on a real negative
    expect(formatDays(-0.02, 'en-US', true)).to.equal('0 days');
    expect(formatValue(-0.2, 'days', 'en-US')).to.equal('-0.2 days');
    expect(dayNumber(-0.2, 'en-US')).to.equal('\u22120.2');
  });

  it('survives an invalid locale or currency', () => {
    expect(() => formatValue(5, 'currency', 'en-US', 'NOT-A-CODE')).not.to.throw();
    expect(() => formatValue(5, 'percent', '!!bad!!')).not.to.throw();
  });
});

describe('day numbers and UTC dates', () => {
  it('writes days with at most one decimal and a real minus sign', () => {
    expect(dayNumber(-3, 'en-US')).to.equal('\u22123');
    expect(dayNumber(11.25, 'en-US')).to.equal('11.3');
    expect(dayNumber(-0, 'en-US')).to.equal('0');
    expect(dayNumber(1234.5, 'de-DE')).to.equal('1.234,5');
  });
  it('formats dates in UTC whatever the machine zone (midnight UTC stays on its day)', () => {
    expect(utcDate(Date.UTC(2026, 0, 1), 'full', 'en-US')).to.equal('Jan 1, 2026');
    expect(utcDate(Date.UTC(2026, 6, 1, 23, 30), 'month', 'en-US')).to.equal('Jul 2026');
  });
});
