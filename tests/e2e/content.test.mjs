// The whole story in both languages: English cards, a language switch that keeps the view, the
// overview's figures, the Hunan takeaways, and route distances.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './server.mjs';
import { launch, openPage, load, shot, titleBecomes, PHONE, ARTICLE, hashBecomes } from './browser.mjs';

let server, browser;
before(async () => {
  server = await serve({ mount: '/news/2025/tour/' });
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

test('?lang=en#/yiwu shows an English card with its reported facts, and the page says it is English', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '?lang=en#/yiwu');
  assert.equal(await titleBecomes(page, 'Yiwu'), 'Yiwu');
  const card = page.getByRole('region', { name: 'Yiwu' });
  assert.match(await card.locator('.ct-sec-a').textContent(), /Reported/);
  assert.match(await card.textContent(), /300,000 e-commerce professionals/);
  assert.match(await card.textContent(), /Group 1, Stop 2 of 7/);
  assert.match(await card.textContent(), /Source: Sina Finance, 2025-03-03/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Every stop control is named in English too.
  assert.equal(await page.getByRole('button', { name: /^Jiangyin, Group 1/ }).count(), 1);
  assert.equal(await page.getByRole('button', { name: '中文' }).count(), 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('switching language keeps the stop, and switches every label, tab and aria-label', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/kunshan');
  assert.equal(await titleBecomes(page, '昆山市'), '昆山市');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await titleBecomes(page, 'Kunshan'), 'Kunshan');
  assert.equal(await hashBecomes(page, '#/kunshan'), '#/kunshan');
  assert.equal(await page.getByRole('tab', { name: /Group 2/ }).getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('.ct-svg').getAttribute('aria-label'), 'Map of the three routes and the 18 county-level stops');
  const labels = await page.locator('.ct-stop .ct-label').allTextContents();
  assert.ok(labels.length > 0 && labels.every((l) => /^[\x20-\x7e]+$/.test(l)), `map labels in English: ${labels}`);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.locator('.ct-map-foot .ct-credit').textContent(), 'Base map: Natural Earth');
  await page.getByRole('button', { name: '切换到中文' }).click();
  assert.equal(await titleBecomes(page, '昆山市'), '昆山市');
  assert.equal(await page.locator('.ct-map-foot .ct-credit').textContent(), '底图：Natural Earth', 'the base-map credit in Chinese too');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the content\'s English comes only for a reader who asks for it, and once', async () => {
  const page = await openPage(browser);
  const english = [];
  page.on('request', (r) => { if (/\/en-[0-9a-f]+\.js$/.test(r.url())) english.push(r.url()); });
  await load(page, server.url + '#/yiwu');
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  assert.deepEqual(english, [], 'a Chinese reader fetches no English');
  // A pointer over the switch starts the fetch, so the press seldom waits for it.
  const fetched = page.waitForResponse(/\/en-[0-9a-f]+\.js$/); // listening before the hover, which may be quicker
  await page.getByRole('button', { name: 'Switch to English' }).hover();
  await fetched;
  assert.equal(await page.locator('#ct-card-h').textContent(), '义乌市', 'still Chinese until pressed');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await titleBecomes(page, 'Yiwu'), 'Yiwu');
  assert.match(await page.getByRole('region', { name: 'Yiwu' }).textContent(), /300,000 e-commerce professionals/);
  await page.getByRole('button', { name: '切换到中文' }).click();
  assert.equal(await titleBecomes(page, '义乌市'), '义乌市');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  assert.equal(await titleBecomes(page, 'Yiwu'), 'Yiwu');
  assert.equal(english.length, 1, 'fetched once');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('if the content\'s English cannot come (offline, blocked), the switch still answers: English interface, the Chinese facts', async () => {
  const page = await openPage(browser);
  await page.route(/\/en-[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
  await load(page, server.url + '#/yiwu');
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.getByRole('button', { name: '切换到中文' }).waitFor();
  assert.equal(await page.locator('#ct-card-h').textContent(), '义乌市');
  assert.match(await page.locator('.ct-card').textContent(), /Stop 2 of 7.*Reported.*义乌国际商贸城/s, 'the interface in English, the facts in Chinese');
  assert.deepEqual(page.problems.filter((p) => !/404/.test(p)), [], 'nothing but the failed request');
  await page.context().close();
});

test('the overview gives the event at a glance: 18 places, 49 sessions, six themes, three lessons', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/');
  const figs = await page.locator('.ct-fig-n').allTextContents();
  assert.deepEqual(figs, ['6', '3', '18', '49']);
  const ov = await page.locator('.ct-overview').textContent();
  assert.match(ov, /2025年2月23日—28日/);
  assert.match(ov, /杭州/);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.waitForFunction(() => /23–28 February 2025/.test(document.querySelector('.ct-dates')?.textContent));
  await page.getByRole('button', { name: '切换到中文' }).click();
  await page.waitForFunction(() => /2025年2月23日—28日/.test(document.querySelector('.ct-dates')?.textContent));
  // Six themes and the article's open end (等), not a closed list.
  assert.deepEqual((await page.locator('.ct-chips li').allTextContents()).slice(5), ['现代服务业', '等']);
  // The Top-100 figures once, as the article words them, the year from the data.
  assert.match(ov, /2024年公布的全国百强县市中，江浙两省共有40个县市在列（江苏25个、浙江15个）/);
  assert.equal(ov.match(/百强/g).length, 1, 'said once');
  const lessons = await page.locator('.ct-lesson h4').allTextContents();
  assert.deepEqual(lessons, ['思想创新推动发展突围', '改革拼搏闯新路', '营商环境优无止境']);
  // A lesson's example links to the stop it comes from.
  await page.locator('.ct-lesson').nth(2).getByRole('button', { name: '江阴市' }).click();
  assert.equal(await titleBecomes(page, '江阴市'), '江阴市');
  await shot(page, 'content-jiangyin-zh');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('a stop with nothing reported says so plainly, in one sentence; an approximate location is flagged', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/taixing');
  assert.equal(await titleBecomes(page, '泰兴市'), '泰兴市');
  // Nothing reported and no background: one note, the same as in print (src/card_text.rs).
  assert.deepEqual(await page.locator('.ct-card .ct-empty').allTextContents(), ['报道只列出了这一站的名字，没有介绍具体案例；本图暂未收录其他资料。']);
  await load(page, server.url + '#/keqiao');
  assert.equal(await titleBecomes(page, '柯桥区'), '柯桥区');
  assert.deepEqual(await page.locator('.ct-card .ct-empty').allTextContents(), ['报道只列出了这一站的名字，没有介绍具体案例。']);
  assert.equal(await page.locator('.ct-card .ct-bg li').count(), 1);
  await load(page, server.url + '#/qianwan');
  assert.match(await page.locator('.ct-card-place').textContent(), /位置为估计值/);
  await page.context().close();
});

test('route tabs list the stops in order with straight-line legs and a total', async () => {
  const page = await openPage(browser);
  await load(page, server.url + '#/route/2');
  const legs = await page.locator('.ct-legs li .ct-leg-km').allTextContents();
  assert.equal(legs.length, 5);
  const kms = legs.map((t) => Number(t.match(/\d+/)[0]));
  const total = Number((await page.locator('.ct-total strong').textContent()).match(/\d+/)[0]);
  // Chinese typography: a full-width colon, no space before 公里.
  assert.match(await page.locator('.ct-total').textContent(), /^直线距离合计：\d+公里$/);
  assert.ok(legs.every((l) => /^\+\d+公里$/.test(l)), legs.join());
  assert.ok(Math.abs(kms.reduce((a, b) => a + b, 0) - total) <= 3, `${kms} vs ${total}`);
  const names = await page.locator('.ct-legs li .ct-link').allTextContents();
  assert.deepEqual(names.map((n) => n.replace(/^\d/, '')), ['海宁市', '桐乡市', '嘉善县', '昆山市', '常熟市']);
  await page.context().close();
});

test('#/hunan shows the four home places with their speakers, in both languages', async () => {
  for (const [lang, names, shotName, credit] of [
    ['', ['岳麓区', '洞口县', '武陵区', '桃江县'], 'hunan-zh', '底图：Natural Earth'],
    ['?lang=en', ['Yuelu District', 'Dongkou County', 'Wuling District', 'Taojiang County'], 'hunan-en', 'Base map: Natural Earth'],
  ]) {
    const page = await openPage(browser);
    await load(page, server.url + lang + '#/hunan');
    const places = await page.locator('.ct-speaker h3').allTextContents();
    assert.equal(places.length, 4);
    names.forEach((n, i) => assert.ok(places[i].startsWith(n), `${places[i]} starts with ${n}`));
    assert.equal(await page.locator('.ct-hn-place').count(), 4, 'four places on the inset map');
    // The inset's outlines arrive with the extras wasm, fetched when the view opens.
    await page.waitForFunction(() => (document.querySelector('.ct-hunan-map path.ct-focus')?.getAttribute('d') || '').length > 1000, null, { timeout: 5000 });
    const box = await page.locator('.ct-hunan-map path.ct-focus').boundingBox();
    assert.ok(box.width > 200 && box.height > 200, `Hunan's outline drawn across the inset: ${JSON.stringify(box)}`);
    assert.equal(await page.locator('.ct-credit').textContent(), credit);
    assert.deepEqual(page.problems, []);
    await shot(page, shotName);
    await page.context().close();
  }
});

test('screenshots: overview and a card in both languages, phone and article', async () => {
  for (const [name, opts, url] of [
    ['content-overview-zh', ARTICLE, '#/'], ['content-overview-en', ARTICLE, '?lang=en#/'],
    ['content-yiwu-en', ARTICLE, '?lang=en#/yiwu'], ['content-phone-en', PHONE, '?lang=en#/jiashan'],
  ]) {
    const page = await openPage(browser, opts);
    await load(page, server.url + url);
    await shot(page, name);
    assert.deepEqual(page.problems, [], name);
    await page.context().close();
  }
});
