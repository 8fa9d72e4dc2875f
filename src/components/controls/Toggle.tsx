interface ToggleProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}

/** A labelled switch (a native checkbox with role="switch"). */
export function Toggle({ label, checked, onChange, disabled = false }: ToggleProps) {
  return (
    <label class="ctl ctl-toggle">
      <input type="checkbox" role="switch" checked={checked} disabled={disabled} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      <span class="ctl-switch" aria-hidden="true"></span>
      <span class="ctl-label">{label}</span>
    </label>
  );
}
