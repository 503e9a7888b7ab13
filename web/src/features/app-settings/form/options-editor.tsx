// 項目と順番: a choice field's options, each renamed in place, moved up or down by button and
// removed; a new one added at the end.
import { useStrings } from '../../../i18n/area-strings';
import { formStrings } from './form-strings';

/** Option names in their order. */
export function optionNames(options: unknown): string[] {
  if (!options || typeof options !== 'object') return [];
  const map = options as Record<string, { index?: string }>;
  return Object.keys(map).sort((a, b) => Number(map[a]?.index ?? 0) - Number(map[b]?.index ?? 0));
}

export function OptionsEditor({ names, onChange, error }: { names: string[]; onChange(v: string[]): void; error?: string | undefined }) {
  const f = useStrings(formStrings);
  const swap = (i: number, j: number) => {
    const next = [...names];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const fresh = () => {
    for (let n = names.length + 1; ; n++) if (!names.includes(`sample${n}`)) return `sample${n}`;
  };
  return (
    <fieldset className="as-fieldset">
      <legend>{f.options}</legend>
      <ol className="as-options">
        {names.map((name, i) => (
          <li key={i} className="as-option">
            <input
              aria-label={f.option(i + 1)}
              value={name}
              onChange={(e) => {
                const next = [...names];
                next[i] = e.target.value;
                onChange(next);
              }}
            />
            <button type="button" className="as-icon-button" aria-label={f.optionUp(name)} disabled={i === 0} onClick={() => swap(i, i - 1)}>
              ↑
            </button>
            <button type="button" className="as-icon-button" aria-label={f.optionDown(name)} disabled={i === names.length - 1} onClick={() => swap(i, i + 1)}>
              ↓
            </button>
            <button type="button" className="as-icon-button" aria-label={f.optionDelete(name)} onClick={() => onChange(names.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className="button" onClick={() => onChange([...names, fresh()])}>
        {f.addOption}
      </button>
      {error && <p className="field-error">{error}</p>}
    </fieldset>
  );
}
