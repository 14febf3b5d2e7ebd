import type { PlanLevel } from '@rusfag/core';

/** A status report entry in a measure's demo history. `status` is a code of DEFAULT_STATUS_TERMS. */
export interface DemoStatusUpdate {
  /** 'YYYY-MM-DD' */
  date: string;
  status: string;
  remark?: string;
  /** Demo username of the author (demo/users.ts). */
  by: string;
}

export interface DemoPlanItem {
  /** Index into the plan's levels (0 = top). */
  level: number;
  /** Lettered council measures 'a', 'b'…; the district's numbered measures '1', '2'…; none for goals and strategies. */
  code?: string;
  title: string;
  description?: string;
  /** Keys of responsible units in demo/organizations.ts. */
  responsible?: string[];
  /** Keys of partner units in demo/organizations.ts (any unit: other districts and agencies too). */
  partnerUnits?: string[];
  /** Partners outside the organisation tree, as free text. */
  partners?: string;
  targetGroups?: string[];
  /** The deadline as the plan writes it ("Kontinuerlig", "2021", "Våren 2021"). */
  deadline?: string;
  history?: DemoStatusUpdate[];
  children?: DemoPlanItem[];
}

export interface DemoPlan {
  /** Key of the owning district or agency in demo/organizations.ts. */
  owner: string;
  title: string;
  description: string;
  startYear: number;
  endYear: number;
  state: 'draft' | 'adopted' | 'archived';
  /** 'YYYY-MM-DD' */
  adoptedOn?: string;
  levels: PlanLevel[];
  /** Plans this one implements or relates to, by title (and URL where public). */
  links: { kind: 'implements' | 'related'; title: string; url?: string }[];
  items: DemoPlanItem[];
}
