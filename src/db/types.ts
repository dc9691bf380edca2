/**
 * Type parsing shared by both adapters: dates stay `YYYY-MM-DD`, timestamps become ISO strings,
 * counts and numerics become numbers (measures, never money, are stored as numeric here).
 */
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMPTZ: 1184 } as const;

export const PARSERS: Record<number, (value: string) => unknown> = {
  [OID.INT8]: (v) => Number(v),
  [OID.NUMERIC]: (v) => Number(v),
  [OID.DATE]: (v) => v,
  [OID.TIMESTAMPTZ]: (v) => new Date(v.replace(" ", "T").replace(/([+-]\d\d)$/, "$1:00")).toISOString(),
};
