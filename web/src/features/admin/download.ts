// Files made in the browser from an answer (a certificate, a PEM): an object URL the person
// saves with a link, released when no longer shown.
import { useEffect } from 'react';

/** Bytes of a base64 string (the PKCS#12 the server hands over once). */
export function base64Bytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** An object URL for the file, made when the answer arrives. */
export function objectUrl(parts: BlobPart[], type: string): string {
  return URL.createObjectURL(new Blob(parts, { type }));
}

/** Releases an object URL once it is no longer shown (replaced, or the page left). */
export function useReleasedUrl(url: string | null): void {
  useEffect(() => {
    if (!url) return;
    return () => URL.revokeObjectURL(url);
  }, [url]);
}

/** Saves a file at once (for contents fetched on a click, like the CA certificate). */
export function saveFile(contents: BlobPart, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([contents], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
