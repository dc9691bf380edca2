/**
 * The health-insurance card number (mã thẻ BHYT) as supporting identity evidence: 2 letters
 * (beneficiary group), 1 digit 1–5 (benefit level), 2 digits (issuing province), 10 digits (the
 * BHXH social-insurance number) — standards.md §7.2, Decision 1351/QĐ-BHXH art. 2. The 10-digit
 * number identifies the person across cards; cards since QĐ 1666/QĐ-BHXH (2020) print it alone.
 * It maps to a personal ID only through a table (§7.2: "a mapping table, not equality").
 */
export interface InsuranceCard {
  group: string;
  benefitLevel: number;
  provinceCode: string;
  socialInsuranceNumber: string;
}

const CARD = /^([A-Z]{2})([1-5])(\d{2})(\d{10})$/;
const BHXH = /^\d{10}$/;

export function parseInsuranceCard(raw: string): InsuranceCard | null {
  const m = CARD.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const [, group, level, province, number] = m;
  return { group: group as string, benefitLevel: Number(level), provinceCode: province as string, socialInsuranceNumber: number as string };
}

/**
 * The BHXH number from a `MA_THE_BHYT` value: a 15-character card, the 10-digit number alone, or
 * several cards `;`-joined (standards.md §4.3 row 17: the first readable one). Null otherwise.
 */
export function socialInsuranceNumber(raw: string | null | undefined): string | null {
  for (const part of (raw ?? "").split(";")) {
    const text = part.trim();
    if (BHXH.test(text)) return text;
    const card = parseInsuranceCard(text);
    if (card) return card.socialInsuranceNumber;
  }
  return null;
}
