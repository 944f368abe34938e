// Which files a page loads, read from Vite's build manifest (dist/web/.vite/manifest.json).
// Pure: the server reads the file once at start and passes the parsed JSON in.

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

function chunkOf(manifest: object, key: string): ManifestChunk | undefined {
  if (!Object.hasOwn(manifest, key)) return undefined;
  const chunk = (manifest as Record<string, unknown>)[key] as Partial<ManifestChunk> | null;
  return chunk && typeof chunk.file === 'string' ? (chunk as ManifestChunk) : undefined;
}

/**
 * The entry's script and every stylesheet it needs, its own and its imported chunks' (Vite
 * lists CSS on the chunk that imports it), as URLs under the site root (`/assets/…`).
 * Imported chunks' scripts are not listed: the entry loads them itself.
 */
export function assetsFromManifest(
  manifest: object,
  entry = 'web/respondent/entry.tsx',
): { scripts: string[]; styles: string[] } {
  const main = chunkOf(manifest, entry);
  if (!main) throw new Error(`the build manifest has no entry "${entry}": run npm run build`);
  const styles: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = chunkOf(manifest, key);
    if (!chunk) return;
    for (const imported of chunk.imports ?? []) visit(imported);
    for (const css of chunk.css ?? []) if (!styles.includes(`/${css}`)) styles.push(`/${css}`);
  };
  visit(entry);
  return { scripts: [`/${main.file}`], styles };
}
