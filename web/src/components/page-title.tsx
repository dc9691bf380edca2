/**
 * A page's one h1. It takes focus when the page opens, so a screen reader announces the new page
 * after a client-side navigation as it would after a full load.
 */
import { useEffect, useRef, type ReactNode } from "react";

export function PageTitle({ children, sub }: { children: ReactNode; sub?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <header className="page-title">
      <h1 ref={ref} tabIndex={-1}>
        {children}
      </h1>
      {sub && <p className="sub">{sub}</p>}
    </header>
  );
}
