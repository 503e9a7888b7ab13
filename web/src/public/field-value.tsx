// A field's value on a visitor page, for every field type: kintone's `{type, value}` as the view
// sends it. Rich text goes through the app's own allowlist renderer (never innerHTML); files are
// the server's signed links, images shown as thumbnails; date-times in the visitor's time zone.
import type { VisitorColumn, VisitorFile } from '../../../common/api/public-views.js';
import { formatDateTime, formatSize } from '../features/records/fields/format';
import { RichText, richTextPlain } from '../features/records/fields/rich-text';
import { useLang } from './lang';

export interface VisitorValue {
  type: string;
  value: unknown;
}

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;
const ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function linkHref(value: string): string | undefined {
  const v = value.trim();
  if (/^https?:\/\//i.test(v)) return v;
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) return `mailto:${v}`;
  return undefined;
}

interface Entity {
  code?: string;
  name?: string;
}

function names(v: unknown): string[] {
  const list = Array.isArray(v) ? (v as Entity[]) : v && typeof v === 'object' ? [v as Entity] : [];
  return list.map((e) => e.name || e.code || '').filter(Boolean);
}

export function FieldValue({ field, column, compact }: { field: VisitorValue | undefined; column: VisitorColumn; compact?: boolean }) {
  if (!field) return null;
  const v = field.value;
  switch (field.type) {
    case 'MULTI_LINE_TEXT':
      return <span className={compact ? 'pv-clip' : 'pv-multiline'}>{String(v ?? '')}</span>;
    case 'RICH_TEXT':
      return compact ? <span className="pv-clip">{richTextPlain(String(v ?? ''))}</span> : <RichText html={String(v ?? '')} className="rich-text pv-rich" />;
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'CATEGORY':
      return Array.isArray(v) && v.length > 0 ? <span className="pv-tags">{(v as string[]).map((x) => <span key={x} className="pv-tag">{x}</span>)}</span> : null;
    case 'DATETIME':
    case 'CREATED_TIME':
    case 'UPDATED_TIME':
      return v ? <time dateTime={String(v)}>{formatDateTime(String(v), ZONE)}</time> : null;
    case 'LINK': {
      const text = String(v ?? '');
      const href = linkHref(text);
      return href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        <>{text}</>
      );
    }
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE':
    case 'CREATOR':
    case 'MODIFIER':
      return <>{names(v).join(', ')}</>;
    case 'FILE':
      return <Files files={Array.isArray(v) ? (v as VisitorFile[]) : []} compact={compact} />;
    case 'SUBTABLE':
      return <Table rows={Array.isArray(v) ? (v as Row[]) : []} column={column} />;
    case 'NUMBER':
    case 'CALC':
      return <span className="pv-number">{String(v ?? '')}</span>;
    default:
      return <>{v === null || v === undefined ? '' : String(v)}</>;
  }
}

function Files({ files, compact }: { files: VisitorFile[]; compact?: boolean | undefined }) {
  const { s } = useLang();
  if (files.length === 0) return null;
  return (
    <ul className={compact ? 'pv-files pv-files--compact' : 'pv-files'}>
      {files.map((f) => (
        <li key={f.url} className="pv-file">
          {IMAGE.test(f.contentType) && (
            <a href={f.url} target="_blank" rel="noopener noreferrer" className="pv-thumb">
              <img src={f.url} alt={f.name} loading="lazy" />
            </a>
          )}
          <a href={f.url} download={f.name} aria-label={s.download(f.name)}>
            {f.name}
          </a>
          {!compact && <span className="pv-muted"> ({formatSize(f.size)})</span>}
        </li>
      ))}
    </ul>
  );
}

interface Row {
  id: string;
  value: Record<string, VisitorValue>;
}

function Table({ rows, column }: { rows: Row[]; column: VisitorColumn }) {
  if (rows.length === 0) return null;
  const columns = column.fields ?? [];
  return (
    <div className="pv-subtable-wrap">
      <table className="pv-subtable">
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.code} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {columns.map((c) => (
                <td key={c.code}>
                  <FieldValue field={r.value[c.code]} column={c} compact />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
