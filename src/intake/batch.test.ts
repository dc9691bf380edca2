import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { count, createTestHub, type TestHub } from "../../test/hub.ts";
import { writeTemplateCsv } from "../formats/batch/template.ts";

let hub: TestHub;
beforeAll(async () => {
  hub = await createTestHub();
});
afterAll(async () => hub.close());

const PROGRAMME = "organisation=Tr%C6%B0%E1%BB%9Dng%20THCS%20Ba%20%C4%90%C3%ACnh&kind=school&round=2026-D1&team=Doi-1&place=Ba%20%C4%90%C3%ACnh&date=2026-11-20&doi_tuong=6&nguon_chi_tra=1";

/** The template's header, then rows made from its example row (first cell = STT, fifth = exam date index). */
function sheet(rows: { stt: string; name: string; birth: string }[]): string {
  const [header, example] = writeTemplateCsv().replace(/^\uFEFF/, "").trim().split(/\r?\n/);
  const cells = example!.split(",");
  const lines = rows.map((r) => {
    const c = [...cells];
    c[0] = r.stt;
    c[2] = r.name;
    c[3] = r.birth;
    return c.join(",");
  });
  return `\uFEFF${header}\r\n${lines.join("\r\n")}\r\n`;
}

async function upload(csv: string) {
  const res = await hub.app.inject({
    method: "POST",
    url: `/api/batches?${PROGRAMME}`,
    headers: { authorization: `Bearer ${hub.token}`, "content-type": "text/csv" },
    payload: csv,
  });
  return { status: res.statusCode, body: res.json<{ submission_id: string; counts: Record<string, number>; result_url: string; records: { outcome: string }[] }>() };
}

describe("spreadsheets from mobile teams", () => {
  it("serves the template in CSV (with BOM, Vietnamese headers) and XLSX", async () => {
    const csv = await hub.app.inject({ url: "/api/batches/template.csv" });
    expect(csv.body.startsWith("\uFEFFSTT,Mã lượt khám,Họ và tên")).toBe(true);
    const xlsx = await hub.app.inject({ url: "/api/batches/template.xlsx" });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("checks every row, returns the sheet with status and findings, and a fixed re-upload replaces, not duplicates", async () => {
    const first = await upload(sheet([
      { stt: "1", name: "Nguyễn Thị Mai", birth: "15/03/2012" },
      { stt: "2", name: "Trần Văn Tùng", birth: "31/02/2012" },
    ]));
    expect(first.status).toBe(200);
    expect(first.body.counts).toMatchObject({ rejected: 1 });
    expect(first.body.records).toHaveLength(2);

    const result = await hub.app.inject({ url: first.body.result_url, headers: { authorization: `Bearer ${hub.token}` } });
    expect(result.statusCode).toBe(200);
    const lines = result.body.replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/TRANG_THAI|Trạng thái/);
    expect(lines[2]).toMatch(/rejected|Từ chối|từ chối/i);

    const before = await count(hub, "checkups");
    const fixed = await upload(sheet([
      { stt: "1", name: "Nguyễn Thị Mai", birth: "15/03/2012" },
      { stt: "2", name: "Trần Văn Tùng", birth: "28/02/2012" },
    ]));
    expect(fixed.body.records.map((r) => r.outcome)).toEqual([expect.stringMatching(/unchanged/), expect.stringMatching(/accepted|review/)]);
    expect(await count(hub, "checkups")).toBe(before + 1);
  });

  it("refuses a file missing required columns, naming them", async () => {
    // The template without its "Ngày sinh" (birth date) column.
    const [header, example] = writeTemplateCsv().replace(/^\uFEFF/, "").trim().split(/\r?\n/);
    const drop = (line: string) => line.split(",").filter((_, i) => i !== 3).join(",");
    const r = await upload(`${drop(header!)}\r\n${drop(example!).replace(/^Ví dụ/, "1")}\r\n`);
    expect(r.status).toBe(400);
    expect(JSON.stringify(r.body)).toMatch(/BATCH-COLUMN-MISSING/);
    expect(JSON.stringify(r.body)).toMatch(/NGAY_SINH|Ngày sinh/);
  });
});
