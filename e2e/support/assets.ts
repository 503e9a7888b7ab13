// What several specs hand the browser or keep from it: a tiny image to upload, and the folder
// the screenshots go to.

/** A 1×1 PNG (70 bytes). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const SHOTS = 'e2e/screenshots';
