// Keyboard navigation: Tab through a page as a keyboard user does and check
// that every link and control is reached and shows a visible focus indicator.
import { contrast, parseColor } from './browser.mjs';

// Runs in the page: every element a keyboard user must be able to reach.
function listTabbables() {
  const sel = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  const all = Array.from(document.querySelectorAll(sel)).filter((el) =>
    el.tabIndex >= 0 && !el.disabled && !el.closest('[inert]') &&
    el.getClientRects().length > 0 &&
    el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }));
  window.__kbd = all;
  return all.map(describe);
  function describe(el) {
    const text = (el.getAttribute('aria-label') || el.textContent || el.getAttribute('href') || el.id || '').trim().replace(/\s+/g, ' ');
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}> ${text.slice(0, 60)}`;
  }
}

// Runs in the page: where the focus is now, and how it looks.
function focusedNow() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  let i = window.__kbd.indexOf(el);
  if (i < 0) { window.__kbd.push(el); i = window.__kbd.length - 1; }
  const cs = getComputedStyle(el);
  const r = el.getBoundingClientRect();
  return {
    i,
    tag: el.tagName.toLowerCase(),
    text: (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60),
    outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor,
    boxShadow: cs.boxShadow, borderColor: cs.borderBottomColor, background: cs.backgroundColor,
    around: background(el.parentElement),
    inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth,
  };
  function background(node) {
    for (let n = node; n; n = n.parentElement) {
      const c = getComputedStyle(n).backgroundColor;
      if (c && c !== 'transparent' && !/rgba\([^)]*,\s*0\)$/.test(c)) return c;
    }
    return 'rgb(255, 255, 255)';
  }
}

// Runs in the page: the same styles with nothing focused.
function unfocusedStyles(indices) {
  if (document.activeElement) document.activeElement.blur();
  return indices.map((i) => {
    const cs = getComputedStyle(window.__kbd[i]);
    return { outlineStyle: cs.outlineStyle, outlineWidth: cs.outlineWidth, outlineColor: cs.outlineColor,
      boxShadow: cs.boxShadow, borderColor: cs.borderBottomColor, background: cs.backgroundColor };
  });
}

/**
 * Tabs through the page from the top; returns problems (empty when every
 * tabbable element was reached and each showed a visible focus indicator).
 */
export async function keyboardProblems(page) {
  await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
  const expected = await page.evaluate(listTabbables);
  const reached = new Map();
  const limit = expected.length * 2 + 20;
  let empty = 0;
  for (let n = 0; n < limit; n++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusedNow);
    if (!f) { if (++empty > 2) break; continue; }
    if (reached.has(f.i)) break; // round the whole page
    reached.set(f.i, f);
  }
  const problems = [];
  expected.forEach((d, i) => { if (!reached.has(i)) problems.push(`not reached by Tab: ${d}`); });
  const indices = [...reached.keys()];
  const before = await page.evaluate(unfocusedStyles, indices);
  indices.forEach((i, k) => {
    const f = reached.get(i);
    const u = before[k];
    const name = `<${f.tag}> ${f.text}`;
    const outline = f.outlineStyle !== 'none' && parseFloat(f.outlineWidth) >= 2 &&
      (u.outlineStyle === 'none' || u.outlineWidth !== f.outlineWidth || u.outlineColor !== f.outlineColor);
    const shadow = f.boxShadow !== 'none' && f.boxShadow !== u.boxShadow;
    if (!outline && !shadow) {
      problems.push(`no visible focus indicator: ${name} (outline ${f.outlineStyle} ${f.outlineWidth}, box-shadow ${f.boxShadow})`);
      return;
    }
    if (outline) {
      const oc = parseColor(f.outlineColor);
      const bg = parseColor(f.around);
      const ratio = oc && bg ? contrast(oc, bg) : 0;
      if (ratio < 3) problems.push(`focus outline contrast ${ratio.toFixed(2)}:1 < 3:1 for ${name} (${f.outlineColor} on ${f.around})`);
    }
    if (!f.inView) problems.push(`focused element is not scrolled into view: ${name}`);
  });
  if (expected.length === 0) problems.push('nothing on the page can be reached by keyboard');
  return { problems, reached: reached.size, expected: expected.length };
}
