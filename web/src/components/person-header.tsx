/** Whose book this is: the name exactly as registered (diacritics intact), birth date, sex. */
import { useTranslation } from "react-i18next";
import type { Person } from "../api/types.ts";
import { useLang } from "../app-context.ts";
import { formatDate } from "../format/date.ts";
import { pick } from "../i18n/lang.ts";
import { PageTitle } from "./page-title.tsx";

export function PersonHeader({ person, note }: { person: Person; note?: string }) {
  const { t } = useTranslation();
  const [lang] = useLang();
  const bits = [
    `${t("book.bornOn")} ${person.birth_date_vi || formatDate(person.birth_date)}`,
    person.sex ? pick(person.sex, lang) : null,
    person.blood_group ? `${t("book.bloodGroup")} ${person.blood_group}` : null,
  ].filter(Boolean);
  return (
    <PageTitle sub={[note, bits.join(" · ")].filter(Boolean).join(" — ")}>
      {person.full_name}
    </PageTitle>
  );
}
