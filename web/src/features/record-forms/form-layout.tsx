// The form as the app's layout arranges it (GET app/form/layout.json): rows of fields, labels,
// blank spaces and borders, tables, and field groups that open and close. On a phone every row
// stacks into one column (record-forms.css).
import type { LayoutElement, LayoutRow, Property } from '../../../../common/fields/index.js';
import { FieldBlock } from './form-fields';
import { useRecordForm } from './form-context';

/** A layout label's HTML as plain text (line breaks kept): nothing of it is ever run. */
export function labelText(html: string): string {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  doc.querySelectorAll('br').forEach((br) => br.replaceWith('\n'));
  doc.querySelectorAll('div, p, li').forEach((el) => el.append('\n'));
  return (doc.body.textContent ?? '').replace(/\n{3,}/g, '\n\n').trim();
}

function widthOf(el: LayoutElement): React.CSSProperties | undefined {
  const size = el.size as { width?: string } | undefined;
  const w = Number(size?.width);
  return Number.isFinite(w) && w > 0 ? { flexBasis: `${w}px` } : undefined;
}

function Element({ el }: { el: LayoutElement }) {
  const form = useRecordForm();
  if (el.type === 'LABEL') {
    const text = labelText(String(el.label ?? ''));
    return text ? (
      <p className="rf-el rf-el--label" style={widthOf(el)}>
        {text}
      </p>
    ) : null;
  }
  if (el.type === 'SPACER') return <div className="rf-el rf-el--spacer" style={widthOf(el)} aria-hidden="true" />;
  if (el.type === 'HR') return <hr className="rf-el rf-el--hr" />;
  const p = typeof el.code === 'string' ? form.properties[el.code] : undefined;
  if (!p || form.hidden.has(p.code)) return null;
  return (
    <div className="rf-el" style={widthOf(el)}>
      <FieldBlock property={p} />
    </div>
  );
}

function Row({ fields }: { fields: LayoutElement[] }) {
  return (
    <div className="rf-row">
      {fields.map((el, i) => (
        <Element key={`${el.type}:${String(el.code ?? i)}`} el={el} />
      ))}
    </div>
  );
}

function Group({ property, rows }: { property: Property; rows: Array<{ fields: LayoutElement[] }> }) {
  return (
    <details className="rf-group" open={property.openGroup === true || undefined}>
      <summary className="rf-group__title">{String(property.label ?? property.code)}</summary>
      <div className="rf-group__body">
        {rows.map((r, i) => (
          <Row key={i} fields={r.fields} />
        ))}
      </div>
    </details>
  );
}

export function FormLayout({ layout }: { layout: LayoutRow[] }) {
  const form = useRecordForm();
  return (
    <div className="rf-layout">
      {layout.map((row, i) => {
        if (row.type === 'ROW') return <Row key={i} fields={row.fields} />;
        const p = form.properties[row.code];
        if (!p || form.hidden.has(p.code)) return null;
        if (row.type === 'SUBTABLE')
          return (
            <div key={row.code} className="rf-row">
              <div className="rf-el rf-el--table">
                <FieldBlock property={p} />
              </div>
            </div>
          );
        return <Group key={row.code} property={p} rows={row.layout} />;
      })}
    </div>
  );
}
