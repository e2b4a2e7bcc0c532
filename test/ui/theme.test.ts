import { describe, expect, it } from 'vitest';
import { contrastRatio, isColor, onAccent } from '../../widget/src/ui/theme';

describe('text on the accent colour', () => {
  it('picks white on dark accents and black on light ones', () => {
    expect(onAccent('#1f5fd1')).toBe('#ffffff');
    expect(onAccent('#000')).toBe('#ffffff');
    expect(onAccent('#ffffff')).toBe('#000000');
    expect(onAccent('#ffd400')).toBe('#000000'); // yellow
    expect(onAccent('rgb(0, 128, 0)')).toBe('#ffffff');
    expect(onAccent('rgb(144 238 144 / 50%)')).toBe('#000000'); // light green, alpha ignored
    expect(onAccent('rgba(100%, 100%, 100%, 0.2)')).toBe('#000000');
  });

  it('always chooses the colour with the better contrast ratio, for any accent', () => {
    for (let r = 0; r <= 255; r += 17) {
      for (let g = 0; g <= 255; g += 17) {
        for (let b = 0; b <= 255; b += 51) {
          const accent = `rgb(${r}, ${g}, ${b})`;
          const chosen = onAccent(accent);
          const other = chosen === '#000000' ? '#ffffff' : '#000000';
          expect(contrastRatio(accent, chosen)).toBeGreaterThanOrEqual(contrastRatio(accent, other));
          // Black or white on any colour reaches at least 4.5:1 with the better of the two.
          expect(contrastRatio(accent, chosen)).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(contrastRatio('#fff', '#fff')).toBe(1);
  });
});

describe('isColor', () => {
  it('accepts hex and rgb() colours', () => {
    for (const value of ['#abc', '#abcd', '#a1b2c3', '#a1b2c3d4', 'rgb(1,2,3)', 'rgba(1, 2, 3, .5)', 'rgb(10% 20% 30%)', 'RGB(1 2 3 / 0.4)']) {
      expect(isColor(value), value).toBe(true);
    }
  });

  it('refuses anything else, including CSS that could escape a declaration', () => {
    for (const value of ['', 'blue', '#ab', '#abcde', '#ggg', 'rgb(1,2)', 'rgb(1, 2%, 3)', 'red;}body{display:none', '#fff;x', 'url(x)', 42, null]) {
      expect(isColor(value), String(value)).toBe(false);
    }
  });

  it('gives white for an unreadable accent, the pair of the default accent', () => {
    expect(onAccent('not a colour')).toBe('#ffffff');
  });
});
