/**
 * Saving files from the browser: a Blob behind a temporary object URL and an `<a download>`
 * click, the standard way without a server round trip (no data leaves the browser).
 */

/** Offers `blob` as a download named `name`. */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser time to start the download before the URL is revoked.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Offers `text` as a download with media type `mediaType` (UTF-8). */
export function downloadText(text: string, name: string, mediaType: string): void {
  downloadBlob(new Blob([text], { type: `${mediaType};charset=utf-8` }), name);
}

/** A file name from a map title: letters, digits and dashes, never empty. */
export function fileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/gi, 'ae')
    .replace(/ø/gi, 'o')
    .replace(/å/gi, 'a')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60);
  return stem || 'kart';
}
