import type { AttributionPerson } from './types.ts';

/** Common short forms of first names, beyond the first letters of the name itself. */
const SHORT_FORMS: Record<string, readonly string[]> = {
  william: ['Will', 'Bill', 'Billy', 'Liam'],
  robert: ['Rob', 'Bob', 'Bobby', 'Robbie'],
  elizabeth: ['Liz', 'Beth', 'Lizzie', 'Betty'],
  margaret: ['Maggie', 'Peggy', 'Meg'],
  richard: ['Rich', 'Rick', 'Dick'],
  catherine: ['Kate', 'Cath', 'Cathy'],
  katherine: ['Kate', 'Kath', 'Kathy', 'Katie'],
  jennifer: ['Jen', 'Jenny'],
  alexander: ['Alex', 'Sandy'],
  alexandra: ['Alex', 'Sandra'],
  christopher: ['Chris'],
  christine: ['Chris', 'Chrissie'],
  michael: ['Mike', 'Mick', 'Mikey'],
  deborah: ['Debbie', 'Deb'],
  patricia: ['Pat', 'Tricia', 'Trish'],
  patrick: ['Pat', 'Paddy'],
  susan: ['Sue', 'Susie'],
  anthony: ['Tony'],
  edward: ['Ed', 'Eddie', 'Ted'],
  james: ['Jim', 'Jimmy', 'Jamie'],
  joseph: ['Joe', 'Joey'],
  josephine: ['Jo', 'Josie'],
  joanne: ['Jo'],
  joanna: ['Jo'],
  thomas: ['Tom', 'Tommy'],
  daniel: ['Dan', 'Danny'],
  matthew: ['Matt'],
  nicholas: ['Nick', 'Nicky'],
  rebecca: ['Becky', 'Becca'],
  victoria: ['Vicky', 'Tori'],
  abigail: ['Abi', 'Abby'],
  samuel: ['Sam', 'Sammy'],
  samantha: ['Sam', 'Sammy'],
  benjamin: ['Ben'],
  jonathan: ['Jon', 'Jonny'],
  stephen: ['Steve'],
  steven: ['Steve'],
  david: ['Dave'],
  andrew: ['Andy', 'Drew'],
  gregory: ['Greg'],
  frederick: ['Fred', 'Freddie'],
  harold: ['Harry'],
  henry: ['Harry', 'Hal'],
  philip: ['Phil'],
  timothy: ['Tim'],
  zachary: ['Zac', 'Zach'],
};

/**
 * A person as the check knows them: full name, first name, surname, the usual
 * short forms of the first name (Samantha: Sam), and the names they say they
 * go by on their account page. The server builds the group's people with it,
 * and so does the evaluation (`npm run eval:attribution`).
 */
export function attributionPerson(name: string, knownAs: readonly string[]): AttributionPerson {
  const parts = name.split(/\s+/).filter(Boolean);
  const first = parts[0] ?? '';
  const names = new Set<string>();
  if (parts.length > 1) {
    names.add(first);
    names.add(parts[parts.length - 1]!);
  }
  for (const short of SHORT_FORMS[first.toLowerCase()] ?? []) names.add(short);
  for (const other of knownAs) names.add(other);
  return { name, knownAs: [...names] };
}
