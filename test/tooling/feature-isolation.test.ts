import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The messages of the import rule for a file at `filePath` holding `code`. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('web features stand alone (the lint rule)', () => {
  it('refuses a feature importing another feature or the app', async () => {
    expect(
      await importProblems(
        'src/web/features/notes/Probe.tsx',
        "import { DecisionPage } from '../decisions/DecisionPage.tsx';\nexport const x = DecisionPage;\n",
      ),
    ).toEqual([expect.stringContaining('A feature does not import another feature')]);
    expect(
      await importProblems(
        'src/web/features/notes/Probe.tsx',
        "import { router } from '../../app/router.tsx';\nexport const x = router;\n",
      ),
    ).toEqual([expect.stringContaining('A feature does not import the app')]);
  });

  it('refuses components and lib importing a feature', async () => {
    expect(
      await importProblems(
        'src/web/components/Probe.tsx',
        "import { NotesPage } from '../features/notes/NotesPage.tsx';\nexport const x = NotesPage;\n",
      ),
    ).toEqual([expect.stringContaining('do not import features or the app')]);
  });

  it('refuses the web importing the attribution check, which runs on the server', async () => {
    expect(
      await importProblems(
        'src/web/features/notes/Probe.tsx',
        "import { checkAttribution } from '../../../policy/attribution/index.ts';\nexport const x = checkAttribution;\n",
      ),
    ).toEqual([expect.stringContaining('The attribution check runs on the server')]);
    expect(
      await importProblems(
        'src/web/lib/Probe.ts',
        "import winkNLP from 'wink-nlp';\nexport const x = winkNLP;\n",
      ),
    ).toEqual([expect.stringContaining('The attribution check runs on the server')]);
  });

  it('lets a feature import its own files, components, lib and contracts', async () => {
    expect(
      await importProblems(
        'src/web/features/notes/Probe.tsx',
        [
          "import { NotesPage } from './NotesPage.tsx';",
          "import { Page } from '../../components/Page.tsx';",
          "import { api } from '../../lib/api.ts';",
          "import { meetingNotes } from '../../../contracts/notes.ts';",
          'export const x = [NotesPage, Page, api, meetingNotes];',
        ].join('\n'),
      ),
    ).toEqual([]);
  });
});
