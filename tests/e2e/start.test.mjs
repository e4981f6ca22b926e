// The opening city (杭州 · 开班) is a control like the stops: a click, Enter or Space on its marker, or the
// address #/hangzhou, opens its card with the reported facts and the background apart. It is not a numbered
// stop: the 18 stops and the walk through them stay as they were. Without the app its marker is a link whose
// card the page shows by :target.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shot, titleBecomes, ARTICLE, PHONE, hashBecomes } from './browser.mjs';

const tour = JSON.parse(fs.readFileSync(path.join(root, 'assets', 'tour.json'), 'utf8'));
const reported = tour.start.facts.filter((f) => f.tag === 'A');
const background = tour.start.facts.filter((f) => f.tag === 'B');

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The open card's reported facts and its background facts, as the reader sees them. */
async function cardFacts(page, scope = '.ct-card') {
  return {
    a: await page.locator(`${scope} .ct-card-body > .ct-facts li`).allTextContents(),
    b: await page.locator(`${scope} .ct-bg .ct-facts li`).allTextContents(),
  };
}

for (const [name, options] of [['article', ARTICLE], ['phone', PHONE]]) {
  test(`${name}: a click on the 杭州 marker opens 杭州 · 开班, reported and background apart`, async () => {
    const page = await openPage(browser, options);
    await load(page, server.url + '#/');
    const marker = page.locator('.ct-root [data-start=hangzhou]');
    assert.equal(await marker.count(), 1);
    assert.equal(await marker.getAttribute('aria-label'), '杭州 · 开班，三组共同的起点');
    await (name === 'phone' ? marker.tap() : marker.click());
    assert.equal(await titleBecomes(page, '杭州 · 开班'), '杭州 · 开班');
    assert.equal(await hashBecomes(page, '#/hangzhou'), '#/hangzhou');
    assert.deepEqual(await cardFacts(page), { a: reported.map((f) => f.zh), b: background.map((f) => f.zh) });
    assert.equal(await page.locator('.ct-card .ct-badge').count(), 0, 'no group number: not a stop');
    assert.equal(await page.locator('.ct-root [data-start=hangzhou]').getAttribute('aria-current'), 'true');
    // Still 18 numbered stops; the next stop from here is the first one.
    assert.equal(await page.locator('.ct-root [data-stop]').count(), 18);
    await page.locator('.ct-card .ct-next').click();
    assert.equal(await titleBecomes(page, '余杭区'), '余杭区');
    await shot(page, `start-${name}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test('#/hangzhou opens the card, in English too; a lesson\'s 杭州 link opens it; Esc returns to the overview', async () => {
  const page = await openPage(browser, ARTICLE);
  await load(page, server.url + '?lang=en#/hangzhou');
  assert.equal(await titleBecomes(page, 'Hangzhou · opening'), 'Hangzhou · opening');
  assert.deepEqual(await cardFacts(page), { a: reported.map((f) => f.en), b: background.map((f) => f.en) });
  await shot(page, 'start-en');
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  await page.locator('.ct-lesson').first().getByRole('button', { name: 'Hangzhou' }).click();
  assert.equal(await titleBecomes(page, 'Hangzhou · opening'), 'Hangzhou · opening');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('keyboard: Tab reaches the 杭州 marker with a visible ring, Enter and Space open its card', async () => {
  const page = await openPage(browser, ARTICLE);
  await load(page, server.url + '#/');
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.matches('[data-start]') ?? false);
  }
  assert.ok(reached, 'the 杭州 marker is in the tab order');
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const mk = getComputedStyle(el.querySelector('.ct-start-mk'));
    const hit = getComputedStyle(el.querySelector('.ct-hit'));
    return { visible: el.matches(':focus-visible'), width: parseFloat(mk.strokeWidth), hit: hit.stroke };
  });
  assert.ok(ring.visible && ring.width >= 4 && ring.hit !== 'none', JSON.stringify(ring));
  await page.keyboard.press('Enter');
  assert.equal(await titleBecomes(page, '杭州 · 开班'), '杭州 · 开班');
  await page.waitForFunction(() => document.querySelector('.ct-live')?.textContent.includes('杭州 · 开班'), null, { timeout: 3000 });
  await page.keyboard.press('Escape');
  await page.waitForSelector('.ct-overview');
  await page.locator('.ct-root [data-start]').focus();
  await page.keyboard.press('Space');
  assert.equal(await titleBecomes(page, '杭州 · 开班'), '杭州 · 开班');
  await page.keyboard.press('ArrowRight');
  assert.equal(await titleBecomes(page, '余杭区'), '余杭区');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('without the app, the prerendered 杭州 marker is a link and its card shows by :target', async () => {
  const page = await openPage(browser, { ...ARTICLE, javaScriptEnabled: false });
  await page.goto(server.url);
  const link = page.locator('#ct-first [data-start=hangzhou]:visible');
  assert.equal(await link.getAttribute('href'), '#/hangzhou');
  await link.click();
  const card = page.locator('#ct-first .ct-target:target');
  assert.equal(await card.locator('h2').textContent(), '杭州 · 开班');
  assert.deepEqual(await cardFacts(page, '#ct-first .ct-target:target'), { a: reported.map((f) => f.zh), b: background.map((f) => f.zh) });
  assert.equal(await page.locator('#ct-first .ct-overview').isVisible(), false, 'the card takes the overview\'s place');
  await shot(page, 'start-nojs');
  await page.context().close();
});

test('the text version the panic fallback shows opens with 杭州 · 开班 and its facts', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  const text = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(document.getElementById('ct-static').innerHTML, 'text/html');
    return doc.querySelector('.ct-static').textContent;
  });
  const at = text.indexOf('杭州 · 开班');
  assert.ok(at > 0 && at < text.indexOf('余杭区'), 'before the first stop');
  for (const f of reported) assert.ok(text.includes(f.zh), f.zh);
  for (const f of background) assert.ok(text.includes(`背景：${f.zh}`), f.zh);
  await page.context().close();
});
