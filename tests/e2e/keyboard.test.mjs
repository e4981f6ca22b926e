// Keyboard only: Tab, Shift+Tab, Enter, Space, arrows and Esc reach every part of the widget, focus is
// always visible, and the live region says where the reader is after each change.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, load, titleBecomes, ARTICLE, hashBecomes } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Press Tab (or Shift+Tab) until the focused element matches `selector`; fails after `max` presses. */
async function tabTo(page, selector, { back = false, max = 40 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i + 1;
  }
  assert.fail(`${selector} not reached with ${max} ${back ? 'Shift+Tab' : 'Tab'} presses`);
}

/** How the focused element shows focus: a CSS outline on HTML controls, a stroke on SVG markers. */
async function focusRing(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { ok: false, what: 'nothing focused' };
    const focusVisible = el.matches(':focus-visible');
    const cs = getComputedStyle(el);
    if (el.matches('[data-stop]')) {
      const mk = getComputedStyle(el.querySelector('.ct-mk'));
      const hit = getComputedStyle(el.querySelector('.ct-hit'));
      return { ok: focusVisible && parseFloat(mk.strokeWidth) >= 4 && hit.stroke !== 'none', what: `marker stroke ${mk.stroke} ${mk.strokeWidth}, ring ${hit.stroke}` };
    }
    return { ok: focusVisible && cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2, what: `${el.className} outline ${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}` };
  });
}

async function assertFocusVisible(page, where) {
  const ring = await focusRing(page);
  assert.ok(ring.ok, `focus visible at ${where}: ${ring.what}`);
}

/** The live region's text once it contains `want`, or whatever it says after 3 s. */
async function announced(page, want) {
  await page.waitForFunction((w) => document.querySelector('.ct-live[role=status][aria-live=polite]')?.textContent.includes(w), want, { timeout: 3000 }).catch(() => {});
  return page.locator('.ct-live').textContent();
}

test('keyboard only: reach a marker, open it, walk next and previous, switch tabs and language, and return', async () => {
  const page = await openPage(browser, ARTICLE);
  await load(page, server.url + '#/');

  // Tab through the header and the tabs to the first stop marker.
  await tabTo(page, '.ct-present-btn');
  await assertFocusVisible(page, 'the presenter button');
  await tabTo(page, '.ct-tab');
  await assertFocusVisible(page, 'the first tab');
  await tabTo(page, '[data-stop]');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.stop), 'yuhang');
  await assertFocusVisible(page, 'the first marker');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.stop), 'yiwu');
  await assertFocusVisible(page, 'the second marker');

  // Enter opens the focused stop; the live region names it.
  await page.keyboard.press('Enter');
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  assert.match(await announced(page, '义乌市'), /义乌市/);
  // The map flies to it meanwhile, hiding the markers' shapes but not the marker buttons: the focus stays.
  await page.waitForTimeout(1500);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.stop), 'yiwu', 'the focus stays on 义乌 through its flight');
  assert.equal(await hashBecomes(page, '#/yiwu'), '#/yiwu');

  // Arrows walk the tour.
  await page.keyboard.press('ArrowRight');
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区');
  assert.match(await announced(page, '柯桥区'), /柯桥区/);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  assert.match(await announced(page, '义乌市'), /义乌市/);

  // The card's own buttons, with Enter and Space.
  await tabTo(page, '.ct-card .ct-next');
  await assertFocusVisible(page, 'the next button');
  await page.keyboard.press('Enter');
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区');
  assert.match(await announced(page, '柯桥区'), /柯桥区/);
  await page.keyboard.press('Space');
  assert.equal(await titleBecomes(page, '新吴区'), '新吴区');
  assert.match(await announced(page, '新吴区'), /新吴区/);
  await tabTo(page, '.ct-card .ct-prev', { back: true });
  await assertFocusVisible(page, 'the previous button');
  await page.keyboard.press('Space');
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区');
  assert.match(await announced(page, '柯桥区'), /柯桥区/);

  // Back up to the tabs and pick 第二组 with Space.
  await tabTo(page, '.ct-tab:nth-child(3)', { back: true, max: 60 });
  await assertFocusVisible(page, 'the 第二组 tab');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelector('.ct-tab[aria-selected=true]')?.textContent.includes('第二组'), null, { timeout: 3000 });
  assert.equal(await hashBecomes(page, '#/route/2'), '#/route/2');
  assert.match(await announced(page, '第二组'), /第二组/);
  assert.equal(await page.locator('[role=tablist] [role=tab][aria-selected=true]').count(), 1);
  // Enter on another tab.
  await page.keyboard.press('Tab');
  await assertFocusVisible(page, 'the 第三组 tab');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('.ct-tab[aria-selected=true]')?.textContent.includes('第三组'), null, { timeout: 3000 });
  assert.equal(await hashBecomes(page, '#/route/3'), '#/route/3');

  // A stop of the group from the route panel's list.
  await tabTo(page, '.ct-route-panel .ct-link');
  await assertFocusVisible(page, 'the first stop in the route list');
  await page.keyboard.press('Enter');
  assert.equal(await titleBecomes(page, '余姚市'), '余姚市');
  assert.match(await announced(page, '余姚市'), /余姚市/);

  // Switch the language from the keyboard; the card and the live region follow.
  await tabTo(page, '.ct-lang', { back: true, max: 60 });
  await assertFocusVisible(page, 'the language button');
  await page.keyboard.press('Enter');
  assert.equal(await titleBecomes(page, 'Yuyao'), 'Yuyao');
  assert.match(await announced(page, 'Yuyao'), /Yuyao/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  await page.keyboard.press('ArrowRight');
  assert.equal(await titleBecomes(page, 'Qianwan New Area'), 'Qianwan New Area');
  assert.match(await announced(page, 'Qianwan'), /Qianwan/);

  // Esc returns to the overview and says so.
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  assert.equal(await hashBecomes(page, '#/'), '#/');
  assert.match(await announced(page, 'overview'), /overview/i);
  // And back to Chinese, still by keyboard.
  await tabTo(page, '.ct-lang', { back: true, max: 60 });
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN', null, { timeout: 3000 });
  assert.match(await announced(page, '总览'), /总览/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
