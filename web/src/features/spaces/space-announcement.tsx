// お知らせ (the space's body): rich text for everyone who reads the space; space administrators —
// as access.json says — edit it with the shared rich-text editor.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Place } from '../../api/place';
import { type SpaceAccessJson, type SpaceJson, updateSpaceBody } from '../../api/spaces';
import { useStrings } from '../../i18n/area-strings';
import { formErrors } from '../../ui/errors';
import { FormError } from '../../ui/form';
import { RichTextEditor } from '../../ui/rich-text-editor';
import { RichHtml, spaceKeys } from './space-ui';
import { strings } from './strings';

export function SpaceAnnouncement({ space, access, place }: { space: SpaceJson; access: SpaceAccessJson | undefined; place: Place }) {
  const s = useStrings(strings);
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (body: string) => updateSpaceBody(place, space.id, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: spaceKeys.space(space.id) });
      setDraft(null);
    },
  });
  const errors = formErrors(save.error, ['body'], t);
  const canEdit = access?.may.manage === true;

  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__head">
        <h2 id={headingId}>{s.space.announcement}</h2>
        {canEdit && draft === null && (
          <button type="button" className="button button--small" onClick={() => setDraft(space.body ?? '')}>
            {s.space.editAnnouncement}
          </button>
        )}
      </div>
      {draft !== null ? (
        <form
          className="form"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(draft);
          }}
        >
          <FormError errors={errors} />
          <RichTextEditor label={s.space.body} value={draft} onChange={setDraft} error={errors.field('body')} autoFocus />
          <div className="actions">
            <button type="submit" className="button button--primary" disabled={save.isPending}>
              {s.settings.save}
            </button>
            <button type="button" className="button" onClick={() => setDraft(null)}>
              {s.settings.cancel}
            </button>
          </div>
        </form>
      ) : space.body ? (
        <RichHtml html={space.body} />
      ) : (
        <p className="empty">{s.space.noAnnouncement}</p>
      )}
    </section>
  );
}
