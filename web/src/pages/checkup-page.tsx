/** One check-up of a citizen's (or ward's) book, with its PDF. */
import type { BookRef, CheckupEntry } from "../api/types.ts";
import { useApp } from "../app-context.ts";
import { Async } from "../components/async.tsx";
import { CheckupView } from "../components/checkup-view.tsx";
import { useResource } from "../use-resource.ts";
import { bookApi } from "./book-paths.ts";

export function CheckupPage({ book, checkupId }: { book: BookRef; n: number; checkupId: string }) {
  const { api } = useApp();
  const urls = bookApi(book.personal_id);
  const res = useResource(() => api.get<CheckupEntry>(urls.checkup(checkupId)), [book.personal_id, checkupId]);
  return <Async resource={res}>{(entry) => <CheckupView entry={entry} pdfPath={urls.pdf(checkupId)} who={book.full_name} />}</Async>;
}
