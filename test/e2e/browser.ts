/**
 * Debian's Chromium driven by playwright-core (no browser download): headless, no sandbox (CI
 * containers), no background traffic, a fresh profile each run. Every request a page makes is
 * checked: anything not to the hub under test is refused and recorded, so a test can assert the
 * app makes no external request (no CDN fonts, scripts or trackers).
 */
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

export const PHONE = { width: 390, height: 844 } as const;
/** The narrowest phone the app must fit without sideways scrolling. */
export const NARROW = { width: 360, height: 740 } as const;
export const DESKTOP = { width: 1280, height: 800 } as const;

/** playwright gives each launch its own new temporary --user-data-dir. */
export const launchChromium = (): Promise<Browser> => chromium.launch({ executablePath: CHROMIUM, args: ARGS });

export interface Actor {
  context: BrowserContext;
  page: Page;
  /** URLs the page tried to reach outside the hub. */
  external: string[];
  /** Uncaught errors in the page. */
  errors: string[];
  /** Pages that scroll sideways at 360 px. */
  tooWide: string[];
}

export async function newActor(browser: Browser, origin: string): Promise<Actor> {
  const context = await browser.newContext({ viewport: PHONE, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh", acceptDownloads: true });
  const external: string[] = [];
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin)) return route.continue();
    external.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, external, errors, tooWide: [] };
}

const SHOTS = fileURLToPath(new URL("../../test-results/screenshots/", import.meta.url));

// Strings, not functions: they run in the page, and the test's tsconfig has no DOM types.
const TWO_FRAMES = "new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))";
const SCROLL_WIDTH = "document.documentElement.scrollWidth";

/**
 * The page as it is now, full length, at desktop and phone width (the viewport is left at phone),
 * after checking that it fits a 360 px screen without sideways scrolling.
 */
export async function screenshots(actor: Actor, name: string): Promise<void> {
  const { page } = actor;
  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize(NARROW);
  await page.evaluate(TWO_FRAMES);
  const width = Number(await page.evaluate(SCROLL_WIDTH));
  if (width > NARROW.width) actor.tooWide.push(`${name}: ${width}px`);
  for (const [label, size] of [["desktop", DESKTOP], ["phone", PHONE]] as const) {
    await page.setViewportSize(size);
    // Let the chart's ResizeObserver redraw at the new width before the picture.
    await page.evaluate(TWO_FRAMES);
    await page.screenshot({ path: `${SHOTS}${name}-${label}.png`, fullPage: true });
  }
}
