// A second, smaller tour (tests/fixtures/small-tour/tour.json: two groups, five stops, its own title and
// dates) built by `tools/build-tour` into target/tour-dist/: the widget is the same code for any tour.
// A smoke test: the overview, a stop, the route tabs, the start's card and the text version.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, root } from './server.mjs';
import { launch, openPage, load, shot, titleBecomes, ARTICLE, PHONE } from './browser.mjs';

const dist = path.join(root, 'target', 'tour-dist');
const tour = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'small-tour', 'tour.json'), 'utf8'));

let server, browser;
before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'build it first: tools/build-tour tests/fixtures/small-tour/tour.json');
  server = await serve({ dist });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('the small tour: its own title, figures and five stops on two routes, nothing of the big story', async () => {
  for (const [name, options] of [['article', ARTICLE], ['phone', PHONE]]) {
    const page = await openPage(browser, options);
    await load(page, server.url + '#/');
    assert.equal(await page.locator('.ct-title').textContent(), tour.event.headline.zh);
    assert.equal(await page.locator('.ct-root [data-stop]').count(), 5);
    assert.deepEqual(await page.locator('.ct-fig-n').allTextContents(), ['2', '2', '5', '5']);
    assert.match(await page.locator('.ct-dates').textContent(), /2025年3月10日—11日/);
    assert.deepEqual(await page.locator('.ct-tab').allTextContents(), ['全部', '1南线', '2东线']);
    const text = await page.locator('.ct-root').textContent();
    for (const absent of ['百强', '湖南学员', '三点共同体会', '十八', '第三组']) assert.ok(!text.includes(absent), absent);
    assert.equal(await page.locator('.ct-svg').getAttribute('aria-label'), tour.labels.map.zh);
    await shot(page, `fixture-overview-${name}`);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  }
});

test('the small tour: a stop, the route tabs and the start\'s card', async () => {
  const page = await openPage(browser, ARTICLE);
  await load(page, server.url + '#/');
  await page.locator('[data-stop=keqiao]').click();
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区');
  assert.match(await page.locator('.ct-card-kicker').textContent(), /南线 · 第2站（共2站）/);
  await page.locator('.ct-card .ct-next').click();
  assert.equal(await titleBecomes(page, '海宁市'), '海宁市', 'next carries on into the second route');
  await page.locator('.ct-tab', { hasText: '东线' }).click();
  await page.waitForSelector('.ct-route-panel');
  const names = await page.locator('.ct-legs li .ct-link').allTextContents();
  assert.deepEqual(names.map((n) => n.replace(/^\d/, '')), ['海宁市', '桐乡市', '嘉善县']);
  await page.keyboard.press('Escape');
  await page.locator('.ct-root [data-start=hangzhou]').click();
  assert.equal(await titleBecomes(page, '杭州 · 出发'), '杭州 · 出发');
  await shot(page, 'fixture-start');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the small tour: the text version lists its five stops, and the page works without the app', async () => {
  const page = await openPage(browser);
  await load(page, server.url);
  const names = await page.evaluate(() => {
    const doc = new DOMParser().parseFromString(document.getElementById('ct-static').innerHTML, 'text/html');
    return [...doc.querySelectorAll('.ct-static ol > li strong')].map((e) => e.textContent);
  });
  assert.deepEqual(names, ['义乌市', '柯桥区', '海宁市', '桐乡市', '嘉善县']);
  await page.context().close();
  const off = await openPage(browser, { ...ARTICLE, javaScriptEnabled: false });
  await off.goto(server.url);
  await off.locator('#ct-first [data-stop=jiashan]:visible').click();
  assert.equal(await off.locator('#ct-first .ct-target:target h2').textContent(), '嘉善县');
  await off.context().close();
});
