/** A link the server gave as a path or a full URL, as a full URL to send to someone. */
export function absoluteUrl(url: string): string {
  return new URL(url, location.origin).toString();
}
