import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { EditorContext, type EditorContextValue } from './editor.tsx';
import type { Section } from './fields.ts';
import { SectionFields } from './Sections.tsx';
import { StepNav } from './StepNav.tsx';

type SectionsStepProps = {
  /** The sections of the ToR this step edits. */
  sections: Section[];
  /** The draft, its problems by path, and how a field changes it. */
  editor: EditorContextValue;
  /** Whether the draft is being saved just now. */
  saving: boolean;
  /** Saving on the chair's request. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Go to the step before; the first step has none. */
  back: (() => void) | undefined;
  next: () => void;
};

/**
 * A step that edits sections of the draft: one section with its help, or a few
 * that belong together under their own headings; then Save, Back and Next.
 */
export function SectionsStep({
  sections,
  editor,
  saving,
  onSubmit,
  back,
  next,
}: SectionsStepProps) {
  const intl = useIntl();
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <EditorContext value={editor}>
        {sections.length === 1 && sections[0] ? (
          <>
            <p className="terms-help">{intl.formatMessage(sections[0].help)}</p>
            <SectionFields section={sections[0].key} />
          </>
        ) : (
          sections.map(({ key, title: sectionTitle, help }) => (
            <section key={key} className="terms-section" aria-labelledby={`draft-section-${key}`}>
              <h3 id={`draft-section-${key}`}>{intl.formatMessage(sectionTitle)}</h3>
              <p className="terms-help">{intl.formatMessage(help)}</p>
              <SectionFields section={key} />
            </section>
          ))
        )}
      </EditorContext>
      <StepNav back={back} next={next}>
        <button type="submit" className="button" aria-disabled={saving || undefined}>
          <FormattedMessage id="terms.draft.save" defaultMessage="Save" />
        </button>
      </StepNav>
    </form>
  );
}
