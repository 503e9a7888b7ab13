// スペース内を検索: threads, comments, apps and records of this space whose text holds the
// keyword, as the server finds them for this reader; "Show more" pages on.
import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Place } from '../../api/place';
import { type SpaceJson, type SpaceSearchHitJson, searchSpace } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { errorText } from '../../ui/errors';
import { Loading } from '../../ui/loading';
import { appPage } from './format';
import { spaceBase } from './space-header';
import { strings } from './strings';

const PAGE = 10;

export function SpaceSearch({ space, place }: { space: SpaceJson; place: Place }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [keyword, setKeyword] = useState('');
  const results = useInfiniteQuery({
    queryKey: ['space', space.id, 'search', keyword],
    queryFn: ({ pageParam }) => searchSpace(place, space.id, keyword, pageParam, PAGE),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length * PAGE : undefined),
    enabled: keyword !== '',
  });
  const hits = results.data?.pages.flatMap((p) => p.hits) ?? [];

  function href(h: SpaceSearchHitJson): string {
    const guest = space.isGuest ? space.id : null;
    switch (h.type) {
      case 'THREAD':
        return `${spaceBase(space)}/thread/${h.thread}`;
      case 'COMMENT':
        return `${spaceBase(space)}/thread/${h.thread}#comment-${h.comment}`;
      case 'APP':
        return appPage(h.app, guest);
      case 'RECORD':
        return appPage(h.app, guest, `/show/${h.record}`);
    }
  }
  const kind = { THREAD: s.space.hitThread, COMMENT: s.space.hitComment, APP: s.space.hitApp, RECORD: s.space.hitRecord };

  return (
    <section className="panel panel--side" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        {s.space.search}
      </h2>
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setKeyword(text.trim());
        }}
      >
        <label htmlFor={id} className="visually-hidden">
          {s.space.search}
        </label>
        <input id={id} type="search" value={text} maxLength={100} placeholder={s.space.search} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button button--small">
          {s.space.searchButton}
        </button>
      </form>
      {keyword !== '' &&
        (results.isError ? (
          <p className="form-error" role="alert">
            {errorText(results.error, t)}
          </p>
        ) : results.isLoading ? (
          <Loading />
        ) : hits.length === 0 ? (
          <p className="empty">{s.space.noResults}</p>
        ) : (
          <>
            <ul className="search-hits">
              {hits.map((h, i) => (
                <li key={i}>
                  <span className="badge">{kind[h.type]}</span> <Link to={href(h)}>{h.title}</Link>
                  {h.excerpt && <p className="muted">{h.excerpt}</p>}
                </li>
              ))}
            </ul>
            {results.hasNextPage && (
              <button type="button" className="button button--small" disabled={results.isFetchingNextPage} onClick={() => void results.fetchNextPage()}>
                {s.portal.more}
              </button>
            )}
          </>
        ))}
    </section>
  );
}
