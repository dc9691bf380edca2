import { describe, expect, it } from "vitest";
import { buildCheckup, moment } from "../../../test/factories/checkup.ts";
import type { RegistryPerson } from "../registry.ts";
import { candidateViews, compareWith, recordSide } from "./compare-view.ts";

const AN: RegistryPerson = { personalId: "001090012345", fullName: "Nguyễn Văn An", birthDate: "1990-05-12", sex: "1", provinceCode: "01", communeCode: "00004" };

describe("the side-by-side view", () => {
  it("marks the fields that disagree, with tones but not case or spacing", () => {
    const side = recordSide(buildCheckup({ patient: { fullName: "NGUYỄN  văn AN", personalId: "001090012346", communeCode: "00007" } }));
    const view = compareWith(side, AN);
    expect(view.full_name.differs).toBe(false);
    expect(view.personal_id).toEqual({ value: "001090012345", differs: true });
    expect(view.commune_code.differs).toBe(true);
    expect(view.birth_date.differs).toBe(false);
    expect(compareWith(recordSide(buildCheckup({ patient: { fullName: "Nguyễn Văn Ân" } })), AN).full_name.differs).toBe(true);
  });

  it("compares a birth date only as far as the record knows it, and never a missing field", () => {
    const yearOnly = recordSide(buildCheckup({ patient: { birthDate: { raw: "199000000000", iso: "1990-01-01", precision: "year" }, sex: null, personalId: null } }));
    expect(yearOnly.birth_date).toBe("1990");
    const view = compareWith(yearOnly, AN);
    expect(view.birth_date.differs).toBe(false);
    expect(view.sex.differs).toBe(false);
    expect(view.personal_id.differs).toBe(false);
    expect(compareWith(recordSide(buildCheckup({ patient: { birthDate: moment("1990-12-05") } })), AN).birth_date.differs).toBe(true);
  });

  it("adds the holder of the ID the record carries when the matcher did not list them", () => {
    const side = recordSide(buildCheckup({ patient: { fullName: "Trần Văn Bảo" } }));
    const views = candidateViews(side, null, new Map([[AN.personalId, AN]]), [AN.personalId]);
    expect(views).toEqual([expect.objectContaining({ personal_id: AN.personalId, source: "sent-id", rejected: true, score: null })]);
    expect(views[0]!.fields!.full_name.differs).toBe(true);
  });
});
