/**
 * Layout and accessibility measurements made in the browser: horizontal overflow, target sizes
 * (WCAG 2.5.8), focus indicator contrast (WCAG 1.4.11 / 2.4.7) computed from computed styles, and
 * axe rules by name (some, such as "region", are only "moderate" and not caught by seriousAxeViolations).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * tsx (esbuild, keepNames) wraps the named functions of code evaluated in the page in __name(): give
 * the page a harmless one.
 */
async function allowNamedFunctions(page: Page): Promise<void> {
  await page.evaluate('globalThis.__name ??= (f) => f');
}

/** Violations of the named axe rules, whatever their impact: "rule: selector" strings. */
export async function axeRuleViolations(page: Page, rules: string[]): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (only) => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'rule', values: only }, resultTypes: ['violations'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  }, rules);
}

/** How far the page scrolls sideways beyond the viewport, in CSS px (0: no horizontal scroll). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
}

/**
 * Visible interactive controls smaller than 24 x 24 CSS px. A link inside a sentence (its block has
 * other text) is exempt, as WCAG 2.5.8 allows; so is a control the browser draws inside a label
 * that is itself large enough (the label is the target).
 */
export async function smallTargets(page: Page, min = 24): Promise<string[]> {
  await allowNamedFunctions(page);
  return page.evaluate((size) => {
    const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`;
    const blockOf = (el: Element): Element => {
      let b: Element | null = el.parentElement;
      while (b && getComputedStyle(b).display.startsWith('inline')) b = b.parentElement;
      return b ?? document.body;
    };
    const out: string[] = [];
    const controls = document.querySelectorAll('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || el.closest('[hidden], .visually-hidden')) continue;
      if (el.matches('.skip-link')) continue; // off screen until focused
      if (r.width >= size && r.height >= size) continue;
      // A checkbox or radio button whose label (which also toggles it) is large enough.
      const labels = (el as HTMLInputElement).labels;
      if (labels && [...labels].some((l) => { const b = l.getBoundingClientRect(); return b.width >= size && b.height >= size; })) continue;
      if (el.tagName === 'A' && (blockOf(el).textContent ?? '').replace(/\s+/g, '').length > (el.textContent ?? '').replace(/\s+/g, '').length) continue;
      out.push(`${describe(el)} ${Math.round(r.width)}x${Math.round(r.height)}`);
    }
    return out;
  }, min);
}

/**
 * Focus every visible control in turn (after a Tab press, so the browser is in keyboard mode and
 * :focus-visible applies) and compute its focus outline's contrast against the colour next to it:
 * the background behind the element when the outline is offset outside it, its own otherwise.
 * Returns the controls below 3:1, narrower than 2 px or without an outline.
 */
export async function weakFocusIndicators(page: Page): Promise<string[]> {
  await allowNamedFunctions(page);
  await page.keyboard.press('Tab');
  return page.evaluate(() => {
    const parse = (c: string): [number, number, number, number] => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return [0, 0, 0, 0];
      const p = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0]!, p[1]!, p[2]!, p[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const background = (from: Element | null): number[] => {
      for (let e = from; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c[3] > 0) return c;
      }
      return [255, 255, 255, 1];
    };
    const weak: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex="0"]');
    for (const el of controls) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      el.focus();
      if (document.activeElement !== el || !el.matches(':focus-visible')) continue;
      const style = getComputedStyle(el);
      const label = `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || el.getAttribute('value') || '').trim().slice(0, 30)}"`;
      const width = parseFloat(style.outlineWidth) || 0;
      if (style.outlineStyle === 'none' || width < 2) {
        weak.push(`${label}: no outline`);
        continue;
      }
      const ring = luminance(parse(style.outlineColor));
      const offset = parseFloat(style.outlineOffset) || 0;
      const next = offset > 0 ? [background(el.parentElement)] : [background(el)];
      // An outline offset outside the element but overlapping nothing else touches the parent only.
      for (const c of next) {
        const l = luminance(c);
        const ratio = (Math.max(ring, l) + 0.05) / (Math.min(ring, l) + 0.05);
        if (ratio < 3) weak.push(`${label}: ${ratio.toFixed(2)}:1`);
      }
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return weak;
  });
}
