/**
 * Issue 5 as a user sees it, in Debian's Chromium against the real built app and the real hub:
 * a citizen signs in, sees the newest check-up with its high blood pressure explained, opens the
 * trend chart, downloads the PDF and shares the book; a doctor reads it with the code; the
 * citizen revokes the share and the doctor's next read is refused; a break-glass read is flagged;
 * the citizen's access log shows every read. Screenshots of each main page, phone and desktop
 * width, go to test-results/screenshots/.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestHub, type TestHub } from "../hub.ts";
import { launchChromium, newActor, screenshots, type Actor } from "./browser.ts";
import { ensureWebBuilt } from "./build-web.ts";
import { CITIZEN, CLINICIAN, seed, WARD } from "./seed.ts";

let hub: TestHub;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  ensureWebBuilt();
  hub = await createTestHub({ HOSO_DEMO: "true" });
  await seed(hub);
  origin = await hub.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

describe("health book in the browser", () => {
  it("citizen reads and shares, doctor reads, share revoked, doctor refused, log shows it all", async () => {
    const citizen = await newActor(browser, origin);
    const c = citizen.page;

    // Sign in: the demo picker lists citizens by name, diacritics intact.
    await c.goto(`${origin}/`);
    await expect.poll(() => new URL(c.url()).pathname).toBe("/sign-in");
    await expect.poll(() => h1(c).textContent()).toBe("Đăng nhập");
    await screenshots(citizen, "01-sign-in");
    await c.getByRole("button", { name: new RegExp(CITIZEN.fullName) }).click();

    // The newest check-up at a glance, the high blood pressure explained in plain words.
    await expect.poll(() => h1(c).textContent()).toBe(CITIZEN.fullName);
    const latest = c.getByRole("region", { name: "Lần khám gần nhất" });
    await expect.poll(() => latest.textContent()).toContain("20/11/2026");
    const bp = latest.locator('li[data-key="bp_systolic"]');
    expect(await bp.textContent()).toMatch(/165 mmHg.*Tăng huyết áp/);
    expect(await bp.locator(".badge").textContent()).toBe("Rất cao");
    expect(await c.locator("ol.timeline > li").count()).toBe(3);
    await screenshots(citizen, "02-book");

    // The check-up in full, and its PDF.
    await latest.getByRole("link", { name: "Xem đầy đủ lần khám" }).click();
    await expect.poll(() => h1(c).textContent()).toBe("Khám sức khỏe ngày 20/11/2026");
    expect(await c.locator('tr[data-key="bp_systolic"]').textContent()).toMatch(/165 mmHg.*90–139 mmHg.*Rất cao/);
    const [download] = await Promise.all([c.waitForEvent("download"), c.getByRole("button", { name: "Tải PDF" }).click()]);
    expect(download.suggestedFilename()).toBe("kham-suc-khoe-2026-11-20.pdf");
    expect(readFileSync(await download.path()).subarray(0, 5).toString()).toBe("%PDF-");
    await expect.poll(() => c.getByRole("status").filter({ hasText: "Mã xác thực" }).textContent()).toMatch(/[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}/);
    await screenshots(citizen, "03-checkup");

    // Trends: the chart with its normal band, and the numbers as a table.
    await c.getByRole("link", { name: "Biểu đồ", exact: true }).click();
    await expect.poll(() => h1(c).textContent()).toBe("Biểu đồ theo thời gian");
    await c.locator('[data-testid="trend-chart"] svg').waitFor();
    expect(await c.locator(".bands").textContent()).toContain("90–139 mmHg");
    expect(await c.locator(".trend-table tbody tr").count()).toBe(3);
    expect(await c.locator(".trend-table tbody tr").first().textContent()).toMatch(/20\/11\/2026.*165.*100/);
    await screenshots(citizen, "04-trends");
    await c.getByRole("link", { name: "Cholesterol toàn phần" }).click();
    await expect.poll(() => c.locator(".bands").textContent()).toContain("≤ 5,17 mmol/L");

    // English on request, remembered across a reload; then back to Vietnamese.
    await c.getByRole("button", { name: "English" }).click();
    await expect.poll(() => h1(c).textContent()).toBe("Trends over time");
    await c.reload();
    await expect.poll(() => h1(c).textContent()).toBe("Trends over time");
    expect(await c.locator("html").getAttribute("lang")).toBe("en");
    await c.locator('[data-testid="trend-chart"] svg').waitFor();
    await screenshots(citizen, "04b-trends-english");
    await c.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect.poll(() => h1(c).textContent()).toBe("Biểu đồ theo thời gian");

    // Share the whole book for a day: a short code and a QR.
    await c.getByRole("link", { name: "Chia sẻ", exact: true }).click();
    await c.getByRole("radio", { name: /Toàn bộ sổ/ }).check();
    await c.getByLabel("Trong bao lâu").selectOption({ label: "1 ngày" });
    await c.getByRole("button", { name: "Tạo mã" }).click();
    const code = (await c.getByTestId("share-code").textContent()) ?? "";
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(await c.getByRole("img", { name: new RegExp(code) }).isVisible()).toBe(true);
    await screenshots(citizen, "05-share");
    await c.getByRole("button", { name: "Xong" }).click();
    await expect.poll(() => c.getByRole("button", { name: /^Thu hồi/ }).count()).toBe(1);

    // A doctor signs in and reads the record with the code.
    const doctor = await newActor(browser, origin);
    const d = doctor.page;
    await d.goto(`${origin}/doctor`);
    await d.getByLabel("Tên đăng nhập").fill(CLINICIAN.username);
    await d.getByLabel("Mật khẩu").fill(CLINICIAN.password);
    await d.getByRole("button", { name: "Đăng nhập" }).click();
    await expect.poll(() => h1(d).textContent()).toBe("Tra cứu hồ sơ bệnh nhân");
    await d.getByLabel("Mã chia sẻ của bệnh nhân").fill(code.toLowerCase());
    await screenshots(doctor, "06-doctor-home");
    await d.getByRole("button", { name: "Mở hồ sơ" }).click();
    await expect.poll(() => h1(d).textContent()).toBe(CITIZEN.fullName);
    expect(await d.locator('li[data-key="bp_systolic"]').textContent()).toContain("165 mmHg");
    await screenshots(doctor, "07-doctor-record");
    await d.getByRole("link", { name: "Xem đầy đủ lần khám" }).click();
    await expect.poll(() => h1(d).textContent()).toBe("Khám sức khỏe ngày 20/11/2026");
    await d.goBack();
    await expect.poll(() => h1(d).textContent()).toBe(CITIZEN.fullName);

    // The citizen revokes the share; the doctor's next read is refused.
    await c.getByRole("button", { name: /^Thu hồi/ }).click();
    await expect.poll(() => c.getByText("Không có mã nào đang có hiệu lực.").isVisible()).toBe(true);
    await d.reload();
    await d.locator('[role="alert"][data-code="CONSENT-SHARE-REVOKED"]').waitFor();
    expect(await d.getByRole("heading", { name: CITIZEN.fullName }).count()).toBe(0);
    await screenshots(doctor, "08-doctor-refused");

    // Break-glass: a reason, and the read is flagged for the citizen.
    const reason = "Bệnh nhân bất tỉnh tại khoa cấp cứu";
    await d.getByRole("link", { name: "Về trang tra cứu" }).click();
    await d.getByText("Truy cập khẩn cấp", { exact: true }).first().click();
    await d.getByLabel("Số định danh cá nhân (12 chữ số)").fill(CITIZEN.personalId);
    await d.getByLabel("Lý do truy cập (ít nhất 10 ký tự)").fill(reason);
    await d.getByRole("button", { name: "Mở hồ sơ khẩn cấp" }).click();
    await expect.poll(() => h1(d).textContent()).toBe(CITIZEN.fullName);

    // Who read my record: the doctor's reads by share, the refused one, the break-glass one.
    await c.getByRole("link", { name: "Ai đã xem", exact: true }).click();
    await expect.poll(() => h1(c).textContent()).toBe("Ai đã xem hồ sơ của tôi");
    const entries = c.getByTestId("access-entry");
    await entries.first().waitFor();
    const byDoctor = entries.filter({ hasText: CLINICIAN.displayName });
    expect(await byDoctor.filter({ hasText: "Bệnh viện thử nghiệm 01013" }).count()).toBe(await byDoctor.count());
    expect(await c.locator('[data-testid="access-entry"][data-purpose="share"][data-outcome="allowed"]').filter({ hasText: "Xem sổ sức khỏe" }).count()).toBeGreaterThanOrEqual(1);
    expect(await c.locator('[data-testid="access-entry"][data-outcome="refused"]').count()).toBeGreaterThanOrEqual(1);
    const flagged = c.locator('[data-testid="access-entry"][data-purpose="break-glass"]');
    expect(await flagged.first().textContent()).toContain(reason);
    expect(await flagged.first().locator(".badge").first().textContent()).toBe("Truy cập khẩn cấp");
    await screenshots(citizen, "09-access-log");

    // A guardian opens the book of the child the registry links to them.
    await c.getByLabel("Sổ của").selectOption({ label: `${WARD.fullName} (người được giám hộ)` });
    await c.getByRole("link", { name: "Tổng quan", exact: true }).click();
    await expect.poll(() => h1(c).textContent()).toBe(WARD.fullName);
    await screenshots(citizen, "10-ward-book");

    expectClean(citizen);
    expectClean(doctor);
  }, 90_000);
});

/** No request left the hub, no script error happened, and every page fitted a 360 px screen. */
function expectClean(actor: Actor): void {
  expect(actor.external).toEqual([]);
  expect(actor.errors).toEqual([]);
  expect(actor.tooWide).toEqual([]);
}
