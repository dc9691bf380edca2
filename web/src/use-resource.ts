/**
 * Loading one thing from the API for a page: loading, failed or ready, with a reload. A late answer
 * for a page the reader has already left is dropped.
 */
import { useCallback, useEffect, useState } from "react";

export type Resource<T> = { state: "loading" } | { state: "error"; error: unknown } | { state: "ok"; data: T };

export function useResource<T>(load: () => Promise<T>, deps: readonly unknown[]): Resource<T> & { reload: () => void } {
  const [result, setResult] = useState<Resource<T>>({ state: "loading" });
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    setResult({ state: "loading" });
    load().then(
      (data) => live && setResult({ state: "ok", data }),
      (error: unknown) => live && setResult({ state: "error", error }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure each render; `deps` says when it means something new.
  }, [...deps, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...result, reload };
}
