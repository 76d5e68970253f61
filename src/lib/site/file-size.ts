/** 1340000 → “1.3 MB”, 8200 → “8.0 KB” (its own module: the message catalogues use it and import nothing else). */
export function formatFileSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}
