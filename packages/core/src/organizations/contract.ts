import { z } from 'zod';

/** Oslo kommune → districts and agencies → units; units may nest (a team inside a service). */
export const ORG_UNIT_KINDS = ['municipality', 'district', 'agency', 'unit'] as const;
export const OrgUnitKind = z.enum(ORG_UNIT_KINDS);
export type OrgUnitKind = z.infer<typeof OrgUnitKind>;

export const organizationActions = ['organization.read', 'organization.create', 'organization.update'] as const;

export const OrgUnit = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: OrgUnitKind,
  name: z.string(),
  code: z.string().nullable(),
  depth: z.number().int(),
  active: z.boolean(),
  actions: z.array(z.enum(organizationActions)),
});
export type OrgUnit = z.infer<typeof OrgUnit>;

export const OrgUnitList = z.object({ units: z.array(OrgUnit) });
export type OrgUnitList = z.infer<typeof OrgUnitList>;

const UnitName = z.string().trim().min(2).max(160);
const UnitCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_.-]+$/, { message: 'code_format' });

export const CreateOrgUnitRequest = z.object({
  parentId: z.uuid(),
  kind: z.enum(['district', 'agency', 'unit']),
  name: UnitName,
  code: UnitCode.optional(),
});
export type CreateOrgUnitRequest = z.infer<typeof CreateOrgUnitRequest>;

export const UpdateOrgUnitRequest = z
  .object({
    name: UnitName.optional(),
    code: UnitCode.nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { message: 'empty_update' });
export type UpdateOrgUnitRequest = z.infer<typeof UpdateOrgUnitRequest>;
