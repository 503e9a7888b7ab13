// Where a page is: in a guest space (`/guest/:guestSpaceId/...`) or not. Every kintone call made
// from a page inside a guest space must go through that space's path (`/k/guest/<id>/v1/...`), or
// the server answers GAIA_IL23; `usePlace().k(path)` picks the right one.
import { useParams } from 'react-router';
import { guestPath } from './client';

export interface Place {
  /** The guest space this page is in, or undefined outside guest spaces. */
  guestSpaceId: string | undefined;
  /** `/k/v1/x.json` as this page must call it. */
  k(path: string): string;
  /** A page address in the same place: `/app/5` → `/guest/3/app/5` inside guest space 3. */
  page(path: string): string;
}

export function placeOf(guestSpaceId: string | undefined): Place {
  return {
    guestSpaceId,
    k: (path) => (guestSpaceId ? guestPath(path, guestSpaceId) : path),
    page: (path) => (guestSpaceId ? `/guest/${encodeURIComponent(guestSpaceId)}${path}` : path),
  };
}

export function usePlace(): Place {
  return placeOf(useParams().guestSpaceId);
}
