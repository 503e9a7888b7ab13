// The numbered rows the view editor's lists share (a MyPage view's matching, a list view's search
// form): each row a fieldset with its own legend and remove button, then the add button while
// there is room. The row's own inputs are the caller's; `at` is a prefix for their ids.
import { type ReactNode, useId } from 'react';

interface Props<T> {
  rows: T[];
  onChange(rows: T[]): void;
  max: number;
  legend(n: number): string;
  removeLabel(n: number): string;
  /** Whether the only row left may be removed too. */
  removeLast: boolean;
  add: string;
  blank(rows: T[]): T;
  children(row: T, i: number, at: string): ReactNode;
}

export function RowListEditor<T>({ rows, onChange, max, legend, removeLabel, removeLast, add, blank, children }: Props<T>) {
  const id = useId();
  return (
    <>
      <ol className="pvm-search-items">
        {rows.map((row, i) => (
          <li key={i}>
            <fieldset className="as-fieldset pvm-search-item">
              <legend>{legend(i + 1)}</legend>
              {children(row, i, `${id}-${i}`)}
              {(removeLast || rows.length > 1) && (
                <button type="button" className="button pvm-danger" aria-label={removeLabel(i + 1)} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                  ×
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {rows.length < max && (
        <button type="button" className="button" onClick={() => onChange([...rows, blank(rows)])}>
          {add}
        </button>
      )}
    </>
  );
}

// match-editor.tsx still takes the field select from here.
export { FieldSelect } from './field-select';
