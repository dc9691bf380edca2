/**
 * Issue 4 §4 as a steward sees it, in Debian's Chromium against the real built app and hub: a
 * national steward signs in, opens the review queue (a stranger nobody matches, and a record
 * without an ID close to Nguyễn Văn An), opens the near one, sees An side by side with the
 * differing cells marked, links, sees the case closed, undoes, sees it open again. Screenshots at
 * phone and desktop width go to test-results/screenshots/.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertAccount } from "../../src/access/accounts-repo.ts";
import { hashPassword } from "../../src/access/passwords.ts";
import { buildCheckup } from "../factories/checkup.ts";
import { createTestHub, envelope, loginAs, push, REGISTRY, type TestHub } from "../hub.ts";
import { launchChromium, newActor, screenshots, type Actor } from "./browser.ts";
import { ensureWebBuilt } from "./build-web.ts";

const AN = REGISTRY[0]!;
const STEWARD = { username: "rasoat.quocgia", password: "mat khau rasoat 2026" } as const;
const day = (iso: string) => ({ raw: `${iso.replace(/-/g, "")}0000`, iso, precision: "day" as const });

let hub: TestHub;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  ensureWebBuilt();
  hub = await createTestHub();
  await insertAccount(hub.deps.db, { username: STEWARD.username, passwordHash: await hashPassword(STEWARD.password), role: "steward", scopeProvince: null });
  // A stranger nobody matches, and An without his ID, a tone off in his given name, living elsewhere:
  // near enough for the matcher to propose him, not enough to link him on its own.
  const stranger = { personalId: "001085012399", fullName: "Đinh Thị Lạ", sex: "2", birthDate: day("1985-02-02") };
  const near = { personalId: null as unknown as string, fullName: "Nguyễn Văn Ăn", sex: "1", birthDate: day(AN.birthDate), provinceCode: "79", communeCode: "26734" };
  const r = await push(hub, envelope([buildCheckup({ maLk: "RS-LA-1", patient: stranger }), buildCheckup({ maLk: "RS-AN-1", patient: near })]));
  expect(r.data.records.map((x) => `${x.ma_lk}:${x.outcome}`)).toEqual(["RS-LA-1:review", "RS-AN-1:review"]);
  origin = await hub.app.listen({ port: 0, host: "127.0.0.1" });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

const h1 = (page: Page) => page.getByRole("heading", { level: 1 });

describe("identity review in the browser", () => {
  it("steward opens the queue, compares, links, sees it closed, undoes, sees it open", async () => {
    const steward = await newActor(browser, origin);
    const s = steward.page;

    // Sign in with the steward account.
    await s.goto(`${origin}/steward`);
    await expect.poll(() => h1(s).textContent()).toBe("Đăng nhập dành cho người rà soát định danh");
    await s.getByLabel("Tên đăng nhập").fill(STEWARD.username);
    await s.getByLabel("Mật khẩu").fill(STEWARD.password);
    await s.getByRole("button", { name: "Đăng nhập" }).click();

    // The queue: both records, no personal data, oldest first.
    await expect.poll(() => h1(s).textContent()).toBe("Hồ sơ chờ rà soát định danh");
    const items = s.getByTestId("case-item");
    await expect.poll(() => items.count()).toBe(2);
    expect(await s.locator("main").textContent()).not.toContain("Nguyễn");
    expect(await items.first().textContent()).toContain("Bệnh viện thử nghiệm 01013");
    expect(await items.first().textContent()).toContain("20/11/2026");
    await screenshots(steward, "steward-01-queue");

    // The near record: An is the candidate, the differing cells marked in words too.
    const near = items.filter({ hasText: "1 ứng viên" });
    expect(await near.count()).toBe(1);
    await near.getByRole("link").click();
    await expect.poll(() => h1(s).textContent()).toBe("Rà soát hồ sơ RS-AN-1");
    const table = s.getByTestId("compare");
    const row = (f: string) => table.locator(`tr[data-field="${f}"]`);
    expect(await row("full_name").textContent()).toContain("Nguyễn Văn Ăn");
    expect(await row("full_name").textContent()).toContain(AN.fullName);
    expect(await row("full_name").locator("td").nth(1).getAttribute("data-differs")).toBe("true");
    expect(await row("full_name").locator("td").nth(1).textContent()).toContain("Khác");
    expect(await row("birth_date").locator("td").nth(1).getAttribute("data-differs")).toBe("false");
    expect(await row("birth_date").textContent()).toContain("12/05/1990");
    expect(await row("commune_code").locator("td").nth(1).getAttribute("data-differs")).toBe("true");
    const candidate = s.getByTestId("candidate");
    expect(await candidate.count()).toBe(1);
    expect(await candidate.locator("table.breakdown tbody tr").count()).toBeGreaterThan(3);
    expect(await candidate.locator("table.breakdown tr.neg").count()).toBeGreaterThan(0);
    expect(await s.getByTestId("case-status").getAttribute("data-status")).toBe("open");
    await screenshots(steward, "steward-02-case");

    // Link: the case closes, the decision is in the history with who and when.
    await candidate.getByRole("button", { name: "Gán vào người này" }).click();
    await expect.poll(() => s.getByTestId("case-status").getAttribute("data-status")).toBe("linked");
    expect(await s.getByTestId("case-notice").textContent()).toBe("Đã ghi quyết định.");
    expect(await candidate.getByRole("button", { name: "Gán vào người này" }).isDisabled()).toBe(true);
    const linked = s.locator('[data-testid="decision"][data-action="link"]');
    expect(await linked.textContent()).toContain(STEWARD.username);
    expect(await linked.textContent()).toMatch(/\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await screenshots(steward, "steward-03-linked");

    // Undo: the case is open again, the link marked undone.
    await linked.getByRole("button", { name: "Hoàn tác" }).click();
    await expect.poll(() => s.getByTestId("case-status").getAttribute("data-status")).toBe("open");
    expect(await s.getByTestId("case-notice").textContent()).toBe("Đã hoàn tác quyết định.");
    expect(await linked.getAttribute("data-undone")).toBe("true");
    expect(await s.locator('[data-testid="decision"][data-action="undo"]').count()).toBe(1);
    expect(await candidate.getByRole("button", { name: "Gán vào người này" }).isEnabled()).toBe(true);
    await screenshots(steward, "steward-04-undone");

    // Someone else rejects An meanwhile: this page's Link is refused (409), the case reloads with
    // a notice, An greyed as rejected.
    const caseId = new URL(s.url()).pathname.split("/").pop()!;
    const other = await loginAs(hub.app, STEWARD.username, STEWARD.password);
    const auth = { authorization: `Bearer ${other}` };
    const { version } = (await hub.app.inject({ url: `/api/identity/cases/${caseId}`, headers: auth })).json<{ version: number }>();
    const rejected = await hub.app.inject({ method: "POST", url: `/api/identity/cases/${caseId}/decisions`, headers: auth, payload: { action: "reject-candidate", personal_id: AN.personalId, expected_version: version } });
    expect(rejected.statusCode).toBe(201);
    await candidate.getByRole("button", { name: "Gán vào người này" }).click();
    await expect.poll(() => candidate.getAttribute("data-rejected")).toBe("true");
    expect(await s.getByTestId("case-notice").textContent()).toContain("vừa được người khác quyết định");
    expect(await s.getByTestId("case-status").getAttribute("data-status")).toBe("open");
    await screenshots(steward, "steward-05-conflict");

    // Back in the queue, both still wait.
    await s.getByRole("link", { name: /Về hàng chờ/ }).click();
    await expect.poll(() => items.count()).toBe(2);

    expectClean(steward);
  }, 60_000);
});

function expectClean(actor: Actor): void {
  expect(actor.external).toEqual([]);
  expect(actor.errors).toEqual([]);
  expect(actor.tooWide).toEqual([]);
}
