/** The specialty exams and the concluding doctor's verdict, as the paper form lays them out. */
import { useTranslation } from "react-i18next";
import type { CheckupEntry } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatDate } from "../format/date.ts";
import { pick } from "../i18n/lang.ts";
import { specialtyKey } from "../i18n/keys.ts";

function SpecialtyName({ code }: { code: string }) {
  const { t } = useTranslation();
  const key = specialtyKey(code);
  return <>{key ? t(key) : code}</>;
}

export function Exams({ exams }: { exams: CheckupEntry["exams"] }) {
  const { t } = useTranslation();
  if (exams.length === 0) return null;
  return (
    <table className="responsive">
      <caption>{t("checkup.exams")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("checkup.specialty")}</th>
          <th scope="col">{t("checkup.result")}</th>
          <th scope="col">{t("checkup.class")}</th>
          <th scope="col">{t("checkup.doctor")}</th>
        </tr>
      </thead>
      <tbody>
        {exams.map((e, i) => (
          <tr key={`${e.specialty}-${i}`}>
            <th scope="row" data-label={t("checkup.specialty")}>
              <SpecialtyName code={e.specialty} />
            </th>
            <td data-label={t("checkup.result")}>{e.result}</td>
            <td data-label={t("checkup.class")}>{e.health_class}</td>
            <td data-label={t("checkup.doctor")}>{e.doctor}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Conclusion({ entry }: { entry: CheckupEntry }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const c = entry.conclusion;
  if (!c && entry.diagnoses.length === 0) return null;
  const rows: [string, string | null | undefined][] = c
    ? [
        [t("book.healthClass"), c.health_class && pick(c.health_class, lang)],
        [t("conclusion.diseases"), c.diseases_text],
        [t("conclusion.problems"), c.problems],
        [t("conclusion.otherDiseases"), c.other_diseases],
        [t("conclusion.advice"), c.advice],
        [t("conclusion.nextAppointment"), c.next_appointment && formatDate(c.next_appointment)],
        [t("conclusion.referral"), c.referral],
        [t("conclusion.doctor"), c.concluding_doctor && `${c.concluding_doctor} (${t(c.concluding_doctor_signed ? "conclusion.signed" : "conclusion.unsigned")})`],
      ]
    : [];
  return (
    <section className="card" aria-labelledby="conclusion-h">
      <h2 id="conclusion-h">{t("checkup.conclusion")}</h2>
      <dl className="facts">
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {entry.diagnoses.length > 0 && (
        <>
          <h3>{t("checkup.diagnoses")}</h3>
          <ul className="conditions">
            {entry.diagnoses.map((d, i) => (
              <li key={`${d.icd10 ?? ""}-${i}`}>
                {d.text} {d.icd10 && <code className="icd">{d.icd10}</code>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
