import { useState, type Ref } from 'react';
import { useIntl } from 'react-intl';

type CopyFieldProps = {
  id: string;
  label: string;
  value: string;
  /** The copy button's words, such as "Copy link". */
  copyLabel: string;
  inputRef?: Ref<HTMLInputElement>;
};

/** A read-only box holding something to share (a link, a token), with a copy button. */
export function CopyField({ id, label, value, copyLabel, inputRef }: CopyFieldProps) {
  const intl = useIntl();
  const [status, setStatus] = useState('');

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(intl.formatMessage({ id: 'common.copy.copied', defaultMessage: 'Copied.' }));
    } catch {
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
      setStatus(
        intl.formatMessage({
          id: 'common.copy.failed',
          defaultMessage:
            'Your browser did not let us copy. The text is selected: copy it yourself.',
        }),
      );
    }
  }

  return (
    <div className="field">
      <label htmlFor={id} className="label">
        {label}
      </label>
      <div className="copy-row">
        <input
          ref={inputRef}
          id={id}
          className="input copy-input"
          readOnly
          value={value}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-secondary" onClick={copy}>
          {copyLabel}
        </button>
      </div>
      <p className="copy-status" role="status">
        {status}
      </p>
    </div>
  );
}
