/**
 * A segmented radio group like controls/Choice, but with an explicit group name: Choice's useId()
 * gave several groups of this island the same name (so they merged into one radio group).
 */
interface SegmentsProps<V extends string> {
  /** Unique radio-group name within the page. */
  name: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange: (value: V) => void;
}

export function Segments<V extends string>({ name, label, value, options, onChange }: SegmentsProps<V>) {
  return (
    <fieldset class="ctl ctl-choice">
      <legend class="ctl-label">{label}</legend>
      <div class="ctl-segments">
        {options.map((o) => (
          <label key={o.value} class={o.value === value ? 'seg seg-on' : 'seg'}>
            <input type="radio" name={name} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
