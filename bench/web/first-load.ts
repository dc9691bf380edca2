/**
 * What a browser downloads before the first page shows: the entry chunk, every chunk it imports
 * statically (recursively) and their CSS, read from Vite's manifest. Dynamic imports (the chart,
 * the doctor's view, the QR scanner) are left out: they load only when their page opens.
 */
export interface ManifestChunk {
  file: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export type Manifest = Record<string, ManifestChunk>;

/** Files loaded with `startKey` (an entry or a dynamic entry): its chunk and its static imports. */
export function staticClosure(manifest: Manifest, startKey: string): { js: string[]; css: string[] } {
  const js = new Set<string>();
  const css = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || js.has(chunk.file)) return;
    js.add(chunk.file);
    chunk.css?.forEach((c) => css.add(c));
    chunk.imports?.forEach(visit);
  };
  visit(startKey);
  return { js: [...js], css: [...css] };
}

export function entryKey(manifest: Manifest): string {
  const key = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!key) throw new Error("no entry chunk in the manifest");
  return key;
}

/** Each lazy chunk and the files it adds on top of the first load. */
export function lazyChunks(manifest: Manifest): { name: string; js: string[] }[] {
  const first = new Set(staticClosure(manifest, entryKey(manifest)).js);
  return Object.entries(manifest)
    .filter(([, c]) => c.isDynamicEntry)
    .map(([key, c]) => ({ name: c.name ?? key, js: staticClosure(manifest, key).js.filter((f) => !first.has(f)) }));
}
