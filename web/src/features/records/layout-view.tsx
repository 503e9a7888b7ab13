// A record on its form (app/form/layout.json): rows of fields, labels, blank spaces and borders,
// tables and collapsible field groups, each field with its name unless "hide field name" is set.
// A field the viewer may not read is not in the record the server sent, so it is not drawn.
import { useState } from 'react';
import type { LayoutElement, LayoutRow, Property } from '../../../../common/fields/index.js';
import type { Place } from '../../api/place';
import type { ApiRecord } from '../../api/records';
import { FieldValue } from './fields/field-value';
import { RichText } from './fields/rich-text';
import { LookupLink, RelatedRecords } from './related-records';

export interface LayoutViewProps {
  layout: LayoutRow[];
  properties: Record<string, Property>;
  record: ApiRecord;
  place: Place;
  timeZone: string;
  thumbnails: boolean;
}

const width = (el: LayoutElement) => {
  const w = Number((el.size as { width?: string } | undefined)?.width);
  return Number.isFinite(w) && w > 0 ? w : undefined;
};

function Element({ el, ...props }: LayoutViewProps & { el: LayoutElement }) {
  const w = width(el);
  const style = w ? { flexBasis: `${w}px` } : undefined;
  if (el.type === 'LABEL') {
    return (
      <div className="form-cell form-cell--label" style={style}>
        <RichText html={String(el.label ?? '')} />
      </div>
    );
  }
  if (el.type === 'SPACER') {
    const h = Number((el.size as { height?: string } | undefined)?.height) || 0;
    return <div className="form-cell form-cell--spacer" style={{ ...style, minHeight: Math.min(h, 200) }} aria-hidden="true" />;
  }
  if (el.type === 'HR') return <hr className="form-hr" />;
  const code = String(el.code ?? '');
  const property = props.properties[code];
  if (!property) return null;
  if (el.type === 'REFERENCE_TABLE') {
    return (
      <div className="form-cell form-cell--wide" role="group" aria-label={property.label}>
        {!property.noLabel && <div className="form-cell__label">{property.label}</div>}
        <RelatedRecords property={property} record={props.record} place={props.place} timeZone={props.timeZone} />
      </div>
    );
  }
  const field = props.record[code];
  if (!field) return null;
  const value = <FieldValue field={field} property={property} timeZone={props.timeZone} place={props.place} thumbnails={props.thumbnails} />;
  const wide = field.type === 'RICH_TEXT' || field.type === 'MULTI_LINE_TEXT' || field.type === 'SUBTABLE';
  return (
    <div className={wide ? 'form-cell form-cell--wide' : 'form-cell'} style={style} role="group" aria-label={property.label} data-field={code}>
      {!property.noLabel && <div className="form-cell__label">{property.label}</div>}
      <div className="form-cell__value">
        {property.lookup ? (
          <LookupLink property={property} field={field} place={props.place}>
            {value}
          </LookupLink>
        ) : (
          value
        )}
      </div>
    </div>
  );
}

function Row({ fields, ...props }: LayoutViewProps & { fields: LayoutElement[] }) {
  return (
    <div className="form-row">
      {fields.map((el, i) => (
        <Element key={`${String(el.code ?? el.type)}-${i}`} el={el} {...props} />
      ))}
    </div>
  );
}

function Group({ row, ...props }: LayoutViewProps & { row: Extract<LayoutRow, { type: 'GROUP' }> }) {
  const property = props.properties[row.code];
  const [open, setOpen] = useState(property?.openGroup !== false);
  // A group whose fields the viewer cannot see at all is not shown.
  const anyVisible = row.layout.some((r) => r.fields.some((el) => !el.code || props.record[String(el.code)] || props.properties[String(el.code)]?.type === 'REFERENCE_TABLE'));
  if (!property || !anyVisible) return null;
  return (
    <details className="form-group" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{property.label}</summary>
      {row.layout.map((r, i) => (
        <Row key={i} fields={r.fields} {...props} />
      ))}
    </details>
  );
}

export function LayoutView(props: LayoutViewProps) {
  return (
    <div className="record-form">
      {props.layout.map((row, i) => {
        if (row.type === 'GROUP') return <Group key={i} row={row} {...props} />;
        if (row.type === 'SUBTABLE') return <Row key={i} fields={[{ type: 'SUBTABLE', code: row.code }]} {...props} />;
        return <Row key={i} fields={row.fields} {...props} />;
      })}
    </div>
  );
}
