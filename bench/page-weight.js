// Page weights as a browser transfers them: the bytes on the wire (headers + body as sent, i.e. compressed when
// the server compresses) of a page and everything it loads, read from Chromium's DevTools protocol
// (Network.loadingFinished.encodedDataLength; a resource answered from the browser's cache counts 0).
//
// For each account: sign in in one browser context, carry the session cookie into a fresh context (an empty
// cache), open the first page there ("first visit"), then the later pages in the same context ("later page").
// The public form is measured the same way without signing in.
//
//   node bench/page-weight.js http://127.0.0.1:8080 [label]     (bench/page-weight.sh installs playwright-core)
// Prints a Markdown table and writes bench/out/page-weight-<label>.json.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require(process.env.PLAYWRIGHT_CORE || 'playwright-core');

const base = (process.argv[2] || 'http://127.0.0.1:8080').replace(/\/$/, '');
const label = process.argv[3] || 'run';
if (!/^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base)) {
  console.error('refusing a non-loopback address: ' + base);
  process.exit(2);
}
const browserPath = process.env.CHROMIUM || '/usr/bin/chromium';
const PASSWORD = process.env.RENDA_PASSWORD || 'renda-demo';

// [account or null for anonymous, first page, later pages...]
const journeys = [
  ['admin', '/', '/cases', '/deputies', '/audit'],
  ['anlan.staff', '/', '/cases', '/deputies'],
  [null, '/public/opinions/new', '/public/opinions/track'],
];

async function weigh(page, url) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const sizes = new Map();
  const kinds = new Map();
  const encodings = new Map();
  cdp.on('Network.responseReceived', (e) => {
    kinds.set(e.requestId, e.type);
    const h = e.response.headers || {};
    encodings.set(e.requestId, h['content-encoding'] || h['Content-Encoding'] || '');
  });
  cdp.on('Network.loadingFinished', (e) => sizes.set(e.requestId, e.encodedDataLength));
  await page.goto(base + url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(300);
  await cdp.detach();
  let total = 0;
  let html = 0;
  let requests = 0;
  for (const [id, bytes] of sizes) {
    total += bytes;
    if (bytes > 0) requests++;
    if (kinds.get(id) === 'Document') html += bytes;
  }
  return { url, total, html, requests };
}

async function signIn(browser, username) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(base + '/login');
  await page.fill('#username', username);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForNavigation(), page.click('form[action$="/login"] button[type=submit]')]);
  const cookies = await ctx.cookies();
  await ctx.close();
  return cookies;
}

(async () => {
  const browser = await chromium.launch({ executablePath: browserPath, args: ['--no-sandbox'] });
  const rows = [];
  for (const [account, ...urls] of journeys) {
    const ctx = await browser.newContext();
    if (account) await ctx.addCookies(await signIn(browser, account));
    const page = await ctx.newPage();
    for (let i = 0; i < urls.length; i++) {
      const r = await weigh(page, urls[i]);
      rows.push({ account: account || '(anonymous)', visit: i === 0 ? 'first' : 'later', ...r });
    }
    await ctx.close();
  }
  await browser.close();
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`| account | page | visit | transferred KB | of which HTML KB | requests |`);
  console.log(`| --- | --- | --- | ---: | ---: | ---: |`);
  for (const r of rows) {
    console.log(`| ${r.account} | ${r.url} | ${r.visit} | ${kb(r.total)} | ${kb(r.html)} | ${r.requests} |`);
  }
  const out = path.join(__dirname, 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `page-weight-${label}.json`), JSON.stringify(rows, null, 2));
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
