// A list view (and a MyPage view, which reads the same way): the view's text blocks around a table
// of its records (a stack of cards on a phone), its search box and search form when it has them,
// and the pager above and below. Each row opens the record's detail page when the view has them.
import type { VisitorListJson } from '../../../common/api/public-views.js';
import { Records } from './list-parts';
import { PagedView } from './paged-view';

export function ListPage({ token, params }: { token: string; params: URLSearchParams }) {
  return (
    <PagedView<VisitorListJson> token={token} params={params} file="data.json">
      {({ view, records }) => <Records token={token} columns={view.columns} detail={view.detail} records={records} />}
    </PagedView>
  );
}
