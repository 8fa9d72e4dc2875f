import { useId } from 'preact/hooks';

interface ChoiceProps<V extends string> {
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
  disabled?: boolean;
  /** Radio-group name; give one when an island has several groups (Preact's useId has repeated inside one island). */
  name?: string;
}

/** A segmented radio group (arrow keys move between options, as native radios do). */
export function Choice<V extends string>({ label, value, options, onChange, disabled = false, name }: ChoiceProps<V>) {
  // Without an explicit name, the label keeps two groups of one island apart even if useId repeats.
  const generated = `${useId()}-${label}`;
  const id = name ?? generated;
  return (
    <fieldset class="ctl ctl-choice" disabled={disabled}>
      <legend class="ctl-label">{label}</legend>
      <div class="ctl-segments">
        {options.map((o) => (
          <label key={o.value} class={o.value === value ? 'seg seg-on' : 'seg'}>
            <input type="radio" name={id} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** A labelled <select>, for longer lists. */
export function Select<V extends string>({ label, value, options, onChange, disabled = false }: ChoiceProps<V>) {
  const id = useId();
  return (
    <div class="ctl ctl-select">
      <label class="ctl-label" for={id}>{label}</label>
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange((e.currentTarget as HTMLSelectElement).value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  );
}
