import { useEffect } from 'react';

/** The tab's title: the screen, then the product, as kintone shows it. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - Engawa`;
  }, [title]);
}
