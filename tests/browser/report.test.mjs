// Browser test of newsdiff's HTML report, run by .ci/run:
//   node report.test.mjs SEEDS_REPORT.html HOSTILE_REPORT.html SCREENSHOT.png
// Opens each report in Debian's headless Chromium (never a downloaded browser), fails on any
// console error, page error, dialog or network request, checks that the matrix, a pair view
// with word highlights (changes or shared terms), the people table and the role conflicts are present and visible,
// and that hostile article text is shown as text. Saves a screenshot of the seeds report.
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [seedsHtml, hostileHtml, screenshot] = process.argv.slice(2);
if (!seedsHtml || !hostileHtml || !screenshot) {
  console.error("usage: node report.test.mjs SEEDS.html HOSTILE.html SCREENSHOT.png");
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const failures = [];
const fail = (m) => { failures.push(m); console.error("FAIL: " + m); };
const check = (cond, m) => { if (!cond) fail(m); else console.log("ok: " + m); };

// Launching is retried (three tries): Debian's Chromium once died of SIGSEGV at start-up in
// CI (2026-12-07, before any page was opened) and passed three runs out of three on the same
// files right after. A crash once a page is open still fails the test.
async function launch(tries) {
  for (let i = 1; ; i++) {
    try {
      return await chromium.launch({
        executablePath,
        args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      });
    } catch (e) {
      if (i >= tries) throw e;
      console.error(`chromium did not start (try ${i} of ${tries}): ${String(e.message).split("\n")[0]}`);
    }
  }
}
const browser = await launch(3);

async function open(file) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const url = pathToFileURL(path.resolve(file)).href;
  page.on("console", (msg) => { if (msg.type() === "error" || msg.type() === "warning") fail(`${file}: console ${msg.type()}: ${msg.text()}`); });
  page.on("pageerror", (err) => fail(`${file}: page error: ${err.message}`));
  page.on("requestfailed", (req) => fail(`${file}: failed request ${req.url()}`));
  page.on("request", (req) => { if (req.url() !== url) fail(`${file}: unexpected request ${req.url()}`); });
  page.on("dialog", async (d) => { fail(`${file}: a dialog opened: ${d.message()}`); await d.dismiss(); });
  await page.goto(url, { waitUntil: "load" });
  return page;
}

// ---- the seeds report ----
{
  const page = await open(seedsHtml);
  const cells = page.locator("#matrix-table td.cell");
  check(await cells.count() > 0, "matrix has cells");
  check(await page.locator("#matrix-table").isVisible(), "matrix is visible");
  await cells.first().click();
  const overlap = page.locator("#pair-view .overlap").first();
  check(await overlap.isVisible(), "clicking a matrix cell opens a visible pair view");
  const highlights = page.locator("#pair-view .del, #pair-view .ins, #pair-view .shared");
  check(await highlights.count() > 0 && await highlights.first().isVisible(), "the pair view has visible word highlights");
  check(await page.locator("#pair-view .side").count() >= 2, "the pair view is side by side");
  const people = page.locator("#people-table tbody tr");
  check(await people.count() > 0 && await people.first().isVisible(), "people table has visible rows");
  const peopleText = await page.locator("#people-table").innerText();
  check(/Bessent/.test(peopleText), "people table names Bessent");
  const conflicts = page.locator("#conflicts .conflict");
  check(await conflicts.count() > 0 && await conflicts.first().isVisible(), "role conflicts are visible");
  check(await page.locator("#stories .story").count() > 0, "a story is listed");
  await page.locator("#articles-list li").first().click();
  check(await page.locator("#article-view p").count() > 0, "an article opens in full");
  await page.locator("#pairs-table tbody tr").first().click();
  check(await page.locator("#pair-view .overlap").count() > 0, "the pair list opens a pair");
  const storyId = page.locator("#stories .members .id.link").last();
  const wanted = await storyId.innerText();
  await page.locator("#stories details.story").first().evaluate((d) => { d.open = true; });
  await storyId.click();
  check((await page.locator("#article-view h3").innerText()) === wanted, "a story's article id opens that article");
  const personRow = page.locator("#people-table tbody tr").filter({ has: page.locator("details") }).first();
  await personRow.locator("details").evaluate((d) => { d.open = true; });
  const personId = personRow.locator(".id.link").last();
  const personWanted = await personId.innerText();
  await personId.click();
  check((await page.locator("#article-view h3").innerText()) === personWanted, "a person's article id opens that article");
  await page.screenshot({ path: screenshot, fullPage: true });
  console.log("screenshot: " + screenshot);
  await page.close();
}

// ---- the hostile report ----
{
  const page = await open(hostileHtml);
  check(await page.locator("img, svg, iframe, object, embed").count() === 0, "no element injected by article text");
  check(await page.locator("script").count() === 2, "only the report's own two script elements");
  await page.locator("#matrix-table td.cell").first().click();
  const pairText = await page.locator("#pair-view").innerText();
  check(pairText.includes("<script>alert(1)</script>"), "a <script> in article text is shown as text in the pair view");
  check(pairText.includes('"><img src=x onerror=alert(2)>'), "an attribute breakout is shown as text");
  const restyled = page.locator("#pair-view .restyled");
  check(await restyled.count() > 0 && (await restyled.first().innerText()).startsWith("Geneva"),
    "the same word written differently is marked");
  check(pairText.includes("\\u{202E}") && !pairText.includes("\u202e"), "a bidi override is shown as a visible escape");
  const articleText = await page.locator("#article-view").innerText();
  check(articleText.includes("<script>alert(1)</script>"), "the article view shows the text as text");
  const title = await page.title();
  check(title.startsWith("newsdiff report") && !/[<>]/.test(title), "the page title is intact");
  const stories = await page.locator("#stories").innerText();
  check(stories.includes("<script>alert(1)</script>") && (await page.locator("#stories .story").count()) > 0,
    "the story view shows the hostile text as text");
  await page.close();
}

await browser.close();
if (failures.length > 0) {
  console.error(`${failures.length} browser check(s) failed`);
  process.exit(1);
}
console.log("browser checks passed");
