// One field's value as the record screens show it, for every kintone field type (glossary §1.6):
// numbers with the field's decimals and unit, date-times in the viewer's time zone, people as
// chips, links that only go where they say, files with image thumbnails, tables, rich text drawn
// safely. `compact` is the list's cell: one line where a type allows it. The record forms reuse
// it for their read-only parts.
import type { Property } from '../../../../../common/fields/index.js';
import type { FileValue } from '../../../../../common/api/files.js';
import type { ApiField } from '../../../api/records';
import { fileUrl } from '../../../api/records';
import type { Place } from '../../../api/place';
import { useStrings } from '../../../i18n/area-strings';
import { strings } from '../strings';
import { type NumberFormat, durationParts, formatDateTime, formatNumber, formatSize } from './format';
import { RichText, richTextPlain } from './rich-text';

export interface FieldValueProps {
  field: ApiField;
  /** The field's settings (form fields); without them numbers show as stored. */
  property?: Property | undefined;
  timeZone: string;
  place: Place;
  /** The app shows image thumbnails (enableThumbnails). */
  thumbnails?: boolean;
  compact?: boolean;
}

/** The number settings of a NUMBER or CALC field. */
function numberFormat(p: Property | undefined): NumberFormat {
  if (!p) return {};
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { digit: p.digit === true, displayScale: str(p.displayScale), unit: str(p.unit), unitPosition: str(p.unitPosition) };
}

const IMAGE = /^image\/(png|jpeg|gif|webp)$/;

interface Entity {
  code: string;
  name?: string;
}

export function EntityChips({ entities }: { entities: Entity[] }) {
  if (entities.length === 0) return null;
  return (
    <ul className="chips">
      {entities.map((e, i) => (
        <li key={`${e.code}-${i}`} className="chip" title={e.code}>
          {e.name || e.code}
        </li>
      ))}
    </ul>
  );
}

function linkHref(value: string, protocol: unknown): string | undefined {
  const v = value.trim();
  if (protocol === 'CALL') return /^[0-9+\-() #*.]+$/.test(v) ? `tel:${v.replace(/[^0-9+#*]/g, '')}` : undefined;
  if (protocol === 'MAIL') return /^[^\s@]+@[^\s@]+$/.test(v) ? `mailto:${v}` : undefined;
  return /^https?:\/\//i.test(v) ? v : undefined;
}

export function FieldValue(props: FieldValueProps) {
  const s = useStrings(strings).fields;
  const { field, property, timeZone, place, compact } = props;
  const v = field.value;
  switch (field.type) {
    case 'NUMBER':
      return <span className="value-number">{formatNumber(String(v ?? ''), numberFormat(property))}</span>;
    case 'CALC': {
      const text = String(v ?? '');
      const format = property?.format;
      if (format === 'DATETIME') return <>{formatDateTime(text, timeZone)}</>;
      if (format === 'DATE' || format === 'TIME') return <>{text}</>;
      if (format === 'HOUR_MINUTE' || format === 'DAY_HOUR_MINUTE') {
        const d = durationParts(text);
        if (!d) return <>{text}</>;
        const sign = d.negative ? '-' : '';
        return <>{sign + (format === 'DAY_HOUR_MINUTE' ? s.days(d.days, d.hours, d.minutes) : s.hours(d.days * 24 + d.hours, d.minutes))}</>;
      }
      return <span className="value-number">{formatNumber(text, { ...numberFormat(property), digit: format === 'NUMBER_DIGIT' })}</span>;
    }
    case 'MULTI_LINE_TEXT':
      return <span className={compact ? 'value-clip' : 'value-multiline'}>{String(v ?? '')}</span>;
    case 'RICH_TEXT':
      return compact ? <span className="value-clip">{richTextPlain(String(v ?? ''))}</span> : <RichText html={String(v ?? '')} />;
    case 'CHECK_BOX':
    case 'MULTI_SELECT':
    case 'CATEGORY': {
      const list = Array.isArray(v) ? (v as string[]) : [];
      if (list.length === 0) return null;
      return (
        <ul className="value-list">
          {list.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      );
    }
    case 'DATETIME':
    case 'CREATED_TIME':
    case 'UPDATED_TIME':
      return <time dateTime={String(v ?? '')}>{formatDateTime(String(v ?? ''), timeZone)}</time>;
    case 'LINK': {
      const text = String(v ?? '');
      const href = linkHref(text, property?.protocol);
      if (!href) return <>{text}</>;
      return property?.protocol === 'WEB' || property?.protocol === undefined ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          {text}
        </a>
      ) : (
        <a href={href}>{text}</a>
      );
    }
    case 'USER_SELECT':
    case 'ORGANIZATION_SELECT':
    case 'GROUP_SELECT':
    case 'STATUS_ASSIGNEE':
      return <EntityChips entities={Array.isArray(v) ? (v as Entity[]) : []} />;
    case 'CREATOR':
    case 'MODIFIER':
      return v && typeof v === 'object' ? <EntityChips entities={[v as Entity]} /> : null;
    case 'FILE':
      return <Files files={Array.isArray(v) ? (v as FileValue[]) : []} place={place} thumbnails={props.thumbnails ?? true} compact={compact} size={property?.thumbnailSize} label={s.download} />;
    case 'SUBTABLE':
      return <Table {...props} />;
    case 'STATUS':
      return v ? <span className="status-badge">{String(v)}</span> : null;
    default:
      // Text, radio, drop-down, date, time, record number, ids: the stored text as it is.
      return <>{v === null || v === undefined ? '' : String(v)}</>;
  }
}

function Files({ files, place, thumbnails, compact, size, label }: { files: FileValue[]; place: Place; thumbnails: boolean; compact?: boolean | undefined; size: unknown; label: (n: string) => string }) {
  if (files.length === 0) return null;
  const px = Math.min(Number(size) || 150, compact ? 50 : 250);
  return (
    <ul className={compact ? 'files files--compact' : 'files'}>
      {files.map((f) => {
        const url = fileUrl(place, f.fileKey);
        return (
          <li key={f.fileKey} className="file">
            {thumbnails && IMAGE.test(f.contentType) && (
              <a href={url} target="_blank" rel="noopener noreferrer" className="file__thumb">
                <img src={url} alt={f.name} loading="lazy" style={{ maxWidth: px, maxHeight: px }} />
              </a>
            )}
            <a href={url} download={f.name} aria-label={label(f.name)}>
              {f.name}
            </a>
            {!compact && <span className="muted"> ({formatSize(f.size)})</span>}
          </li>
        );
      })}
    </ul>
  );
}

interface Row {
  id: string;
  value: Record<string, ApiField>;
}

function Table(props: FieldValueProps) {
  const { field, property, compact } = props;
  const rows = Array.isArray(field.value) ? (field.value as Row[]) : [];
  if (rows.length === 0) return null;
  const inner = (property?.fields ?? {}) as Record<string, Property>;
  // Columns in the table's settings order, limited to what the rows carry (hidden ones never come).
  const present = new Set(rows.flatMap((r) => Object.keys(r.value)));
  const codes = [...Object.keys(inner).filter((c) => present.has(c)), ...[...present].filter((c) => !(c in inner))];
  return (
    <div className="subtable-wrap">
      <table className={compact ? 'subtable subtable--compact' : 'subtable'}>
        <thead>
          <tr>
            {codes.map((c) => (
              <th key={c} scope="col">
                {inner[c]?.label ?? c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              {codes.map((c) => (
                <td key={c}>{r.value[c] && <FieldValue {...props} field={r.value[c]!} property={inner[c]} compact />}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
