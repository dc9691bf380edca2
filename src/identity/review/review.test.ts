import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildCheckup, type CheckupOverrides } from "../../../test/factories/checkup.ts";
import { count, createTestHub, envelope, loginAs, push, type TestHub } from "../../../test/hub.ts";
import { insertAccount } from "../../access/accounts-repo.ts";
import { hashPassword } from "../../access/passwords.ts";
import { citizenToken } from "../../healthbook/test-kit.ts";
import { createMatcher, type Matcher } from "../matcher.ts";
import { identityRoute, openReviewCases, settleNewPersons } from "./intake.ts";
import type { CaseReason } from "./cases-repo.ts";

const AN = "001090012345";

let hub: TestHub;
let matcher: Matcher;
const stewards = {} as Record<"nation" | "hanoi" | "hcm", { token: string; accountId: string }>;

beforeAll(async () => {
  hub = await createTestHub();
  matcher = createMatcher(hub.deps);
  await matcher.refresh();
  // Intake here does not ask the matcher, so the records below wait: these tests are about what a
  // steward does with a case (intake's own use of the matcher is tested in intake).
  hub.pipeline.matcher = { ...hub.pipeline.matcher, match: () => null };
  const pw = await hashPassword("steward-password");
  for (const [name, scopeProvince] of [["nation", null], ["hanoi", "01"], ["hcm", "79"]] as const) {
    const accountId = await insertAccount(hub.deps.db, { username: `steward-${name}`, passwordHash: pw, role: "steward", scopeProvince });
    stewards[name] = { accountId, token: await loginAs(hub.app, `steward-${name}`, "steward-password") };
  }
  // An has been seen before: a persons row with a linked check-up of his own.
  const r = await push(hub, envelope([buildCheckup({ maLk: "AN-OWN-1" })]));
  expect(r.data.records[0]!.outcome).toBe("accepted");
});
afterAll(async () => hub.close());

const auth = (t: string) => ({ authorization: `Bearer ${t}` });
const q = <T>(text: string, values: unknown[] = []) => hub.deps.db.query<T>({ text, values });
const codeOf = (body: { issue: { details: { coding: { code: string }[] } }[] }) => body.issue[0]!.details.coding[0]!.code;

interface Waiting {
  personId: string;
  checkupId: string;
  caseId: string;
}

/** Pushes a record that waits for review, and opens its case as intake will (with the matcher's result). */
async function waiting(maLk: string, patient: CheckupOverrides["patient"], reason: CaseReason, extra: CheckupOverrides = {}): Promise<Waiting> {
  const record = buildCheckup({ maLk, patient, ...extra });
  const r = await push(hub, envelope([record]));
  expect(r.data.records[0]!.outcome).toBe("review");
  const [row] = await q<{ person_id: string; checkup_id: string }>(
    "SELECT person_id, checkup_id FROM checkups WHERE ma_lk = $1 AND status = 'current'", [maLk]);
  await hub.deps.db.transaction((tx) =>
    openReviewCases(tx, [{ personId: row!.person_id, checkupId: row!.checkup_id, facilityId: hub.facility.facility.facility_id, provinceCode: "01", reason, match: matcher.match(record) }], hub.deps.clock()),
  );
  const [c] = await q<{ case_id: string }>("SELECT case_id FROM identity_cases WHERE person_id = $1", [row!.person_id]);
  return { personId: row!.person_id, checkupId: row!.checkup_id, caseId: c!.case_id };
}

async function personOf(personalId: string): Promise<string> {
  const [p] = await q<{ person_id: string }>("SELECT person_id FROM persons WHERE personal_id = $1", [personalId]);
  return p!.person_id;
}

const getCase = (id: string, token = stewards.nation.token) => hub.app.inject({ url: `/api/identity/cases/${id}`, headers: auth(token) });
const decide = (id: string, body: object, token = stewards.nation.token) =>
  hub.app.inject({ method: "POST", url: `/api/identity/cases/${id}/decisions`, headers: auth(token), payload: body });
const undo = (decisionId: string, token = stewards.nation.token) =>
  hub.app.inject({ method: "POST", url: `/api/identity/decisions/${decisionId}/undo`, headers: auth(token) });
const versionOf = async (caseId: string) => (await getCase(caseId)).json<{ version: number }>().version;

/**
 * Where each person-keyed row of a check-up is: one person per table, or a list when split. Events
 * are intake's history of the check-up (a move adds an event for each side, checked apart).
 */
async function whereIs(checkupId: string): Promise<Record<string, string[]>> {
  const tables = ["checkups", "observations", "submission_records"];
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = await q<{ person_id: string }>(`SELECT DISTINCT person_id FROM ${t} WHERE checkup_id = $1`, [checkupId]);
    out[t] = rows.map((r) => r.person_id);
  }
  const history = await q<{ person_id: string }>(
    "SELECT DISTINCT person_id FROM events WHERE checkup_id = $1 AND kind IN ('checkup.created', 'checkup.corrected')", [checkupId]);
  out["events"] = history.map((r) => r.person_id);
  const keys = await q<{ person_id: string }>("SELECT person_id FROM checkup_keys WHERE checkup_id = $1", [checkupId]);
  out["checkup_keys"] = keys.map((r) => r.person_id);
  return out;
}
const allAt = (personId: string) => ({ checkups: [personId], observations: [personId], events: [personId], submission_records: [personId], checkup_keys: [personId] });

describe("the review queue", () => {
  it("lists cases without personal data, and shows one side by side with the breakdown — audited", async () => {
    const w = await waiting("TYPO-1", { personalId: "001090012346" }, "not-in-registry");
    const list = await hub.app.inject({ url: "/api/identity/cases?status=open", headers: auth(stewards.nation.token) });
    expect(list.statusCode).toBe(200);
    const listed = list.json<{ cases: { case_id: string; reason: string; match: { decision: string } }[] }>().cases.find((c) => c.case_id === w.caseId);
    expect(listed).toMatchObject({ reason: "not-in-registry", match: { decision: expect.any(String) } });
    expect(list.body).not.toContain("Nguyễn");

    const res = await getCase(w.caseId);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      record: { full_name: string; personal_id: string };
      match_detail: { breakdown: { field: string; level: string }[] };
      candidates: { personal_id: string; fields: Record<string, { value: string; differs: boolean }> }[];
    }>();
    expect(body.record).toMatchObject({ full_name: "Nguyễn Văn An", personal_id: "001090012346" });
    const an = body.candidates.find((c) => c.personal_id === AN)!;
    expect(an.fields["personal_id"]).toEqual({ value: AN, differs: true });
    expect(an.fields["full_name"]).toEqual({ value: "Nguyễn Văn An", differs: false });
    expect(an.fields["birth_date"]).toEqual({ value: "1990-05-12", differs: false });
    expect(body.match_detail.breakdown.find((b) => b.field === "personalId")?.level).toBe("one-digit");

    const audited = await q<{ action: string; outcome: string; person_id: string | null }>(
      "SELECT action, outcome, person_id FROM audit_log WHERE actor_account_id = $1 AND action = 'identity.case.read'", [stewards.nation.accountId]);
    expect(audited).toContainEqual({ action: "identity.case.read", outcome: "allowed", person_id: await personOf(AN) });
  });

  it("links: the check-ups move to the person and show in the book; undo moves them back", async () => {
    const w = await waiting("TYPO-2", { personalId: "001090012399" }, "not-in-registry");
    const an = await personOf(AN);
    const before = await whereIs(w.checkupId);
    expect(before).toEqual(allAt(w.personId));
    const citizen = await citizenToken(hub, AN);
    const inBook = async () => (await hub.app.inject({ url: `/api/citizen/books/${AN}/checkups/${w.checkupId}`, headers: auth(citizen) })).statusCode;
    expect(await inBook()).toBe(404);

    const res = await decide(w.caseId, { action: "link", personal_id: AN, expected_version: await versionOf(w.caseId) });
    expect(res.statusCode).toBe(201);
    const d = res.json<{ decision_id: string; case: { status: string }; person_id: string; moved_checkups: number }>();
    expect(d).toMatchObject({ case: { status: "linked" }, person_id: an, moved_checkups: 1 });
    expect(await whereIs(w.checkupId)).toEqual(allAt(an));
    const [linked] = await q<{ identity_status: string }>("SELECT identity_status FROM checkups WHERE checkup_id = $1", [w.checkupId]);
    expect(linked!.identity_status).toBe("linked");
    expect(await inBook()).toBe(200);
    // Both sides restate: the citizen gains a check-up, the provisional person loses it.
    expect(await count(hub, "events", `checkup_id = '${w.checkupId}' AND kind = 'checkup.linked' AND person_id IN ('${an}', '${w.personId}')`)).toBe(2);
    const history = (await getCase(w.caseId)).json<{ decisions: { action: string; decided_by: string }[] }>().decisions;
    expect(history).toEqual([expect.objectContaining({ action: "link", decided_by: stewards.nation.accountId })]);

    const undone = await undo(d.decision_id);
    expect(undone.statusCode).toBe(201);
    expect(await whereIs(w.checkupId)).toEqual(allAt(w.personId));
    expect(await count(hub, "events", `checkup_id = '${w.checkupId}' AND kind = 'identity.undone' AND person_id = '${an}'`)).toBe(1);
    const [back] = await q<{ identity_status: string; identity_reason: string }>("SELECT identity_status, identity_reason FROM checkups WHERE checkup_id = $1", [w.checkupId]);
    expect(back).toEqual({ identity_status: "review", identity_reason: "not-in-registry" });
    expect(await inBook()).toBe(404);
    const reopened = (await getCase(w.caseId)).json<{ status: string; decisions: { action: string }[] }>();
    expect(reopened.status).toBe("open");
    expect(reopened.decisions.map((x) => x.action)).toEqual(["link", "undo"]);

    const again = await undo(d.decision_id);
    expect(again.statusCode).toBe(409);
    expect(codeOf(again.json())).toBe("IDENTITY-DECISION-UNDONE");
  });

  it("two stewards deciding at once: one wins, the other gets 409 and nothing is overwritten", async () => {
    const w = await waiting("RACE-1", { personalId: null }, "no-id");
    const version = await versionOf(w.caseId);
    const [a, b] = await Promise.all([
      decide(w.caseId, { action: "link", personal_id: AN, expected_version: version }),
      decide(w.caseId, { action: "new-person", expected_version: version }, stewards.hanoi.token),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const lost = a.statusCode === 409 ? a : b;
    expect(codeOf(lost.json())).toBe("IDENTITY-CASE-CONFLICT");
    const winner = (a.statusCode === 201 ? a : b).json<{ action: string }>().action;
    const c = (await getCase(w.caseId)).json<{ status: string; decisions: unknown[] }>();
    expect(c.status).toBe(winner === "link" ? "linked" : "new-person");
    expect(c.decisions).toHaveLength(1);

    // Deciding again on the decided case, even with its current version, is refused.
    const late = await decide(w.caseId, { action: "new-person", expected_version: await versionOf(w.caseId) });
    expect(late.statusCode).toBe(409);
    expect(codeOf(late.json())).toBe("IDENTITY-CASE-CLOSED");
  });

  it("a re-sent record keeps its case; a decision made on the older version conflicts", async () => {
    const w = await waiting("RESEND-1", { personalId: "001090019999" }, "not-in-registry");
    const seen = await versionOf(w.caseId);
    const newer = buildCheckup({ maLk: "RESEND-1", patient: { personalId: "001090019999" }, conclusion: { healthClass: "1" } });
    await push(hub, envelope([newer]));
    const [row] = await q<{ person_id: string; checkup_id: string }>("SELECT person_id, checkup_id FROM checkups WHERE ma_lk = 'RESEND-1' AND status = 'current'");
    expect(row!.person_id).toBe(w.personId);
    await hub.deps.db.transaction((tx) =>
      openReviewCases(tx, [{ personId: row!.person_id, checkupId: row!.checkup_id, facilityId: hub.facility.facility.facility_id, provinceCode: "01", reason: "not-in-registry", match: matcher.match(newer) }]),
    );
    expect(await count(hub, "identity_cases", `person_id = '${w.personId}'`)).toBe(1);
    const stale = await decide(w.caseId, { action: "link", personal_id: AN, expected_version: seen });
    expect(stale.statusCode).toBe(409);
    expect(codeOf(stale.json())).toBe("IDENTITY-CASE-CONFLICT");
    // Linking now moves both versions of the check-up.
    const ok = await decide(w.caseId, { action: "link", personal_id: AN, expected_version: await versionOf(w.caseId) });
    expect(ok.json<{ moved_checkups: number }>().moved_checkups).toBe(2);
  });

  it("keeps a provincial steward inside the province: refused and audited", async () => {
    const w = await waiting("SCOPE-1", { personalId: null }, "no-id");
    const read = await getCase(w.caseId, stewards.hcm.token);
    expect(read.statusCode).toBe(403);
    expect(codeOf(read.json())).toBe("ACCESS-SCOPE");
    const write = await decide(w.caseId, { action: "new-person", expected_version: 1 }, stewards.hcm.token);
    expect(write.statusCode).toBe(403);
    const refused = await q<{ action: string; reason: string }>(
      "SELECT action, reason FROM audit_log WHERE actor_account_id = $1 AND outcome = 'refused' ORDER BY audit_id", [stewards.hcm.accountId]);
    expect(refused).toEqual([
      { action: "identity.case.read", reason: `case:${w.caseId}` },
      { action: "identity.decision", reason: `case:${w.caseId}` },
    ]);
    const list = await hub.app.inject({ url: "/api/identity/cases", headers: auth(stewards.hcm.token) });
    expect(list.json<{ cases: { case_id: string }[] }>().cases.map((c) => c.case_id)).not.toContain(w.caseId);
    expect((await getCase(w.caseId)).json<{ status: string }>().status).toBe("open");
    expect((await getCase(w.caseId, stewards.hanoi.token)).statusCode).toBe(200);

    const asFacility = await hub.app.inject({ url: "/api/identity/cases", headers: auth(hub.token) });
    expect(asFacility.statusCode).toBe(403);
    expect(codeOf(asFacility.json())).toBe("ACCESS-ROLE");
  });

  it("a new-person decision settles the other cases saying the same, and undo reopens them all", async () => {
    const foreigner = { personalId: "B1234567", fullName: "John Smith", birthDate: { raw: "198502030000", iso: "1985-02-03", precision: "day" as const }, sex: "1", nationality: "840" };
    const first = await waiting("PASSPORT-1", foreigner, "no-id");
    const second = await waiting("PASSPORT-2", foreigner, "no-id");
    const res = await decide(first.caseId, { action: "new-person", expected_version: await versionOf(first.caseId) });
    expect(res.statusCode).toBe(201);
    const d = res.json<{ decision_id: string; also_decided: string[]; person_id: string }>();
    expect(d.also_decided).toEqual([second.caseId]);
    expect(d.person_id).toBe(first.personId);
    const [person] = await q<{ kind: string; personal_id: string | null }>("SELECT kind, personal_id FROM persons WHERE person_id = $1", [first.personId]);
    expect(person).toEqual({ kind: "unregistered", personal_id: null });
    expect(await whereIs(second.checkupId)).toEqual(allAt(first.personId));
    expect(await count(hub, "checkups", `person_id = '${first.personId}' AND identity_status = 'linked'`)).toBe(2);

    expect((await undo(d.decision_id)).statusCode).toBe(201);
    const [restored] = await q<{ kind: string }>("SELECT kind FROM persons WHERE person_id = $1", [first.personId]);
    expect(restored!.kind).toBe("provisional");
    expect((await whereIs(second.checkupId)).checkups).toEqual([second.personId]);
    expect((await getCase(second.caseId)).json<{ status: string }>().status).toBe("open");
  });

  it("a rejected candidate is marked on the case, and the rejection can be undone", async () => {
    const w = await waiting("REJECT-1", { personalId: "001090012347" }, "not-in-registry");
    const res = await decide(w.caseId, { action: "reject-candidate", personal_id: AN, expected_version: await versionOf(w.caseId) });
    expect(res.statusCode).toBe(201);
    const c = (await getCase(w.caseId)).json<{ status: string; candidates: { personal_id: string; rejected: boolean }[] }>();
    expect(c.status).toBe("open");
    expect(c.candidates.find((x) => x.personal_id === AN)?.rejected).toBe(true);
    expect((await undo(res.json<{ decision_id: string }>().decision_id)).statusCode).toBe(201);
    const after = (await getCase(w.caseId)).json<{ candidates: { personal_id: string; rejected: boolean }[] }>();
    expect(after.candidates.find((x) => x.personal_id === AN)?.rejected).toBe(false);
  });
});

describe("merges and unmerges", () => {
  it("merge moves every row of every check-up; unmerge moves chosen ones out to a new case; both undo", async () => {
    const w = await waiting("MERGE-1", { personalId: null, fullName: "Nguyễn Văn Ân" }, "no-id", { conclusion: { diseasesText: "I10 - Tăng huyết áp" } });
    const an = await personOf(AN);
    const [anOwn] = await q<{ checkup_id: string }>("SELECT checkup_id FROM checkups WHERE ma_lk = 'AN-OWN-1'");

    const merged = await hub.app.inject({ method: "POST", url: "/api/identity/merge", headers: auth(stewards.hanoi.token), payload: { from_person_id: w.personId, into_person_id: an, reason: "Cùng một người (xác minh qua điện thoại)" } });
    expect(merged.statusCode).toBe(201);
    const m = merged.json<{ decision_id: string; moved_checkups: number; cases: string[] }>();
    expect(m).toMatchObject({ moved_checkups: 1, cases: [w.caseId] });
    expect(await whereIs(w.checkupId)).toEqual(allAt(an));
    expect(await count(hub, "conditions", `checkup_id = '${w.checkupId}' AND person_id = '${an}'`)).toBe(1);
    expect(await count(hub, "events", `person_id = '${an}' AND kind = 'person.merged'`)).toBe(1);
    const [gone] = await q<{ merged_into: string }>("SELECT merged_into FROM persons WHERE person_id = $1", [w.personId]);
    expect(gone!.merged_into).toBe(an);
    expect((await getCase(w.caseId)).json<{ status: string }>().status).toBe("linked");

    // Merging a merged person again is refused.
    const twice = await hub.app.inject({ method: "POST", url: "/api/identity/merge", headers: auth(stewards.nation.token), payload: { from_person_id: w.personId, into_person_id: an, reason: "x" } });
    expect(twice.statusCode).toBe(409);
    expect(codeOf(twice.json())).toBe("IDENTITY-PERSON-MERGED");

    const split = await hub.app.inject({ method: "POST", url: "/api/identity/unmerge", headers: auth(stewards.hanoi.token), payload: { person_id: an, checkup_ids: [w.checkupId], reason: "Hai người khác nhau" } });
    expect(split.statusCode).toBe(201);
    const u = split.json<{ decision_id: string; person_id: string; case_id: string; moved_checkups: number }>();
    expect(u.moved_checkups).toBe(1);
    expect(await whereIs(w.checkupId)).toEqual(allAt(u.person_id));
    expect((await whereIs(anOwn!.checkup_id)).checkups).toEqual([an]);
    const opened = (await getCase(u.case_id)).json<{ status: string; reason: string; record: { full_name: string } }>();
    expect(opened).toMatchObject({ status: "open", reason: "unmerged", record: { full_name: "Nguyễn Văn Ân" } });

    // Undo in reverse order: the unmerge, then the merge.
    expect((await undo(m.decision_id)).statusCode).toBe(409); // the check-up moved on since the merge
    expect((await undo(u.decision_id)).statusCode).toBe(201);
    expect((await whereIs(w.checkupId)).checkups).toEqual([an]);
    expect(await count(hub, "persons", `person_id = '${u.person_id}'`)).toBe(0);
    expect((await getCase(u.case_id)).statusCode).toBe(200);
    expect((await undo(m.decision_id)).statusCode).toBe(201);
    expect((await whereIs(w.checkupId)).checkups).toEqual([w.personId]);
    expect((await getCase(w.caseId)).json<{ status: string }>().status).toBe("open");
  });

  it("refuses an unmerge of check-ups the person does not hold, and a provincial steward outside the province", async () => {
    const an = await personOf(AN);
    const w = await waiting("MERGE-2", { personalId: null }, "no-id");
    const notHeld = await hub.app.inject({ method: "POST", url: "/api/identity/unmerge", headers: auth(stewards.nation.token), payload: { person_id: an, checkup_ids: [w.checkupId], reason: "x" } });
    expect(notHeld.statusCode).toBe(409);
    expect(codeOf(notHeld.json())).toBe("IDENTITY-CHECKUP-NOT-HELD");
    const outside = await hub.app.inject({ method: "POST", url: "/api/identity/merge", headers: auth(stewards.hcm.token), payload: { from_person_id: w.personId, into_person_id: an, reason: "x" } });
    expect(outside.statusCode).toBe(403);
    expect(codeOf(outside.json())).toBe("ACCESS-SCOPE");
    expect(await count(hub, "audit_log", `actor_account_id = '${stewards.hcm.accountId}' AND outcome = 'refused' AND action = 'identity.decision'`)).toBeGreaterThan(0);
    expect((await whereIs(w.checkupId)).checkups).toEqual([w.personId]);
  });
});

describe("who is this? (facility)", () => {
  const ask = (payload: object, token = hub.token) => hub.app.inject({ method: "POST", url: "/api/identity/match", headers: auth(token), payload });
  const created = async () => [await count(hub, "persons"), await count(hub, "checkups"), await count(hub, "identity_cases"), await count(hub, "identity_decisions")];

  it("answers linked for exact demographics without the ID, and creates nothing", async () => {
    const before = await created();
    const res = await ask({ full_name: "Nguyễn Văn An", birth_date: "199005120000", sex: "1", province_code: "01", commune_code: "00004" });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ decision: string; personal_id: string; score: number; breakdown: { field: string; level: string; weight: number }[] }>();
    expect(body).toMatchObject({ decision: "linked", personal_id: AN });
    expect(body.breakdown.find((b) => b.field === "birthDate")).toMatchObject({ level: "exact" });
    expect(Object.keys(body.breakdown[0]!).sort()).toEqual(["field", "level", "weight"]);
    expect(await created()).toEqual(before);
    const [audited] = await q<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'identity.match' AND person_id = $1", [await personOf(AN)]);
    expect(audited!.n).toBe(1);
  });

  it("reveals nothing about anyone for a person the registry does not know", async () => {
    const res = await ask({ full_name: "Hoàng Thị Lan", birth_date: "20010101", sex: "2", personal_id: "079301000001" });
    expect(res.json()).toEqual({ decision: "new", score: 0, breakdown: [] });
  });

  it("needs the facility role and a name or an ID", async () => {
    expect((await ask({ full_name: "Nguyễn Văn An" }, stewards.nation.token)).statusCode).toBe(403);
    const bad = await ask({ birth_date: "1990-13-45" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ issue: { expression: string[] }[] }>().issue.map((i) => i.expression[0])).toEqual(expect.arrayContaining(["full_name"]));
  });
});

describe("what intake calls", () => {
  it("routes the matcher's answer: link when sure, a new person only without a personal ID, else review", () => {
    const m = (decision: "linked" | "review" | "new") => ({ decision, score: 0, breakdown: [], reasons: [], candidates: [] });
    expect(identityRoute("mismatch", m("linked"))).toBe("link");
    expect(identityRoute("no-id", m("new"))).toBe("new-person");
    expect(identityRoute("not-in-registry", m("new"))).toBe("review");
    expect(identityRoute("no-id", m("review"))).toBe("review");
    expect(identityRoute("no-id", null)).toBe("review");
  });

  it("settles the matcher's new person: unregistered, linked, with the breakdown kept", async () => {
    const record = buildCheckup({ maLk: "NEW-1", patient: { personalId: "C7654321", fullName: "Anna Müller", birthDate: { raw: "197703040000", iso: "1977-03-04", precision: "day" }, sex: "2", nationality: "276" } });
    await push(hub, envelope([record]));
    const [row] = await q<{ person_id: string; checkup_id: string }>("SELECT person_id, checkup_id FROM checkups WHERE ma_lk = 'NEW-1'");
    const match = matcher.match(record)!;
    expect(identityRoute("no-id", match)).toBe("new-person");
    await hub.deps.db.transaction((tx) => settleNewPersons(tx, [{ personId: row!.person_id, checkupId: row!.checkup_id, match }]));
    const [p] = await q<{ kind: string; identity_status: string; decision: string }>(
      `SELECT p.kind, c.identity_status, m.decision FROM persons p JOIN checkups c USING (person_id) JOIN identity_matches m USING (checkup_id)
       WHERE p.person_id = $1`, [row!.person_id]);
    expect(p).toEqual({ kind: "unregistered", identity_status: "linked", decision: "new" });
  });
});
