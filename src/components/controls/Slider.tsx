import { useId } from 'preact/hooks';

interface SliderProps {
  /** Visible Chinese label. */
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** Shows a number input beside the range for exact values. @default true */
  numberInput?: boolean;
  /** Formats the value for screen readers (aria-valuetext) and the read-out. */
  format?: (v: number) => string;
  /** Log-scale slider: the range moves over log10(value); the number input takes the value itself. */
  log?: boolean;
  disabled?: boolean;
  hint?: string;
}

function clampStep(v: number, min: number, max: number, step: number): number {
  const c = Math.min(max, Math.max(min, v));
  const s = Math.round((c - min) / step) * step + min;
  return Number(Math.min(max, s).toFixed(10));
}

/** A labelled range input with a synced number input; ≥ 44 px targets; keyboard per native controls. */
export function Slider({ label, value, min, max, step, onChange, numberInput = true, format, log = false, disabled = false, hint }: SliderProps) {
  const id = useId();
  const text = format ? format(value) : String(value);
  const rangeMin = log ? Math.log10(min) : min;
  const rangeMax = log ? Math.log10(max) : max;
  const rangeStep = log ? (rangeMax - rangeMin) / 200 : step;
  const rangeValue = log ? Math.log10(Math.max(min, value)) : value;
  return (
    <div class="ctl ctl-slider">
      <label class="ctl-label" for={`${id}-r`}>{label}</label>
      <div class="ctl-row">
        <input
          id={`${id}-r`}
          type="range"
          min={rangeMin}
          max={rangeMax}
          step={rangeStep}
          value={rangeValue}
          disabled={disabled}
          aria-valuetext={text}
          aria-describedby={hint ? `${id}-h` : undefined}
          onInput={(e) => {
            const raw = Number((e.currentTarget as HTMLInputElement).value);
            onChange(log ? clampStep(10 ** raw, min, max, step) : clampStep(raw, min, max, step));
          }}
        />
        {numberInput ? (
          <input
            class="ctl-number"
            type="number"
            aria-label={`${label}（数值）`}
            min={min}
            max={max}
            step={step}
            value={value}
            disabled={disabled}
            onChange={(e) => {
              const raw = Number((e.currentTarget as HTMLInputElement).value);
              if (Number.isFinite(raw)) onChange(clampStep(raw, min, max, step));
            }}
          />
        ) : (
          <output class="ctl-output" for={`${id}-r`}>{text}</output>
        )}
      </div>
      {hint && <p class="ctl-hint" id={`${id}-h`}>{hint}</p>}
    </div>
  );
}
