/**
 * The demo organisation: Oslo kommune, its 15 districts (with their official district numbers as
 * codes), the agencies named in the domain guide, and realistic units in St. Hanshaugen and Alna
 * (the two districts the seed documents come from). Names of units are typical, not an official
 * register.
 */
export interface DemoUnit {
  key: string;
  name: string;
  code?: string;
  kind: 'municipality' | 'district' | 'agency' | 'unit';
  children?: DemoUnit[];
}

function districtUnits(district: string, prefix: string): DemoUnit[] {
  return [
    { key: `${prefix}-nav`, name: `NAV ${district}`, kind: 'unit' },
    {
      key: `${prefix}-phr`,
      name: 'Enhet for psykisk helse og rus',
      kind: 'unit',
      children: [
        { key: `${prefix}-rusteam`, name: 'Rusteamet', kind: 'unit' },
        { key: `${prefix}-ruskonsulent-unge`, name: 'Ruskonsulent for unge', kind: 'unit' },
        { key: `${prefix}-fact`, name: `FACT-team ${district}`, kind: 'unit' },
      ],
    },
    { key: `${prefix}-skolehelse`, name: 'Skolehelsetjenesten', kind: 'unit' },
    { key: `${prefix}-bolig`, name: 'Boligkontoret', kind: 'unit' },
    { key: `${prefix}-hjemme`, name: 'Hjemmetjenesten', kind: 'unit' },
    { key: `${prefix}-flexbo`, name: 'Flexbo', kind: 'unit' },
  ];
}

const districts: [string, string, string][] = [
  ['Gamle Oslo', 'B01', 'gamle-oslo'],
  ['Grünerløkka', 'B02', 'grunerlokka'],
  ['Sagene', 'B03', 'sagene'],
  ['St. Hanshaugen', 'B04', 'sth'],
  ['Frogner', 'B05', 'frogner'],
  ['Ullern', 'B06', 'ullern'],
  ['Vestre Aker', 'B07', 'vestre-aker'],
  ['Nordre Aker', 'B08', 'nordre-aker'],
  ['Bjerke', 'B09', 'bjerke'],
  ['Grorud', 'B10', 'grorud'],
  ['Stovner', 'B11', 'stovner'],
  ['Alna', 'B12', 'alna'],
  ['Østensjø', 'B13', 'ostensjo'],
  ['Nordstrand', 'B14', 'nordstrand'],
  ['Søndre Nordstrand', 'B15', 'sondre-nordstrand'],
];

export const demoOrganization: DemoUnit = {
  key: 'oslo',
  name: 'Oslo kommune',
  code: 'OSLO',
  kind: 'municipality',
  children: [
    ...districts.map(([name, code, key]): DemoUnit => ({
      key,
      name: `Bydel ${name}`,
      code,
      kind: 'district',
      ...(key === 'sth' || key === 'alna' ? { children: districtUnits(name, key) } : {}),
    })),
    {
      key: 'vel',
      name: 'Velferdsetaten',
      code: 'VEL',
      kind: 'agency',
      children: [
        { key: 'korus', name: 'KoRus Oslo', code: 'KORUS', kind: 'unit' },
        { key: 'ute', name: 'Uteseksjonen', code: 'UTE', kind: 'unit' },
        { key: 'vel-analyse', name: 'Seksjon for analyse og statistikk', kind: 'unit' },
      ],
    },
    { key: 'hel', name: 'Helseetaten', code: 'HEL', kind: 'agency' },
    { key: 'ude', name: 'Utdanningsetaten', code: 'UDE', kind: 'agency' },
    { key: 'bfe', name: 'Barne- og familieetaten', code: 'BFE', kind: 'agency' },
  ],
};
