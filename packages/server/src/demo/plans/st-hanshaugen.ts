/**
 * Ruspolitisk handlingsplan for Bydel St. Hanshaugen (2020), section 5 «Tiltaksplan», transcribed
 * from the seed document ../shared/seeds/001_54041a49cda9e9ca.txt (text extracted from a PDF, with
 * OCR errors corrected and æøå restored).
 *
 * From the source: goals, strategies, the city council's lettered measures (byrådets tiltak, from
 * Byrådets strategiske plan for rusfeltet) and the district's numbered measures with their wording,
 * and the plans the text refers to. Where the extraction lost a letter or a number, it is
 * reconstructed from the order and the context; see the comments marked «Rekonstruert».
 *
 * DEMO DATA, NOT FROM THE SOURCE: the plan period 2020–2023 (the document gives none), every
 * deadline (`deadline`), every status history (`history`: dates, statuses, remarks, authors),
 * responsible units (`responsible`, inferred from each measure's text), partners where the measure
 * text does not name them, and target groups.
 */
import { DISTRICT_PLAN_LEVELS } from '@rusfag/core';
import type { DemoPlan, DemoStatusUpdate } from './types.js';

type By = 'leder.sth' | 'planlegger.sth';

/** One status report entry (demo data). */
function s(date: string, status: string, by: By, remark?: string): DemoStatusUpdate {
  return remark === undefined ? { date, status, by } : { date, status, by, remark };
}

// The district's yearly status reports, and two half-yearly ones (demo data).
const R2020 = '2020-12-10';
const H2021 = '2021-06-15';
const R2021 = '2021-12-09';
const H2022 = '2022-06-20';
const R2022 = '2022-12-08';
const R2023 = '2023-11-30';

const BOLIGSOSIAL = 'Jmf. Boligsosial handlingsplan.';

export const stHanshaugenPlan: DemoPlan = {
  owner: 'sth',
  title: 'Ruspolitisk handlingsplan – Bydel St. Hanshaugen',
  description:
    'Ruspolitisk handlingsplan er et overordnet plandokument for avdelinger, seksjoner og tjenestesteder i ' +
    'Bydel St. Hanshaugen som har oppgaver og ansvar knyttet til forebyggende og tiltaksrettet rusarbeid. ' +
    'Hovedfokus er å forebygge, gi tidlig hjelp og økt livskvalitet ved rusproblemer. Planen skal bidra til å ' +
    'gjennomføre målene i Byrådets strategiske plan for rusfeltet i Oslo, og er utarbeidet etter oppdrag i ' +
    'Tildelingsbrev 2019 fra byrådsavdeling for eldre, helse og arbeid. Oppfølging av planen inngår i bydelens ' +
    'årlige plan- og budsjettprosess.',
  startYear: 2020,
  endYear: 2023,
  state: 'adopted',
  levels: [...DISTRICT_PLAN_LEVELS],
  links: [
    {
      kind: 'implements',
      title: 'Byrådets strategiske plan for rusfeltet i Oslo (byrådssak 158/18)',
      url: 'https://tjenester.oslo.kommune.no/ekstern/einnsyn-fillager/filtjeneste/fil?virksomhet=976819853&filnavn=vedlegg%2F2018_06%2F1257620_1_1.pdf',
    },
    { kind: 'related', title: 'Strategisk plan for Bydel St. Hanshaugen' },
    { kind: 'related', title: 'Folkehelseplan Bydel St. Hanshaugen 2020–2024' },
    { kind: 'related', title: 'Plan for psykisk helsearbeid, Bydel St. Hanshaugen' },
    { kind: 'related', title: 'Boligsosial handlingsplan, Bydel St. Hanshaugen' },
    { kind: 'related', title: 'Opptrappingsplanen for rusfeltet 2016–2020 (Prop. 15 S (2015–2016))' },
  ],
  items: [
    {
      level: 0,
      title: 'Færre innbyggere utvikler rusproblemer',
      children: [
        {
          level: 1,
          title: 'Forebyggingsoffensiv for å hindre at rusproblemer oppstår',
          children: [
            {
              level: 2,
              code: 'a',
              title:
                'Oppdatere det rusforebyggende programmet i Osloskolen slik at det gir faktabasert kunnskap om alle rusmidler (også nye) og rusmidlers virkninger, og at kunnskapen gis av fagpersonell og mer på ungdommens premisser.',
              children: [
                {
                  level: 3,
                  code: '1',
                  title: 'Vi oppdaterer det rusforebyggende programmet i Osloskolen i samarbeid med skolene i bydelen.',
                  responsible: ['sth-ruskonsulent-unge', 'sth-skolehelse'],
                  partners: 'Skolene i bydelen',
                  targetGroups: ['ungdom'],
                  deadline: 'Skoleåret 2021/2022',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth', 'Avventer Utdanningsetatens oppdatering av programmet.'),
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Ruskonsulent for unge har deltatt i undervisningen på to ungdomsskoler.'),
                    s(R2022, 'gjennomfort', 'planlegger.sth', 'Oppdatert opplegg er tatt i bruk på alle ungdomsskolene i bydelen.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'b',
              title:
                'Utrede alternative tilbud til elever som sanksjoneres med bortvisning på grunn av bruk eller omsetning av rusmidler.',
              children: [
                {
                  level: 3,
                  code: '2',
                  title:
                    'Vi skal samarbeide om konkrete tilbud om individuell oppfølging ved helsesykepleier og ruskonsulent til elever som sanksjoneres med bortvisning på grunn av bruk eller omsetning av rusmidler.',
                  responsible: ['sth-skolehelse', 'sth-ruskonsulent-unge'],
                  partners: 'Skolene i bydelen',
                  targetGroups: ['ungdom'],
                  deadline: 'Våren 2021',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'Rutine for henvisning fra skolene til helsesykepleier og ruskonsulent foreligger i utkast.'),
                    s(H2021, 'iverksatt', 'leder.sth', 'Rutinen er tatt i bruk ved skolene.'),
                    s(R2022, 'gjennomfort', 'planlegger.sth', 'Innarbeidet i ordinær drift. Fem elever fikk tilbud om oppfølging i 2022.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'c',
              title:
                'At alle bydeler/sektorer tilbyr lavterskel psykososiale tjenester på barns normalarenaer, i samarbeid med spesialisthelsetjenesten.',
              children: [
                {
                  level: 3,
                  code: '3',
                  title:
                    'Vi videreutvikler samarbeidet med Nic Waals Institutt Lovisenberg gjennom felles inntaksteam og pilotering av FACT Ung.',
                  // The next paragraph has no number of its own; numbers 3 and 4 are consecutive, so it is
                  // read as a second paragraph of measure 3.
                  description:
                    'Vi styrker samhandlingen innad i bydelen med ny strukturert samarbeidspraksis mellom skolehelsetjenesten, elevterapeutene og ruskonsulenten.',
                  responsible: ['sth-ruskonsulent-unge', 'sth-skolehelse', 'sth-fact'],
                  partners:
                    'Nic Waals Institutt, Lovisenberg (barne- og ungdomspsykiatrisk poliklinikk for barn og ungdom 0–18 år og gravide)',
                  targetGroups: ['ungdom'],
                  deadline: '2021',
                  history: [
                    s(R2020, 'iverksatt', 'leder.sth', 'Felles inntaksteam med Nic Waals Institutt er etablert. FACT Ung er i pilotdrift.'),
                    s(R2021, 'iverksatt', 'leder.sth', 'Samarbeidspraksis mellom skolehelsetjenesten, elevterapeutene og ruskonsulenten er beskrevet og tatt i bruk.'),
                    s(R2022, 'gjennomfort', 'planlegger.sth', 'FACT Ung er videreført i ordinær drift etter pilotperioden.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'd',
              title:
                'At alle bydeler har et system som sikrer tydelig ansvar i bydelene for oppfølging når det meldes bekymringer knyttet til rus og barn og unge.',
              children: [
                {
                  level: 3,
                  code: '4',
                  title:
                    'Bydelens ansatte og ansatte på skolene skal få opplæring i meldeplikt til barneverntjenesten, der det er bekymring for rus hos barn, unge og foreldre.',
                  responsible: ['sth', 'sth-skolehelse'],
                  partners: 'Barneverntjenesten, skolene i bydelen',
                  targetGroups: ['ungdom', 'barn som pårørende'],
                  deadline: 'Årlig',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth', 'Utsatt på grunn av koronapandemien.'),
                    s(R2021, 'delvis_iverksatt', 'planlegger.sth', 'Digital opplæring er gjennomført for skolehelsetjenesten og ansatte på tre skoler.'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Opplæring er gjennomført på alle skolene i bydelen og gjentas hvert år.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres som årlig tiltak i ny plan.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'e',
              title:
                'At Uteseksjonen i samarbeid med bydelene utvikler en felles faglig standard som inkluderer kvalitetssikring av oppsøkende arbeid rettet mot utsatte unge.',
              children: [
                {
                  level: 3,
                  code: '5',
                  title: 'Bidra til Velferdsetatens utvikling av en felles faglig standard for oppsøkende arbeid rettet mot utsatte unge.',
                  responsible: ['sth-ruskonsulent-unge'],
                  partnerUnits: ['ute'],
                  targetGroups: ['ungdom'],
                  deadline: 'I løpet av planperioden',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth', 'Velferdsetaten har ikke startet arbeidet.'),
                    s(H2022, 'delvis_iverksatt', 'leder.sth', 'Bydelen deltar i Velferdsetatens arbeidsgruppe.'),
                    s(R2023, 'gjennomfort', 'leder.sth', 'Felles faglig standard for oppsøkende arbeid er ferdigstilt og tatt i bruk.'),
                  ],
                },
                {
                  level: 3,
                  // Rekonstruert: the number «6» was lost in extraction (the text runs across a page break).
                  code: '6',
                  title:
                    'Etablere og utvikle et matriseorganisert ungdomsteam for intervenerende, individuell oppfølging av utsatt ungdom.',
                  responsible: ['sth-ruskonsulent-unge', 'sth-nav'],
                  partners: 'Ung i Bydel St. Hanshaugen, barneverntjenesten, ungdomskonsulentene',
                  targetGroups: ['ungdom', 'unge voksne'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'iverksatt', 'leder.sth', 'Ungdomsteamet ble etablert 1.1.2020 og gir individuell oppfølging av utsatt ungdom.'),
                    s(R2021, 'iverksatt', 'leder.sth', 'Boligkonseptet fra BOSIN er prøvd ut med to leiligheter.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Ungdomsteamet er en del av ordinær drift og videreføres i ny plan.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'f',
              title:
                'Gjennomgå Oslo kommunes nettsider med tanke på lett tilgjengelig informasjon om helsefremmende og forebyggende tiltak på rusfeltet og slik at bydelene kan gi informasjon om hvem man kan henvende seg til og hvilke tiltak som finnes.',
              children: [
                {
                  level: 3,
                  code: '7',
                  title: 'Vi sikrer forståelig og tilgjengelig informasjon på bydelens egne nettsider.',
                  responsible: ['sth'],
                  deadline: '31.12.2021',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth'),
                    s(R2021, 'gjennomfort', 'planlegger.sth', 'Informasjon om rustjenestene og hvem man kan kontakte er oppdatert på bydelens nettsider.'),
                  ],
                },
              ],
            },
          ],
        },
        {
          level: 1,
          title: 'Tidligere innsats når rusproblemer oppstår',
          children: [
            {
              level: 2,
              code: 'a',
              title:
                'At bydelene alltid skal tilby oppfølgingssamtale for alle som henvender seg til tjenester i kommunen med behov for hjelp ved rusproblemer, eller som er pårørende.',
              children: [
                {
                  level: 3,
                  code: '1',
                  title:
                    'Vi etterlever og dokumenterer tilbud om oppfølgingssamtale for alle som henvender seg til tjenester i bydelen med behov for hjelp ved rusproblemer, eller som er pårørende.',
                  responsible: ['sth-rusteam', 'sth-nav'],
                  targetGroups: ['voksne', 'pårørende'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'Tilbud gis, men dokumenteres ikke systematisk.'),
                    s(R2021, 'iverksatt', 'leder.sth', 'Mal for dokumentasjon i journal er tatt i bruk i rusteamet og NAV.'),
                    s(R2022, 'iverksatt', 'planlegger.sth', 'Stikkprøver viser at tilbudet er dokumentert i de fleste saker.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'b',
              title:
                'At medarbeidere skal prioritere tid til direkte arbeid med folk, slik at tiden som brukes til utredning, diagnostisering og enkeltvedtak kan reduseres.',
              children: [
                {
                  level: 3,
                  code: '2',
                  // «FACT*2» in the extraction: FACT with footnote 12, «Flexible Assertive Community Treatment».
                  title: 'Bydelen skal teste ut ambulerende rusteam for eldre etter FACT-modell.',
                  // Unnumbered second paragraph; numbers 2 and 3 are consecutive.
                  description: 'Vi øker direkte brukertid overfor personer med rusproblemer.',
                  responsible: ['sth-rusteam', 'sth-hjemme'],
                  targetGroups: ['eldre'],
                  deadline: 'Høsten 2021',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'leder.sth', 'Avventer finansiering.'),
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Prosjektstilling er opprettet, og samarbeidet med hjemmetjenesten er startet.'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Teamet har fulgt opp 14 eldre i 2022.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres i ny plan.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'c',
              title: 'At tjenestene innhenter samtykkeerklæring for å kunne samarbeide med pårørende.',
              children: [
                {
                  level: 3,
                  code: '3',
                  title: 'Alle tjenester i bydelen bruker et felles utarbeidet samtykkeskjema i alle konsultasjoner.',
                  responsible: ['sth'],
                  targetGroups: ['pårørende'],
                  deadline: 'Våren 2021',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'planlegger.sth', 'Felles skjema er utarbeidet og sendt på høring i tjenestene.'),
                    s(H2021, 'gjennomfort', 'planlegger.sth', 'Skjemaet er tatt i bruk i alle tjenestene.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'd',
              title:
                'At personer og familier med rusproblemer oppfordres og hjelpes til å delta i selvhjelpsgrupper og organisere seg i brukerorganisasjoner.',
              children: [
                {
                  level: 3,
                  code: '4',
                  title:
                    'Vi skal ha god kunnskap om og bidrar til kontakt med selvhjelpsgrupper og brukerorganisasjoner for personer og familier med rusproblemer.',
                  responsible: ['sth-rusteam'],
                  partners: 'Selvhjelpsgrupper og brukerorganisasjoner',
                  targetGroups: ['voksne', 'pårørende'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'Oversikt over selvhjelpsgrupper og brukerorganisasjoner er utarbeidet.'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Brukerorganisasjoner har informert på personalmøter i rusteamet og NAV.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'e',
              title:
                'At pårørende, også barn som pårørende, systematisk skal spørres om hva som kan virke avlastende og støttende for dem.',
              children: [
                {
                  level: 3,
                  code: '5',
                  title:
                    'Bydelen etterlever og dokumenterer at også barn som pårørende, systematisk skal spørres om hva som kan virke avlastende og støttende for dem.',
                  responsible: ['sth-rusteam', 'sth-fact'],
                  targetGroups: ['barn som pårørende', 'pårørende'],
                  deadline: '2021',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth'),
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Barneansvarlige er utnevnt i rusteamet og FACT-teamet.'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Spørsmål om barn som pårørende inngår i journalmalen.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'f',
              title: 'At kommunen skal tilrettelegge for lavterskel møteplasser for pårørende.',
              // The source has no district measure here, and no measure 6 anywhere in this strategy.
            },
            {
              level: 2,
              code: 'g',
              title: 'Gi alle som mottar tjenester for rusproblemer én fast kontaktperson i bydelen.',
              children: [
                {
                  level: 3,
                  code: '7',
                  title: 'Alle som mottar tjenester for rusproblemer skal gis en fast kontaktperson.',
                  // Unnumbered second paragraph, read as part of measure 7.
                  description: 'Alle som har to eller flere tjenester skal ha individuell plan og koordinator.',
                  responsible: ['sth-rusteam', 'sth-nav'],
                  targetGroups: ['voksne'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'iverksatt', 'leder.sth', 'Alle i rusteamet har fast kontaktperson. Individuell plan tilbys, men er ikke etablert for alle med to eller flere tjenester.'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Flere har fått individuell plan og koordinator; arbeidet fortsetter.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres i ny plan.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'h',
              title: 'At tilbud om hasjavvenningsprogram (HAP) skal gis i alle bydeler/sektorer.',
            },
            {
              level: 2,
              // Rekonstruert: letter lost in extraction; follows h.
              code: 'i',
              title:
                'Utrede hvordan man kan gi unge med rusproblemer, og som ikke har et sted å bo, et tilbud om korttids-/akuttilbud i bolig/samlokalisert bolig med tett oppfølging for å hindre plassering på institusjoner med etablerte rusmiljøer.',
              children: [
                {
                  level: 3,
                  // Rekonstruert: number lost; between 7 and the printed 10.
                  code: '8',
                  // «samarbeidet» in the source, read as «samarbeider» like the plan's other measures.
                  title:
                    'Vi samarbeider med kommunale aktører for å fremskaffe og utvikle kommunale utleieboliger tilpasset individuelle behov.',
                  description: BOLIGSOSIAL,
                  responsible: ['sth-bolig'],
                  partners: 'Kommunale aktører',
                  targetGroups: ['unge voksne'],
                  deadline: 'I løpet av planperioden',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'planlegger.sth', 'Samarbeid med Boligbygg om tilpassede boliger er startet.'),
                    s(R2021, 'delvis_iverksatt', 'planlegger.sth', 'Tre boliger tilpasset individuelle behov er fremskaffet.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Ni tilpassede boliger fremskaffet i planperioden. Arbeidet videreføres i ny boligsosial handlingsplan.'),
                  ],
                },
                {
                  level: 3,
                  // Rekonstruert: number lost.
                  code: '9',
                  title:
                    'Bydelen systematiserer og strukturerer kartlegging av rusproblemer slik at den fanger opp alle kategorier av personer med rusproblemer.',
                  description: BOLIGSOSIAL,
                  responsible: ['sth-nav', 'sth-phr', 'sth-bolig'],
                  deadline: 'Årlig',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'planlegger.sth', 'Barneverntjenesten deltok i BrukerPlan-kartleggingen for første gang.'),
                    s(R2021, 'iverksatt', 'planlegger.sth', 'BrukerPlan-kartleggingen er samordnet med boligbehovskartleggingen i GOBO.'),
                    s(R2022, 'iverksatt', 'planlegger.sth'),
                  ],
                },
              ],
            },
            {
              level: 2,
              // Rekonstruert: letter lost in extraction; follows i.
              code: 'j',
              title:
                'Teste ut et pilotforsøk om forpliktende samarbeid mellom NAV, Voksenopplæringen og Nettverk etter soning, for å sikre tett psykososial oppfølging under og etter løslatelse.',
              children: [
                {
                  level: 3,
                  code: '10',
                  title:
                    'Bydelen skal inngå forpliktende samarbeid med aktuelle interne og eksterne samarbeidspartnere for å sikre tett psykososial oppfølging under og etter løslatelse.',
                  responsible: ['sth-nav', 'sth-rusteam'],
                  partners: 'Voksenopplæringen, Nettverk etter soning',
                  targetGroups: ['voksne'],
                  deadline: '2022',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'leder.sth'),
                    s(R2021, 'ikke_iverksatt', 'leder.sth', 'Ikke prioritert i 2021 på grunn av kapasitet.'),
                    s(R2022, 'delvis_iverksatt', 'leder.sth', 'Samarbeidsavtale med Nettverk etter soning er under utarbeidelse.'),
                    s(R2023, 'iverksatt', 'leder.sth', 'Samarbeidsavtalen er inngått.'),
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      level: 0,
      title: 'Innbyggere med rusproblemer får bistand ut fra sine behov til å leve et meningsfylt liv',
      children: [
        {
          level: 1,
          title: 'Økt livskvalitet ved rusproblemer',
          description: 'Generelle tiltak.',
          children: [
            {
              level: 2,
              code: 'a',
              title:
                'At den enkeltes opplevelse av livskvalitet dokumenteres, og skal være et av resultatmålene i endrings- og mestringsarbeidet.',
              children: [
                {
                  level: 3,
                  // Rekonstruert: number lost.
                  code: '1',
                  title: 'Feedback Informerte Tjenester (FIT) innføres i aktuelle tjenestesteder.',
                  // Footnote 13 of the source.
                  description:
                    'FIT er et digitalt tilbakemeldingsverktøy som måler effekten av forløpet mellom bruker og tjenesten, samt brukerens samarbeid med nærmeste hjelper (kontaktperson/koordinator/primær). FIT innføres som verktøy i endrings- og mestringsarbeidet i BHA.',
                  responsible: ['sth-rusteam', 'sth-fact', 'sth-flexbo'],
                  deadline: 'Høsten 2021',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'FIT er tatt i bruk i rusteamet.'),
                    s(R2021, 'iverksatt', 'leder.sth', 'FIT brukes i rusteamet, FACT-teamet og Flexbo.'),
                    s(R2022, 'gjennomfort', 'leder.sth', 'FIT er innført i alle aktuelle tjenestesteder.'),
                  ],
                },
                {
                  level: 3,
                  // Rekonstruert: number lost; the two user surveys are read as one measure.
                  code: '2',
                  title: 'Aktuelle tjenestesteder gjennomfører brukertilfredshetsundersøkelse i samarbeid med KORUS.',
                  description: 'Aktuelle tjenestesteder gjennomfører Helseetatens brukerundersøkelse.',
                  responsible: ['sth-phr'],
                  partnerUnits: ['korus', 'hel'],
                  deadline: 'Årlig',
                  history: [
                    s(R2021, 'iverksatt', 'planlegger.sth', 'Brukertilfredshetsundersøkelse gjennomført i samarbeid med KoRus Oslo.'),
                    s(R2022, 'iverksatt', 'planlegger.sth', 'Helseetatens brukerundersøkelse er gjennomført.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres som årlig tiltak.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              // Rekonstruert: letter lost.
              code: 'b',
              title:
                'Vurdere om metodikken Bedre Tverrfaglig Innsats også kan benyttes for personer med rusproblemer for å sikre god samhandling og forebygge svikt i overgangen mellom tjenester.',
            },
            {
              level: 2,
              // Rekonstruert: letter lost.
              code: 'c',
              title:
                'Ta initiativ til et pilotprosjekt mellom kommunen og politiet om alternative reaksjonsformer og lett tilgang til hjelp ved pågripelse for bruk eller besittelse av narkotika til eget bruk for unge under 23 år.',
              children: [
                {
                  level: 3,
                  // Rekonstruert: number lost.
                  code: '3',
                  title:
                    'Vi etterlever ny rutine for bedre samarbeid mellom kommunen og politiet om alternative reaksjonsformer og skal gi samtaler og oppfølging av ruskonsulent ved bruk av ruskontrakt ved påtaleunnlatelser med betingelser om oppfølging fra kommunen.',
                  responsible: ['sth-ruskonsulent-unge'],
                  partners: 'Oslo politidistrikt',
                  targetGroups: ['ungdom', 'unge voksne'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'iverksatt', 'leder.sth', 'Rutinen er tatt i bruk. Ruskonsulent for unge følger opp ungdom med påtaleunnlatelse med vilkår om oppfølging.'),
                    s(R2022, 'iverksatt', 'leder.sth'),
                  ],
                },
              ],
            },
            {
              level: 2,
              // Rekonstruert: letter lost.
              code: 'd',
              title:
                'At bruk av sosialt entreprenørskap, innovasjon og samskaping vektlegges i utviklingen av nye tjenester, både for unge, voksne og eldre.',
              children: [
                {
                  level: 3,
                  code: '4',
                  // «ved hjelp sosialt» in the source; «av» added.
                  title: 'Vi skal etterspørre nye løsninger ved hjelp av sosialt entreprenørskap, innovasjon og samskaping.',
                  // Unnumbered paragraph after 4, read as part of it.
                  description:
                    'Vi skal samarbeide med Helseetaten og NAPHA (nasjonalt kompetansesenter psykisk helsearbeid) om brukerinvolvering i tjenesteutviklingen.',
                  responsible: ['sth'],
                  partnerUnits: ['hel'],
                  partners: 'NAPHA',
                  deadline: 'I løpet av planperioden',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth'),
                    s(H2022, 'ikke_iverksatt', 'planlegger.sth', 'Ikke startet; avventer ressurser.'),
                    s(R2023, 'ikke_iverksatt', 'planlegger.sth', 'Ikke iverksatt i planperioden. Vurderes på nytt ved rullering av planen.'),
                  ],
                },
              ],
            },
          ],
        },
        {
          level: 1,
          title: 'Aktiviteter, sysselsetting og arbeid',
          description: 'Innsatsområde under strategien «Økt livskvalitet ved rusproblemer».',
          children: [
            {
              level: 2,
              code: 'a',
              title:
                'At personer med rusproblemer på lik linje med andre skal tilbys aktiviserings- og opplæringstiltak som fremmer overgang til arbeid, også når man er i Velferdsetatens tiltak.',
              children: [
                {
                  level: 3,
                  code: '1',
                  title:
                    'NAV skal kartlegge alle personer med rusproblemer og tilby aktiviserings- og opplæringstiltak som fremmer overgang til arbeid, også for de som er i Velferdsetatens tiltak.',
                  // Unnumbered second paragraph; numbers 1 and 2 are consecutive.
                  description: 'Vi skal tilby alle med rusproblemer meningsfulle aktiviteter og tilgang til et sosialt fellesskap.',
                  responsible: ['sth-nav', 'sth-phr'],
                  partnerUnits: ['vel'],
                  targetGroups: ['voksne'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'Aktivitetsgrupper redusert under pandemien.'),
                    s(R2021, 'iverksatt', 'leder.sth', 'NAV har kartlagt brukere med rusproblemer; aktivitetsgruppene er gjenopptatt.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'b',
              title:
                'Utvide «Nyttig arbeid» slik at flere kan komme ut i arbeid og meningsfull aktivitet og at flere arbeidsgivere inviteres til å bidra til at personer med rusproblemer skal få delta i det ordinære arbeidslivet, for eksempel gjennom «individual placement and support» (IPS-prosjekter).',
              children: [
                {
                  level: 3,
                  code: '2',
                  title: 'Vi skal utvide pågående IPS-arbeid til å omfatte flere personer med rusproblemer.',
                  responsible: ['sth-nav', 'sth-phr'],
                  targetGroups: ['voksne'],
                  deadline: '2022',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'IPS tilbys i dag mest til personer med psykiske lidelser.'),
                    s(R2021, 'iverksatt', 'leder.sth', 'IPS-jobbspesialistene har nå også deltakere fra rusteamet.'),
                    s(R2022, 'gjennomfort', 'leder.sth'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'c',
              title: 'At tjenestene legger til rette for egeninnsats og tilgang til «likemenn» og deltakelse i selvhjelpsgrupper.',
              children: [
                {
                  level: 3,
                  code: '3',
                  title: 'Vi skal tilrettelegge for økt egeninnsats og tilgang til flere «likemenn» og deltakelse i selvhjelpsgrupper.',
                  responsible: ['sth-rusteam', 'sth-flexbo'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Samarbeid med en likepersonsorganisasjon er startet.'),
                    s(R2023, 'iverksatt', 'leder.sth'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'd',
              title:
                'At erfaringskompetanse og erfaringskonsulenter i større grad skal tas i bruk i endrings- og mestringsarbeidet. Pårørendeerfaring kan inngå i dette.',
              children: [
                {
                  level: 3,
                  code: '4',
                  title: 'Vi skal øke erfaringskompetanse og erfaringskonsulenter i endrings- og mestringsarbeidet.',
                  responsible: ['sth-phr'],
                  deadline: '2022',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'leder.sth'),
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Erfaringskonsulent er ansatt i 50 % stilling i Flexbo.'),
                    s(R2022, 'gjennomfort', 'leder.sth', 'Enheten har nå erfaringskonsulent i 100 % stilling.'),
                  ],
                },
                {
                  level: 3,
                  // Rekonstruert: printed «e.», but in the district's voice («Vi …») after measure 4, so read
                  // as district measure 5 (an OCR-damaged number), not a council measure e.
                  code: '5',
                  title: 'Vi involverer brukere og erfaringskonsulenter i alt tjenesteutviklingsarbeid.',
                  responsible: ['sth-phr'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2021, 'delvis_iverksatt', 'planlegger.sth', 'Brukerrepresentant deltar i arbeidsgruppen for nye aktivitetstilbud.'),
                    s(R2022, 'iverksatt', 'planlegger.sth'),
                  ],
                },
              ],
            },
          ],
        },
        {
          level: 1,
          title: 'Permanente boliger med oppfølging',
          description: 'Innsatsområde under strategien «Økt livskvalitet ved rusproblemer».',
          children: [
            {
              level: 2,
              code: 'a',
              title: 'Vurdere ordningen med bydelsbetaling for opphold i rusinstitusjoner.',
              children: [
                {
                  level: 3,
                  code: '1',
                  title: 'Vi skal bosette alle som kan bo i egnet bolig fremfor opphold i rusinstitusjoner.',
                  responsible: ['sth-bolig', 'sth-flexbo'],
                  partnerUnits: ['vel'],
                  targetGroups: ['voksne'],
                  deadline: 'I løpet av planperioden',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'planlegger.sth', 'Sju personer er bosatt fra Velferdsetatens institusjoner i 2020.'),
                    s(R2021, 'delvis_iverksatt', 'planlegger.sth', 'Mangel på egnede boliger forsinker bosettingen.'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Flexbo følger opp alle som er bosatt fra institusjon.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres i ny plan.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'b',
              title:
                'Utrede ulike måter å organisere bo-oppfølging på, slik at tjenestene også kan være tilgjengelige utenfor NAV sin ordinære arbeidstid (kveld og helg).',
              children: [
                {
                  level: 3,
                  code: '2',
                  title: 'Vi skal teste ut organisering av booppfølging som gir tilgjengelighet kveld og helg.',
                  responsible: ['sth-flexbo', 'sth-hjemme'],
                  deadline: 'Høsten 2021',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'leder.sth'),
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Prøveordning med kveldsvakt i Flexbo startet i oktober.'),
                    s(R2022, 'utgar', 'leder.sth', 'Utgår. Prøveordningen er avsluttet; behov kveld og helg ivaretas av hjemmetjenesten.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              // Rekonstruert: printed «(o», read as c.
              code: 'c',
              title: 'Vurdere å opprette Samhandlingshus for personer med rus-, psykisk helse- og voldsproblemer i hver sektor.',
              children: [
                {
                  level: 3,
                  code: '3',
                  title: 'Bydelen viderefører og utvikler de samhandlingshusene som allerede er etablert i bydelen.',
                  responsible: ['sth-phr'],
                  deadline: 'Kontinuerlig',
                  history: [
                    s(R2020, 'iverksatt', 'leder.sth'),
                    s(R2022, 'iverksatt', 'leder.sth', 'Nytt felles mattilbud og ny aktivitetsplan i samhandlingshusene.'),
                  ],
                },
              ],
            },
          ],
        },
        {
          level: 1,
          title: 'Helse',
          description: 'Innsatsområde under strategien «Økt livskvalitet ved rusproblemer».',
          children: [
            {
              level: 2,
              code: 'a',
              title:
                'At bydelene får på plass avtaler med egne sektorsykehus for utvikling av arenafleksible, oppsøkende og tverrfaglige tiltak for personer med alvorlige rusproblemer, for eksempel ACT/rus-FACT-team eller liknende.',
              children: [
                {
                  level: 3,
                  code: '1',
                  title: 'Bydelen skal teste ut rus-FACT-team i samarbeid med bydelene Gamle Oslo, Grünerløkka og Velferdsetaten.',
                  responsible: ['sth-fact'],
                  partnerUnits: ['gamle-oslo', 'grunerlokka', 'vel'],
                  targetGroups: ['voksne'],
                  deadline: '2021',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'leder.sth', 'Prosjektplan er utarbeidet sammen med Gamle Oslo, Grünerløkka og Velferdsetaten.'),
                    s(H2021, 'iverksatt', 'leder.sth', 'Rus-FACT-teamet startet opp i mai 2021.'),
                    s(R2022, 'iverksatt', 'leder.sth'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres i ordinær drift.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'b',
              title:
                'Innføre frisklivstilbud til personer med rusproblemer slik at de kan få hjelp til endring av levevaner med bedre kosthold, mer fysisk aktivitet og mindre røyking.',
              children: [
                {
                  level: 3,
                  code: '2',
                  title:
                    'Vi skal utvikle eksisterende tilbud med fokus på forebyggende og helsefremmende tiltak til personer med rusproblemer.',
                  responsible: ['sth-phr'],
                  deadline: '2022',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'leder.sth'),
                    s(R2021, 'ikke_iverksatt', 'leder.sth', 'Gruppeaktivitetene var innstilt store deler av året på grunn av smittevern.'),
                    s(R2022, 'delvis_iverksatt', 'leder.sth', 'Aktivitetsgruppene er i gang igjen; samarbeid med frisklivssentralen er startet.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              // Rekonstruert: printed «e», read as c (d and e follow).
              code: 'c',
              title:
                'Ta initiativ for en fast nasjonal finansieringsordning av utstyr og materiell til smittevern og overdoseforebygging.',
            },
            {
              level: 2,
              code: 'd',
              title:
                'Ta initiativ for en fast nasjonal del-finansiering av lavterskeltiltak i Oslo kommune som i stor grad også benyttes av utenbysboende.',
            },
            {
              level: 2,
              code: 'e',
              title: 'Styrke innsatsen i forhold til ernæring og tannhelse.',
              // The source has no district measure 3 in this strategy.
            },
            {
              level: 2,
              code: 'f',
              title:
                'At bydeler og etater får på plass rutiner for systematisk evaluering av alvorlige hendelser og dødsfall med tanke på læring og forebygging.',
              children: [
                {
                  level: 3,
                  code: '4',
                  title:
                    'Vi etterlever rutiner og prosedyrer for systematisk evaluering av alvorlige hendelser og dødsfall med tanke på læring og forebygging.',
                  responsible: ['sth'],
                  deadline: '31.12.2021',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'planlegger.sth', 'Rutinen er under revisjon.'),
                    s(R2021, 'gjennomfort', 'planlegger.sth', 'Revidert rutine for gjennomgang av alvorlige hendelser og dødsfall er innført.'),
                  ],
                },
              ],
            },
          ],
        },
        {
          level: 1,
          title: 'Kompetanse og erfaringsdeling',
          description: 'Innsatsområde under strategien «Økt livskvalitet ved rusproblemer».',
          children: [
            {
              level: 2,
              // Rekonstruert: letter lost.
              code: 'a',
              title:
                'At bydelene sikrer at alle som jobber med barn og unge har kompetanse og kunnskap om hvordan håndtere bekymring om forhold som kan lede til, eller være forårsaket av, rusproblemer.',
              children: [
                {
                  level: 3,
                  // Rekonstruert: number lost; the two following unnumbered paragraphs are read as part of it
                  // (2 is printed, under b).
                  code: '1',
                  title: 'Vi skal gi ansatte i bydelen kompetanseheving innen rus og identifisering ved bruk av ulike rusmidler.',
                  description:
                    'Opplæring av alle bydelens ansatte i meldeplikt og hvordan skrive bekymringsmelding til barneverntjenesten. Gjennomføre BTI-undersøkelsen (bedre tverrfaglig innsats) blant ansatte som jobber med rus og psykisk helse for ungdom og voksne for kartlegging av kompetanse og eventuelle kompetansegap.',
                  responsible: ['sth-ruskonsulent-unge', 'sth-skolehelse'],
                  partners: 'Barneverntjenesten',
                  deadline: 'Årlig',
                  history: [
                    s(R2020, 'delvis_iverksatt', 'planlegger.sth', 'Fagdag om rus for ansatte i skolehelsetjenesten og barnevernet.'),
                    s(R2021, 'iverksatt', 'planlegger.sth'),
                    s(H2022, 'iverksatt', 'planlegger.sth', 'BTI-undersøkelsen er gjennomført blant ansatte innen rus og psykisk helse.'),
                    s(R2023, 'viderefort', 'planlegger.sth', 'Videreføres som årlig tiltak.'),
                  ],
                },
              ],
            },
            {
              level: 2,
              // Rekonstruert: letter lost.
              code: 'b',
              title:
                'Legge til rette for et kompetanseutviklingsprogram om hva rusproblemer er knyttet til, med et særlig fokus på levekår, livshistorie og omgivelsenes betydning. Traumebevissthet, minoritetskompetanse og kultursensitivitet må inngå i dette.',
              children: [
                {
                  level: 3,
                  code: '2',
                  title: 'Vi skal gi bydelens ansatte kompetanseheving innen rus og årsaker til rusproblemer.',
                  responsible: ['sth-phr'],
                  deadline: '2022',
                  history: [
                    s(R2021, 'delvis_iverksatt', 'leder.sth', 'Ansatte har deltatt på KoRus Oslos kurs om traumebevisst praksis.'),
                    s(R2022, 'gjennomfort', 'leder.sth'),
                  ],
                },
              ],
            },
            {
              level: 2,
              code: 'c',
              title:
                'Legge til rette for kunnskapsdeling mellom bydelene når det gjelder utvikling av gode tjenester for å gi personer som i dag benytter Velferdsetatens institusjoner et botilbud i bydel.',
              children: [
                {
                  level: 3,
                  code: '3',
                  title:
                    'Etterspørre initiativ fra EHA om etablering av et nettverk for kompetanse og erfaringsdeling innen rusfeltet på tvers av bydelene.',
                  responsible: ['sth'],
                  partners: 'Byrådsavdeling for eldre, helse og arbeid (EHA)',
                  deadline: '2021',
                  history: [
                    s(R2020, 'ikke_iverksatt', 'planlegger.sth'),
                    s(R2021, 'ikke_iverksatt', 'planlegger.sth', 'Ikke fulgt opp.'),
                    s(R2023, 'utgar', 'planlegger.sth', 'Utgår. Erfaringsdeling mellom bydelene ivaretas gjennom Program for rusfeltet i Oslo (PRIOslo).'),
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
};
