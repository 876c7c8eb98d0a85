/**
 * The seed template in Welsh: every sentence of the English template
 * (template.ts), clause for clause, in plain Welsh as a Welsh public body
 * would write it. The rules it sets are the same; only the words differ.
 */
import type { SeedText } from './template.ts';

export const WELSH: SeedText = {
  title: 'Grŵp llywio',
  titleFor: (groupName) => `${groupName}: Cylch Gorchwyl`,
  purpose:
    'Rydym yn gweithio tuag at roi penderfyniadau’r ymgynghoriad ar waith. Mae popeth y mae’r grŵp yn ei wneud yn gwasanaethu hyn.',
  whoMayJoin: 'Mae’r aelodaeth yn agored i bawb: gall unrhyw un ymuno â’r grŵp a chymryd rhan.',
  membershipNote:
    'Rydym yn cydnabod y gall aelodaeth y grŵp newid wrth i bobl ymrwymo amser i weithgorau.',
  area: (letter) => `Maes ${letter}`,
  toBeNamed: 'I’w enwi gan y grŵp.',
  takeInstead: 'y man y mae’r grŵp yn ei enwi ar ei gyfer',
  remitNote:
    'Yn y trafodaethau gyda’r holl grwpiau, daeth yn amlwg ei bod yn hanfodol bod yn glir ynghylch beth sydd o fewn y cylch gwaith a beth sydd y tu allan iddo: nid yw pobl am dreulio’u hamser ar bethau na allant ddylanwadu arnynt.',
  behaviourIntro:
    'Roedd ein grwpiau’n canolbwyntio ar bwysigrwydd cytundeb ar y cyd ynghylch ymddygiad: mae’n galluogi pobl yn y grŵp i herio’i gilydd mewn ffordd nad yw’n bersonol. Er enghraifft: fe wnaethoch gytuno i ymddwyn yn y ffyrdd hyn, ac nid yw eich ymddygiad nawr yn adlewyrchu hynny. Rydym yn cytuno:',
  behaviourClauses: [
    'Rhannu popeth yn gynnar, a dysgu cymaint â phosibl am y sefyllfa bresennol, y gwelliannau a’r camau gweithredu presennol, a’r risgiau presennol.',
    'Disgwyl gallu gwneud eich pwynt.',
    'Disgwyl cydweithredu, a bod yn esiampl o gydweithredu.',
    'Bod pob awgrym yn cael ei ystyried a’i drafod: ni ddylid gwawdio syniadau neb.',
    'Parchu rolau a chyfrifoldebau proffesiynol pobl.',
    'Parchu’r amser a’r egni y mae gwirfoddolwyr yn eu rhoi.',
    'Parchu cyfrinachedd: ni ddylid rhannu gwybodaeth a rennir ar gyfer y broses y tu allan i’r grŵp oni bai bod y grŵp wedi cytuno’n benodol i hynny.',
    'Gweithio yn ôl ethos o ymddiriedaeth, sef ‘Rheol Chatham House’: y rhyddid i fynegi barn o fewn y broses hon heb i’r farn honno gael ei phriodoli i unigolyn penodol y tu allan i’r broses. Mae hyn yn golygu y bydd nodiadau cyfarfodydd yn adlewyrchu’r drafodaeth.',
    'Rydym yn cydnabod bod angen meithrin ymddiriedaeth.',
    'Dylai aelodau deimlo’n ddiogel i herio ymddygiad nad yw’n unol â’r cytundeb hwn, yn ystod cyfarfodydd a gyda’i gilydd, a dylent bob amser ymateb yn gadarnhaol i feirniadaeth adeiladol; ond ni ddylent byth feirniadu ymddygiad ei gilydd y tu allan i’r grŵp.',
    'Mae hon yn ffordd newydd o weithio, ac rydym yn disgwyl y bydd adegau pan fydd pethau’n mynd o chwith. Mae pawb wedi ymrwymo i ddysgu pan fydd pethau’n mynd o chwith, nid i roi bai ar neb.',
  ],
  waysOfWorking: [
    {
      title: 'Gweithio gyda grwpiau eraill',
      text: 'Rydym yn parchu unrhyw broses allanol arall: rydym yn gwybod nad ydym yn gweithio ar ein pennau ein hunain. Dylid rhoi gwybod am unrhyw effaith rhwng grwpiau.',
    },
    {
      title: 'Dysgu',
      text: 'Byddwn yn creu dysgu a syniadau newydd ar gyfer cydgynhyrchu, a dylem eu rhannu.',
    },
    {
      title: 'Defnyddio’r hyn sy’n hysbys eisoes',
      text: 'Rydym yn defnyddio’r wybodaeth sydd eisoes ar gael o adolygiadau lleol gan arbenigwyr annibynnol cyn gofyn am ragor.',
    },
    {
      title: 'Rhoi gwybod i’n gilydd',
      text: 'Nid oes angen i ni ofyn caniatâd i wneud pethau, ond rydym yn rhoi gwybod i aelodau’r grŵp beth sy’n digwydd, ac nid ydym yn mynd ati ar ein liwt ein hunain.',
    },
  ],
  realisticGoal: {
    statement:
      'Mae penderfyniadau’r ymgynghoriad rydym yn gweithio arnynt wedi cael eu rhoi ar waith.',
    measure: 'y cynnydd ar bob penderfyniad, a adroddir ym mhob cyfarfod.',
  },
  moodGoal: 'Bydd y bobl sy’n cymryd rhan yn teimlo bod rhywun yn gwrando arnynt.',
  surveyQuestions: {
    listened_to: 'Rwy’n teimlo bod pobl yn gwrando arnaf yn y grŵp hwn.',
    made_my_point: 'Rwy’n gallu gwneud fy mhwynt.',
    worth_my_time: 'Mae cymryd rhan yn ddefnydd da o’m hamser.',
  },
  involvement:
    'Caiff treuliau rhesymol am gymryd rhan, fel costau teithio a gofal, eu had-dalu. Mater i’r grŵp a’r sefydliad sy’n ei gynnal yw cytuno a yw pobl yn cael eu talu am eu hamser.',
};
