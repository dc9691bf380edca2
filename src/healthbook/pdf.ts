/**
 * One check-up as a PDF (standards.md §5.10: citizens download each visit as PDF): pdfkit with
 * DejaVu Sans embedded (Vietnamese diacritics), dates dd/mm/yyyy, the facility, every measure
 * with unit, reference range and flag, specialty exams, the conclusion with the concluding doctor,
 * and a verification code with a vector QR of its URL. Data in, bytes out.
 */
import { fileURLToPath } from "node:url";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CheckupEntry, MeasureView } from "./present.ts";
import type { presentPerson } from "./person.ts";

const FONT = fileURLToPath(new URL("../../assets/fonts/DejaVuSans.ttf", import.meta.url));
const FONT_BOLD = fileURLToPath(new URL("../../assets/fonts/DejaVuSans-Bold.ttf", import.meta.url));

export interface PdfInput {
  person: ReturnType<typeof presentPerson>;
  entry: CheckupEntry;
  verification: { code: string; url: string };
  generatedAt: Date;
}

const MARGIN = 40;
const GREY = "#555555";
const FLAG: Readonly<Record<string, string>> = {
  N: "Bình thường",
  NEG: "Âm tính",
  H: "Cao ↑",
  HH: "Rất cao ↑↑",
  L: "Thấp ↓",
  LL: "Rất thấp ↓↓",
  A: "Bất thường",
  POS: "Dương tính",
};

/** dd/mm/yyyy in Vietnam time. */
const viDate = (d: Date): string => {
  const local = new Date(d.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(8, 10)}/${local.slice(5, 7)}/${local.slice(0, 4)}`;
};

export async function renderCheckupPdf(input: PdfInput): Promise<Buffer> {
  const { entry, person, verification } = input;
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    info: {
      Title: `Kết quả khám sức khỏe ${entry.exam_time_vi ?? ""}`.trim(),
      Subject: "Health check-up result",
      Keywords: `verification:${verification.code}`,
      Producer: "hoso",
      Creator: "hoso",
      CreationDate: input.generatedAt,
    },
  });
  doc.registerFont("regular", FONT);
  doc.registerFont("bold", FONT_BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on("end", () => resolve()));

  const width = doc.page.width - 2 * MARGIN;
  doc.font("bold").fontSize(15).text("KẾT QUẢ KHÁM SỨC KHỎE", { align: "center" });
  doc.font("regular").fontSize(9).fillColor(GREY).text("Health check-up result", { align: "center" }).fillColor("black").moveDown(0.8);

  field(doc, "Cơ sở khám", `${entry.facility.name} (${entry.facility.code})`);
  field(doc, "Ngày khám", entry.exam_time_vi ?? "—");
  field(doc, "Loại khám", entry.type.vi);
  if (entry.reason) field(doc, "Lý do khám", entry.reason);
  if (entry.corrected) {
    doc.font("bold").fillColor("#a15c00").text(`Bản đã được cơ sở khám chỉnh sửa (phiên bản ${entry.version}).`).fillColor("black");
  }
  doc.moveDown(0.5);
  heading(doc, "Thông tin người được khám");
  field(doc, "Họ và tên", person.full_name ?? "—");
  field(doc, "Ngày sinh", person.birth_date_vi ?? "—");
  field(doc, "Giới tính", person.sex?.vi ?? "—");
  field(doc, "Số định danh cá nhân", person.personal_id);
  if (person.address) field(doc, "Địa chỉ", person.address);

  doc.moveDown(0.5);
  heading(doc, "Kết quả đo và xét nghiệm");
  measuresTable(doc, entry.measures, width);

  if (entry.exams.length > 0) {
    doc.moveDown(0.5);
    heading(doc, "Khám lâm sàng theo chuyên khoa");
    for (const e of entry.exams) {
      const cls = e.health_class ? ` — phân loại ${e.health_class}` : "";
      const who = e.doctor ? ` (${e.doctor})` : "";
      bullet(doc, `${e.name.vi}: ${e.result ?? "—"}${cls}${who}`);
    }
  }

  doc.moveDown(0.5);
  heading(doc, "Kết luận");
  const c = entry.conclusion;
  field(doc, "Phân loại sức khỏe", c.health_class?.vi ?? "—");
  if (c.diseases_text) field(doc, "Bệnh, tật", c.diseases_text);
  if (c.problems) field(doc, "Các vấn đề sức khỏe", c.problems);
  if (c.other_diseases) field(doc, "Bệnh khác", c.other_diseases);
  if (c.advice) field(doc, "Lời khuyên", c.advice);
  if (c.next_appointment) field(doc, "Hẹn khám lại", c.next_appointment);
  if (c.referral) field(doc, "Chuyển cơ sở khám chữa bệnh", c.referral);
  field(doc, "Bác sĩ kết luận", `${c.concluding_doctor ?? "—"}${c.concluding_doctor_signed ? " (đã ký số)" : ""}`);

  if (entry.abnormal.length > 0) {
    doc.moveDown(0.5);
    heading(doc, "Giải thích các kết quả bất thường");
    for (const a of entry.abnormal) bullet(doc, a.vi);
  }

  await verificationBlock(doc, verification, input.generatedAt);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.font("bold").fontSize(11).text(text).moveDown(0.2);
  doc.font("regular").fontSize(9.5);
}

function field(doc: Doc, label: string, value: string): void {
  doc.font("bold").fontSize(9.5).text(`${label}: `, { continued: true }).font("regular").text(value);
}

function bullet(doc: Doc, text: string): void {
  doc.font("regular").fontSize(9.5).text(`• ${text}`, { indent: 6 });
}

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
}

const COLUMNS = [
  { title: "Chỉ số", share: 0.36 },
  { title: "Kết quả", share: 0.22 },
  { title: "Khoảng tham chiếu", share: 0.24 },
  { title: "Đánh giá", share: 0.18 },
] as const;

function measureCells(m: MeasureView): string[] {
  const value =
    m.value !== null ? `${String(m.value).replace(".", ",")}${m.unit_display ? ` ${m.unit_display}` : ""}` : (m.value_text ?? m.conclusion ?? m.value_as_sent ?? "—");
  const range = m.reference_range ? m.reference_range.text.replace(/(\d)\.(\d)/g, "$1,$2").split(" / ")[0]! : "";
  return [m.name.vi, value, range, m.interpretation ? (FLAG[m.interpretation] ?? m.interpretation) : ""];
}

function measuresTable(doc: Doc, measures: readonly MeasureView[], width: number): void {
  const widths = COLUMNS.map((c) => c.share * width);
  const row = (cells: readonly string[], bold: boolean, highlight: boolean) => {
    doc.font(bold ? "bold" : "regular").fontSize(9);
    const height = Math.max(...cells.map((t, i) => doc.heightOfString(t, { width: widths[i]! - 6 }))) + 6;
    if (doc.y + height > doc.page.height - MARGIN) {
      doc.addPage();
      if (!bold) row(COLUMNS.map((c) => c.title), true, false);
      doc.font(bold ? "bold" : "regular").fontSize(9);
    }
    const top = doc.y;
    let x = MARGIN;
    cells.forEach((t, i) => {
      doc.fillColor(highlight && i === 3 ? "#b00020" : "black").text(t, x + 3, top + 3, { width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc.fillColor("black").moveTo(MARGIN, top + height).lineTo(MARGIN + width, top + height).lineWidth(0.3).strokeColor("#999999").stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  };
  row(COLUMNS.map((c) => c.title), true, false);
  for (const m of measures) row(measureCells(m), false, m.abnormal);
  doc.moveDown(0.3);
}

async function verificationBlock(doc: Doc, v: { code: string; url: string }, at: Date): Promise<void> {
  const size = 80;
  ensureSpace(doc, size + 30);
  doc.moveDown(1);
  const top = doc.y;
  drawQr(doc, v.url, MARGIN, top, size);
  const x = MARGIN + size + 12;
  doc.font("bold").fontSize(10).text("Mã xác thực / Verification code", x, top);
  doc.font("bold").fontSize(14).text(v.code, x, doc.y + 2);
  doc.font("regular").fontSize(8.5).fillColor(GREY).text(`Kiểm tra tại / Check at: ${v.url}`, x, doc.y + 2, { width: doc.page.width - MARGIN - x });
  doc.text(`Tạo bởi hoso ngày ${viDate(at)} từ dữ liệu cơ sở khám gửi lên.`, x, doc.y + 2).fillColor("black");
  doc.x = MARGIN;
  doc.y = Math.max(doc.y, top + size) + 6;
}

/** The QR as vector squares: sharp at any zoom, no image library. */
function drawQr(doc: Doc, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = size / modules.size;
  for (let r = 0; r < modules.size; r++) {
    for (let c = 0; c < modules.size; c++) if (modules.get(r, c)) doc.rect(x + c * cell, y + r * cell, cell, cell);
  }
  doc.fillColor("black").fill();
}
