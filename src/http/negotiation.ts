// Parsing of quality-ranked header lists (Accept, Accept-Language): items by q, best first, q=0 dropped.

export function rankByQuality(header: string): string[] {
  return header
    .split(',')
    .map((part, i) => {
      const [value, ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.find((p) => p.trim().startsWith('q='))?.split('=')[1] ?? 1);
      return { value: (value ?? '').trim(), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x) => x.q > 0 && x.value)
    .sort((a, b) => b.q - a.q || a.i - b.i)
    .map((x) => x.value);
}
