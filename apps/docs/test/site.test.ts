/**
 * The built site in a real browser (Debian's Chromium driven by playwright-core; no browser is
 * downloaded — scripts/install-chromium.sh, or HORN_CHROMIUM): serve .vitepress/dist on 127.0.0.1 with
 * scripts/serve-site.mjs, crawl every page from both home pages, and use the demos as a student would.
 * Screenshots go to test-output/site/. Needs `pnpm build` first (turbo runs the docs build before this).
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
// @ts-expect-error -- a plain .mjs script without types
import { serveSite } from '../scripts/serve-site.mjs';

const dist = fileURLToPath(new URL('../.vitepress/dist', import.meta.url));
const shots = fileURLToPath(new URL('../test-output/site/', import.meta.url));
const CHROMIUM = process.env.HORN_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

interface Served {
  url: string;
  close(): Promise<void>;
}

let site: Served;
let plain: Served;
let browser: Browser;
/** Problems seen anywhere while pages ran: console errors, uncaught errors, failed same-origin requests. */
const problems: string[] = [];

function watch(context: BrowserContext, origin: string, scriptsOff = false) {
  context.on('page', (page) => watchPage(page, origin, scriptsOff));
  context.on('response', (r) => {
    if (r.url().startsWith(origin) && r.status() >= 400) problems.push(`HTTP ${r.status()} ${r.url()}`);
  });
}
function watchPage(page: Page, origin: string, scriptsOff: boolean) {
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${page.url()}: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught on ${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A prefetch cut short by the next page; a script preload refused where JavaScript is off.
    const expected = r.failure()?.errorText === 'net::ERR_ABORTED' || (scriptsOff && r.failure()?.errorText === 'csp');
    if (r.url().startsWith(origin) && !expected)
      problems.push(`request failed on ${page.url()}: ${r.url()} ${r.failure()?.errorText}`);
  });
}

async function newPage(origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  watch(context, origin);
  return context.newPage();
}

const shotName = (path: string) => `${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index'}.jpg`;

beforeAll(async () => {
  if (!existsSync(`${dist}/index.html`)) {
    throw new Error(`site test: ${dist} has no index.html; build the site first (pnpm --filter @horn/docs build)`);
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `site test: no Chromium at ${CHROMIUM}; run scripts/install-chromium.sh or set HORN_CHROMIUM to a Chromium binary`,
    );
  }
  rmSync(shots, { recursive: true, force: true });
  mkdirSync(shots, { recursive: true });
  site = await serveSite({ root: dist, port: 0 });
  plain = await serveSite({ root: dist, port: 0, isolated: false });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 30_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await plain?.close();
});

describe('the built site in Chromium', () => {
  beforeEach(() => {
    problems.length = 0;
  });

  test('every page loads without console errors, and every internal link resolves', async () => {
    const origin = site.url;
    const queue = ['/', '/ko/'];
    const seen = new Set(queue);
    const linkedFrom = new Map<string, string>();
    const notFound: string[] = [];
    const wrongSwitch: string[] = [];
    // The guides, demos and overviews load as a reader's browser runs them (hydrated, console watched).
    // The generated API reference (api/<package>/**, 29 pages, the biggest bundles) is read without
    // JavaScript — its HTML, links and assets — which keeps the whole test within its 90 s budget.
    const crawl = async (page: Page, staticPage: Page) => {
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        const reference = /^\/api\/[^/]+\//.test(path);
        const tab = reference ? staticPage : page;
        const response = await tab.goto(`${origin}${path}`, { waitUntil: 'load' });
        if (response?.status() !== 200) {
          notFound.push(`${path} (${response?.status()}, linked from ${linkedFrom.get(path)})`);
        }
        if (!reference) {
          await tab.screenshot({ path: `${shots}${shotName(path)}`, type: 'jpeg', quality: 50 });
          // The language menu names the twin page (the reference is English only: it has none).
          const twin = path.startsWith('/ko/') ? path.slice(3) : `/ko${path}`;
          const menu = await tab.$$eval('.VPNavBarTranslations a[href]', (as) => as.map((a) => a.getAttribute('href')));
          if (!menu.includes(twin))
            wrongSwitch.push(`${path}: language menu ${JSON.stringify(menu)}, expected ${twin}`);
        }
        const links = await tab.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
        for (const href of links) {
          if (!href.startsWith(origin)) continue;
          const target = new URL(href).pathname;
          if (/\.(svg|png|gz|json|txt)$/.test(target) || seen.has(target)) continue;
          if (reference && target === `/ko${path}`) continue;
          seen.add(target);
          linkedFrom.set(target, path);
          queue.push(target);
        }
      }
    };
    const staticContext = await browser.newContext({ javaScriptEnabled: false });
    watch(staticContext, origin, true);
    // Two pairs of tabs share the queue.
    await Promise.all([1, 2].map(async () => crawl(await newPage(origin), await staticContext.newPage())));
    expect(wrongSwitch).toEqual([]);
    expect(notFound).toEqual([]);
    expect(problems).toEqual([]);
    expect(seen.size).toBeGreaterThan(40);
    expect([...seen].filter((p) => p.startsWith('/ko/')).length).toBeGreaterThan(20);
  }, 90_000);

  test('the language switcher goes to the twin page and back', async () => {
    const page = await newPage(site.url);
    await page.goto(`${site.url}/guide/math`);
    await page.hover('.VPNavBarTranslations');
    await page.click('.VPNavBarTranslations a:has-text("한국어")');
    await page.waitForURL(`${site.url}/ko/guide/math`);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ko-KR');
    expect(await page.textContent('h1')).toContain('딥러닝을 위한 수학');
    await page.hover('.VPNavBarTranslations');
    await page.click('.VPNavBarTranslations a:has-text("English")');
    await page.waitForURL(`${site.url}/guide/math`);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en-US');
    expect(problems).toEqual([]);
  }, 30_000);

  test('the training demo passes 80% test accuracy, a drawn 1 is predicted 1, a blank canvas and Stop are said', async () => {
    const page = await newPage(site.url);
    await page.goto(`${site.url}/demos/train-mnist`);
    const backend = await page.textContent('[data-test=backend]', { timeout: 30_000 });
    expect(backend).toMatch(/WebAssembly SIMD, \d+ threads? /);
    if ((await page.evaluate(() => navigator.hardwareConcurrency)) > 1)
      expect(backend).toMatch(/cross-origin isolated\)/);
    await page.click('[data-test=train]:not([disabled])', { timeout: 30_000 });
    await page.waitForSelector('[data-test=accuracy]', { state: 'attached', timeout: 60_000 });
    const accuracy = Number(await page.getAttribute('[data-test=accuracy]', 'data-value'));
    expect(accuracy).toBeGreaterThan(0.8);
    expect(await page.textContent('[data-test=status]')).toMatch(/^Test accuracy \d+\.\d%/);

    const canvas = page.locator('[data-test=canvas]');
    await canvas.scrollIntoViewIfNeeded();
    await page.click('[data-test=predict]');
    await page.waitForSelector('text=The canvas is blank: draw a digit first.');
    const box = (await canvas.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 4, box.y + box.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await page.click('[data-test=predict]');
    expect(await page.getAttribute('[data-test=prediction]', 'data-digit', { timeout: 10_000 })).toBe('1');
    await page.screenshot({ path: `${shots}demo-train-mnist-trained.jpg`, type: 'jpeg', quality: 60, fullPage: true });

    // Stopped halfway: the page says so, evaluates what it has, and still predicts.
    await page.click('[data-test=train]');
    await page.waitForFunction(
      () => Number((document.querySelector('[data-test=progress]') as HTMLProgressElement).value) > 0.1,
    );
    await page.click('[data-test=stop]');
    await page.waitForSelector('text=/Stopped after \\d+ batches/', { timeout: 30_000 });
    await page.click('[data-test=predict]');
    await page.waitForSelector('[data-test=prediction]');
    expect(problems).toEqual([]);
  }, 90_000);

  test('the GradientTape playground gives 5, 14, 29 and names bad input', async () => {
    const page = await newPage(site.url);
    await page.goto(`${site.url}/ko/demos/gradient-tape`);
    await page.waitForSelector('[data-test=gradient]', { timeout: 30_000 });
    expect(await page.locator('[data-test=gradient]').allTextContents()).toEqual(['5', '14', '29']);
    await page.fill('[data-test=points]', '1, 둘');
    await page.click('[data-test=run]');
    await expect.poll(() => page.textContent('[data-test=error]')).toContain('"둘" is not a number');
    await page.fill('[data-test=points]', '-1');
    await page.click('[data-test=run]');
    await expect.poll(() => page.locator('[data-test=gradient]').allTextContents()).toEqual(['5']);
    expect(problems).toEqual([]);
  }, 30_000);

  test('the convolution playground draws a feature map for every filter', async () => {
    const page = await newPage(site.url);
    await page.goto(`${site.url}/demos/convolution`);
    await page.waitForSelector('[data-test=backend]', { timeout: 30_000 });
    const filters = await page.$$eval('[data-test=filter] option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    expect(filters.length).toBeGreaterThanOrEqual(5);
    for (const id of filters) {
      await page.selectOption('[data-test=filter]', id);
      const map = () =>
        page.$eval('[data-test=feature-map]', (c) => {
          const data = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, 26, 26).data;
          return new Set(Array.from(data).filter((_, i) => i % 4 === 0)).size;
        });
      await expect.poll(map).toBeGreaterThan(2);
    }
    await page.screenshot({ path: `${shots}demo-convolution.jpg`, type: 'jpeg', quality: 60, fullPage: true });
    expect(problems).toEqual([]);
  }, 30_000);

  test('without cross-origin isolation (no SharedArrayBuffer) the demos say so and run on one thread', async () => {
    const page = await newPage(plain.url);
    await page.goto(`${plain.url}/demos/gradient-tape`);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('undefined');
    expect(await page.textContent('[data-test=backend]', { timeout: 30_000 })).toContain(
      '1 thread: this page is not cross-origin isolated (COOP/COEP), so there is no SharedArrayBuffer',
    );
    await page.waitForSelector('[data-test=gradient]');
    expect(await page.locator('[data-test=gradient]').allTextContents()).toEqual(['5', '14', '29']);
    expect(problems).toEqual([]);
  }, 30_000);
});
