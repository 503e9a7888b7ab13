// 添付ファイル / Attachment: choose or drop files; each uploads at once (POST file.json, with its
// progress), images show a preview, any file can be removed. The record names them by key on save.
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { FILE_PATH } from '../../../../../common/api/files.js';
import { uploadFile } from '../../../api/record-forms';
import { errorText } from '../../../ui/errors';
import { useTranslation } from 'react-i18next';
import { type FileItem, localKey } from '../model/values';
import type { InputProps } from './types';

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

export function FileInput(props: InputProps<FileItem[]>) {
  const { s, place } = props.env;
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  // Uploads finish after renders: they update the latest list, not the one they started from.
  const latest = useRef(props);
  useEffect(() => {
    latest.current = props;
  });
  const urls = useRef<string[]>([]);
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const update = (key: string, change: Partial<FileItem>) => {
    const { value, onChange } = latest.current;
    onChange(value.map((f) => (f.key === key ? { ...f, ...change } : f)));
  };

  const add = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const items: FileItem[] = Array.from(files, (file) => {
      const previewUrl = IMAGE.test(file.type) ? URL.createObjectURL(file) : undefined;
      if (previewUrl) urls.current.push(previewUrl);
      return { key: localKey('f'), fileKey: null, name: file.name, size: String(file.size), contentType: file.type, state: 'uploading', progress: 0, ...(previewUrl ? { previewUrl } : {}) };
    });
    latest.current.onChange([...latest.current.value, ...items]);
    items.forEach((item, i) => {
      uploadFile(place, files[i]!, (progress) => update(item.key, { progress })).then(
        (fileKey) => update(item.key, { fileKey, state: 'uploaded', progress: 1 }),
        (err: unknown) => update(item.key, { state: 'failed', error: errorText(err, t) }),
      );
    });
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!props.readOnly) add(e.dataTransfer.files);
  };

  return (
    <div
      className={over ? 'rf-files rf-files--over' : 'rf-files'}
      role={props.ariaLabel ? 'group' : undefined}
      aria-label={props.ariaLabel}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      {props.value.length > 0 && (
        <ul className="rf-file-list">
          {props.value.map((f) => {
            const src = f.previewUrl ?? (f.state === 'stored' && IMAGE.test(f.contentType) && f.fileKey ? `${place.k(FILE_PATH)}?fileKey=${encodeURIComponent(f.fileKey)}` : undefined);
            return (
              <li key={f.key} className="rf-file">
                {src ? <img className="rf-file__thumb" src={src} alt="" /> : <span className="rf-file__icon" aria-hidden="true">📄</span>}
                <span className="rf-file__name">{f.name}</span>
                <span className="rf-file__meta">
                  {f.state === 'uploading' ? (
                    <>
                      <progress max={1} value={f.progress} aria-label={s.uploading(Math.round(f.progress * 100))} />
                      <span>{s.uploading(Math.round(f.progress * 100))}</span>
                    </>
                  ) : f.state === 'failed' ? (
                    <span className="field-error">{f.error ?? s.uploadFailed}</span>
                  ) : (
                    s.fileSize(f.size)
                  )}
                </span>
                {!props.readOnly && (
                  <button type="button" className="rf-icon-button" aria-label={s.removeFile(f.name)} onClick={() => props.onChange(props.value.filter((x) => x.key !== f.key))}>
                    ×
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!props.readOnly && (
        <div className="rf-files__pick">
          <label className="button rf-files__button">
            {s.chooseFiles}
            <input
              id={props.id}
              type="file"
              multiple
              className="rf-visually-hidden"
              aria-invalid={props.invalid || undefined}
              aria-describedby={props.describedBy}
              aria-label={props.ariaLabel ? `${props.ariaLabel}: ${s.chooseFiles}` : undefined}
              onChange={(e) => {
                add(e.target.files);
                e.target.value = '';
              }}
            />
          </label>
          <span className="muted rf-files__hint">{s.dropHint}</span>
        </div>
      )}
    </div>
  );
}
