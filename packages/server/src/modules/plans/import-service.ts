import {
  PARTNER_SEPARATOR,
  parseCsv,
  parseDeadline,
  parseStatusTable,
  sheetRowsToItems,
  type ImportLine,
  type ImportResult,
  type SheetImportRequest,
  type SheetItem,
  type StatusTableImportRequest,
  type StatusTableRow,
} from '@rusfag/core';
import { audit, inTransaction, type ActorContext, type DbOrTrx } from '../../platform/context.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { isMessageCode, translate } from '../../platform/messages.js';
import { todayInOslo } from '../../platform/time.js';
import { xlsxToRows } from './export/xlsx.js';
import * as repo from './repository.js';
import { isUnchanged, loadPlan } from './service.js';

type Plan = repo.PlanRow;
type Item = repo.ItemRow;

/** Text compared loosely: case, spacing, punctuation and æøå-as-ascii do not matter. */
function loose(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function message(ctx: ActorContext, code: string, params: Record<string, string | number> = {}): string {
  return isMessageCode(code) ? translate(ctx.lang, code, params) : code;
}

/** "Mål 1 › Strategi 2 › a › 1": where an item sits, for the preview. */
function placeOf(item: Item, byId: Map<string, Item>): string {
  const chain: Item[] = [];
  for (let at: Item | undefined = item; at; at = at.parent_id ? byId.get(at.parent_id) : undefined) chain.unshift(at);
  return chain.map((i) => i.code ?? (i.title.length > 40 ? `${i.title.slice(0, 40)}…` : i.title)).join(' › ');
}

function ancestors(item: Item, byId: Map<string, Item>): Item[] {
  const chain: Item[] = [];
  for (let at = item.parent_id ? byId.get(item.parent_id) : undefined; at; at = at.parent_id ? byId.get(at.parent_id) : undefined) chain.push(at);
  return chain;
}

function summarise(lines: ImportLine[], saved: boolean): ImportResult {
  const count = (outcomes: ImportLine['outcome'][]) => lines.filter((l) => outcomes.includes(l.outcome)).length;
  return {
    lines,
    saved,
    summary: {
      lines: lines.reduce((n, l) => n + l.lines.length, 0),
      toSave: count(['save', 'create', 'update']),
      unchanged: count(['unchanged']),
      refused: count(['refused']),
      skipped: count(['skipped']),
    },
  };
}

function reportedOnOf(value: string | undefined): string {
  const date = value ?? todayInOslo();
  if (date > todayInOslo()) throw fieldError('reportedOn', 'date_in_future');
  return date;
}

/**
 * Finds the measure a pasted row is about. Codes repeat under each strategy in district plans, so
 * a code that is not unique is narrowed by the last heading above the row (a goal or strategy
 * title), then by the title.
 */
/** "a Styrke …" (a letter code without its full stop, as older downloads wrote it): the letter is the code. */
function withLetterCode(row: StatusTableRow, measures: Item[]): StatusTableRow {
  const letter = !row.code ? /^(\p{L})\s+(.+)$/u.exec(row.title) : null;
  if (!letter || !measures.some((m) => m.code?.toLowerCase() === letter[1]!.toLowerCase())) return row;
  return { ...row, code: letter[1]!, title: letter[2]! };
}

function matchRow(row: StatusTableRow, heading: string | null, measures: Item[], byId: Map<string, Item>) {
  let candidates = row.code ? measures.filter((m) => m.code?.toLowerCase() === row.code!.toLowerCase()) : [];
  if (row.code && candidates.length > 1 && heading) {
    const h = loose(heading);
    const under = candidates.filter((m) => ancestors(m, byId).some((a) => loose(a.title).startsWith(h) || h.startsWith(loose(a.title))));
    if (under.length > 0) candidates = under;
  }
  const title = loose(row.title);
  if (candidates.length > 1 || (!row.code && title)) {
    const pool = candidates.length > 1 ? candidates : measures;
    const byTitle = pool.filter((m) => {
      const t = loose(m.title);
      return t === title || (title.length >= 20 && (t.startsWith(title.slice(0, 40)) || title.startsWith(t.slice(0, 40))));
    });
    if (byTitle.length > 0 || !row.code) candidates = byTitle;
  }
  return candidates;
}

/**
 * Import of a status table pasted from Word or a PDF: every line is accounted for (a measure to
 * save, unchanged, refused with the reason, skipped, a heading). Nothing is written until the user
 * confirms, and then only if every refused line has been skipped — all in one transaction.
 */
export async function importStatusTable(ctx: ActorContext, planId: string, input: StatusTableImportRequest): Promise<ImportResult> {
  const reportedOn = reportedOnOf(input.reportedOn);
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.read');
    if (plan.state === 'archived') throw new AppError(409, 'plan_archived');
    const items = await repo.listItems(trx, planId);
    const byId = new Map(items.map((item) => [item.id, item]));
    const measures = items.filter((item) => plan.levels[item.level]?.measure);
    const parsed = parseStatusTable(input.text, { terms: plan.status_terms });
    if (parsed.rows.length === 0) throw fieldError('text', 'import_nothing_found');
    const skip = new Set(input.skipLines);

    const lines: ImportLine[] = [];
    const matchedAt = new Map<string, number>();
    const toSave: { itemId: string; statusCode: string; remark: string; line: number }[] = [];
    const events = [
      ...parsed.headings.map((h) => ({ first: h.line, kind: 'heading' as const, h })),
      ...parsed.rows.map((r) => ({ first: r.lines[0]!, kind: 'row' as const, r })),
    ].sort((a, b) => a.first - b.first);
    let heading: string | null = null;
    for (const event of events) {
      if (event.kind === 'heading') {
        heading = event.h.title;
        lines.push({ lines: event.h.lines, outcome: 'heading', code: event.h.code, title: event.h.title, statusLabel: null, remarks: '', match: null, messages: [] });
        continue;
      }
      const row = withLetterCode(event.r, measures);
      const first = row.lines[0]!;
      const base = { lines: row.lines, code: row.code, title: row.title, statusLabel: row.status?.label ?? (row.statusText || null), remarks: row.remarks };
      if (row.lines.some((l) => skip.has(l))) {
        lines.push({ ...base, outcome: 'skipped', match: null, messages: [message(ctx, 'skip_by_user')] });
        continue;
      }
      const messages = parsed.problems.filter((p) => p.line === first).map((p) => message(ctx, p.message, p.params));
      const candidates = matchRow(row, heading, measures, byId);
      const match = candidates.length === 1 ? candidates[0]! : null;
      if (!match) messages.push(message(ctx, candidates.length > 1 ? 'import_ambiguous' : 'import_no_match'));
      else if (matchedAt.has(match.id)) messages.push(message(ctx, 'import_duplicate_match', { line: matchedAt.get(match.id)! }));
      else if (!ctx.policy.can(ctx.actor, 'measure.updateStatus', { unitPaths: [plan.owner_path, ...match.units.map((u) => u.path)] })) {
        messages.push(message(ctx, 'import_not_allowed'));
      }
      if (match && !matchedAt.has(match.id)) matchedAt.set(match.id, first);
      const matchInfo = match ? { itemId: match.id, place: placeOf(match, byId) } : null;
      if (messages.length > 0 || !row.status) {
        lines.push({ ...base, outcome: 'refused', match: matchInfo, messages });
        continue;
      }
      const unchanged = isUnchanged(plan, match!, row.status.code, row.remarks, reportedOn);
      // Matched by code: say so when the titles clearly differ (the plan may have been renumbered).
      const pasted = loose(row.title);
      const planned = loose(match!.title);
      const differs = pasted.length > 0 && !pasted.startsWith(planned.slice(0, 20)) && !planned.startsWith(pasted.slice(0, 20));
      const warnings = differs ? [message(ctx, 'import_title_differs', { title: match!.title.slice(0, 80) })] : [];
      lines.push({ ...base, outcome: unchanged ? 'unchanged' : 'save', match: matchInfo, messages: warnings });
      if (!unchanged) toSave.push({ itemId: match!.id, statusCode: row.status.code, remark: row.remarks, line: first });
    }
    for (const skipped of parsed.skipped) {
      lines.push({
        lines: skipped.lines,
        outcome: 'skipped',
        code: null,
        title: skipped.text.slice(0, 200),
        statusLabel: null,
        remarks: '',
        match: null,
        messages: [message(ctx, `skip_${skipped.reason}`)],
      });
    }
    lines.sort((a, b) => a.lines[0]! - b.lines[0]!);

    const refused = lines.some((l) => l.outcome === 'refused');
    if (!input.confirm) return summarise(lines, false);
    if (refused) throw new AppError(400, 'import_has_problems', lines.filter((l) => l.outcome === 'refused').map((l) => ({ path: `lines.${l.lines[0]}`, message: l.messages.join(' ') })));
    await repo.insertStatuses(
      trx,
      toSave.map((row) => ({ itemId: row.itemId, statusCode: row.statusCode, remark: row.remark, reportedOn, authorUserId: ctx.actor.userId })),
    );
    await audit(ctx, trx, {
      action: 'plan.importStatusTable',
      resourceType: 'plan',
      resourceId: planId,
      details: { reportedOn, saved: toSave.length, items: toSave.map((r) => r.itemId) },
    });
    return summarise(lines, true);
  });
}

async function sheetRows(input: SheetImportRequest): Promise<string[][]> {
  if (input.format === 'csv') return parseCsv(input.content);
  try {
    return await xlsxToRows(Buffer.from(input.content, 'base64'));
  } catch {
    throw fieldError('content', 'import_file_invalid');
  }
}

interface Flat {
  node: SheetItem;
  line: number;
  parent: Flat | null;
  existing: Item | null;
}

/**
 * Import of the plan hierarchy from the sheet the export writes (CSV or Excel). Rows are matched
 * to existing items under the same parent by code, or by title when there is no code; unmatched
 * rows are created; changed fields are updated; a changed Status becomes a new status report.
 * Items missing from the sheet are left as they are (nothing is deleted by an import).
 */
export async function importSheet(ctx: ActorContext, planId: string, input: SheetImportRequest): Promise<ImportResult> {
  const reportedOn = reportedOnOf(input.reportedOn);
  const rows = await sheetRows(input);
  return inTransaction(ctx, async (trx) => {
    const plan = await loadPlan(ctx, trx, planId, 'plan.update');
    if (plan.state === 'archived') throw new AppError(409, 'plan_archived');
    const skip = new Set(input.skipLines);
    // Skipped rows are blanked before parsing, so the parser sees them as blank and places nothing under them.
    const kept = rows.map((row, index) => (skip.has(index + 1) ? row.map(() => '') : row));
    const parsed = sheetRowsToItems(kept, plan.levels, plan.status_terms);
    const items = await repo.listItems(trx, planId);
    const units = await unitsByName(trx, plan.owner_path);
    const partnerUnits = await partnerUnitsByName(trx, plan.owner_path);

    // Walk the parsed tree in row order, matching each node to an existing item.
    const taken = parsed.rows.filter((r) => r.outcome === 'taken');
    const flats: Flat[] = [];
    const used = new Set<string>();
    const walk = (nodes: SheetItem[], parent: Flat | null) => {
      for (const node of nodes) {
        const result = taken[flats.length];
        const siblings = items.filter((i) => i.parent_id === (parent?.existing?.id ?? null) && !used.has(i.id));
        const existing = parent && !parent.existing ? null : (siblings.find((i) => (node.code ? i.code?.toLowerCase() === node.code.toLowerCase() : !i.code && loose(i.title) === loose(node.title))) ?? null);
        if (existing) used.add(existing.id);
        const flat: Flat = { node, line: result?.line ?? 0, parent, existing };
        flats.push(flat);
        walk(node.children, flat);
      }
    };
    walk(parsed.items, null);

    const lines: ImportLine[] = [];
    for (const header of parsed.headerProblems) {
      lines.push({ lines: [1], outcome: 'refused', code: null, title: '', statusLabel: null, remarks: '', match: null, messages: [message(ctx, header.message, header.params)] });
    }
    const byLine = new Map(flats.map((f) => [f.line, f]));
    for (const result of parsed.rows) {
      if (result.outcome === 'header') continue;
      if (result.outcome === 'skipped') {
        const userSkipped = skip.has(result.line);
        if (userSkipped) lines.push({ lines: [result.line], outcome: 'skipped', code: null, title: (rows[result.line - 1] ?? []).join(' ').slice(0, 120), statusLabel: null, remarks: '', match: null, messages: [message(ctx, 'skip_by_user')] });
        continue;
      }
      if (result.outcome === 'refused') {
        const raw = rows[result.line - 1] ?? [];
        lines.push({
          lines: [result.line],
          outcome: 'refused',
          code: raw[2] || null,
          title: raw[3] ?? '',
          statusLabel: null,
          remarks: '',
          match: null,
          messages: result.problems.map((p) => message(ctx, p.message, p.params)),
        });
        continue;
      }
      const flat = byLine.get(result.line)!;
      const refusals = [
        ...flat.node.responsibleUnits
          .filter((name) => !units.get(loose(name)))
          .map((unit) => message(ctx, units.has(loose(unit)) ? 'import_unit_ambiguous' : 'import_unit_unknown', { unit })),
        // A status on a goal or strategy would be promised and never saved.
        ...(flat.node.statusLabel && !plan.levels[flat.node.level]?.measure ? [message(ctx, 'import_not_measure')] : []),
      ];
      const messages = [...refusals, ...result.warnings.map((w) => message(ctx, w.message, w.params))];
      const change = flat.existing ? changesOf(plan, flat, units, partnerUnits) : null;
      lines.push({
        lines: [result.line],
        outcome: refusals.length > 0 ? 'refused' : !flat.existing ? 'create' : change!.any ? 'update' : 'unchanged',
        code: flat.node.code,
        title: flat.node.title,
        statusLabel: flat.node.statusLabel,
        remarks: flat.node.remarks,
        match: flat.existing ? { itemId: flat.existing.id, place: placeOf(flat.existing, new Map(items.map((i) => [i.id, i]))) } : null,
        messages,
      });
    }
    lines.sort((a, b) => a.lines[0]! - b.lines[0]!);
    const refused = lines.some((l) => l.outcome === 'refused');
    if (!input.confirm) return summarise(lines, false);
    if (refused) throw new AppError(400, 'import_has_problems', lines.filter((l) => l.outcome === 'refused').map((l) => ({ path: `lines.${l.lines[0]}`, message: l.messages.join(' ') })));

    let created = 0;
    let updated = 0;
    const statuses: Parameters<typeof repo.insertStatuses>[1] = [];
    const positions = new Map<string | null, number>();
    for (const flat of flats) {
      const parentId = flat.parent ? flat.parent.existing!.id : null;
      const position = positions.get(parentId) ?? 0;
      positions.set(parentId, position + 1);
      const node = flat.node;
      const partners = splitPartners(node.partners, partnerUnits, flat.existing?.partner_units ?? []);
      const fields = {
        code: node.code,
        title: node.title,
        description: node.description,
        partners: partners.text,
        targetGroups: node.targetGroups,
        deadlineText: node.deadline,
        deadline: parseDeadline(node.deadline, { startYear: plan.start_year, endYear: plan.end_year }).value,
      };
      const unitIds = node.responsibleUnits.map((name) => units.get(loose(name))!);
      if (!flat.existing) {
        // Created items go after the existing siblings; the order among imported rows is kept.
        const siblings = await repo.countSiblings(trx, planId, parentId);
        const { id } = await repo.insertItem(trx, { planId, parentId, level: node.level, position: siblings, ...fields });
        await repo.setItemUnits(trx, id, unitIds);
        await repo.setItemPartners(trx, id, partners.unitIds);
        flat.existing = { id, parent_id: parentId, level: node.level, status_code: null, status_remark: null } as Item;
        created += 1;
      } else {
        const change = changesOf(plan, flat, units, partnerUnits);
        if (change.fields) {
          await repo.updateItem(trx, flat.existing.id, fields);
          await repo.setItemUnits(trx, flat.existing.id, unitIds);
          await repo.setItemPartners(trx, flat.existing.id, partners.unitIds);
          updated += 1;
        }
      }
      const term = node.statusLabel ? plan.status_terms.find((t) => loose(t.label) === loose(node.statusLabel!)) : undefined;
      if (term && plan.levels[node.level]?.measure && (flat.existing.status_code !== term.code || (flat.existing.status_remark ?? '') !== node.remarks)) {
        statuses.push({ itemId: flat.existing.id, statusCode: term.code, remark: node.remarks, reportedOn, authorUserId: ctx.actor.userId });
      }
    }
    await repo.insertStatuses(trx, statuses);
    await audit(ctx, trx, {
      action: 'plan.importSheet',
      resourceType: 'plan',
      resourceId: planId,
      details: { format: input.format, created, updated, statuses: statuses.length },
    });
    return summarise(lines, true);
  });
}

/** What an import row would change on its existing item. */
function changesOf(plan: Plan, flat: Flat, units: Map<string, string | null>, partnerUnits: Map<string, string | null>) {
  const item = flat.existing!;
  const node = flat.node;
  const unitIds = new Set(node.responsibleUnits.map((name) => units.get(loose(name))));
  const partners = splitPartners(node.partners, partnerUnits, item.partner_units);
  const fields =
    item.title !== node.title ||
    item.description !== node.description ||
    item.partners !== partners.text ||
    item.partner_units.length !== partners.unitIds.length ||
    item.partner_units.some((u) => !partners.unitIds.includes(u.id)) ||
    item.deadline_text !== node.deadline ||
    (item.code ?? null) !== (node.code ?? null) ||
    item.target_groups.join('\u0000') !== node.targetGroups.join('\u0000') ||
    item.units.length !== unitIds.size ||
    item.units.some((u) => !unitIds.has(u.id));
  const term = node.statusLabel ? plan.status_terms.find((t) => loose(t.label) === loose(node.statusLabel!)) : undefined;
  const status = Boolean(term && (item.status_code !== term.code || (item.status_remark ?? '') !== node.remarks));
  return { fields, status, any: fields || status };
}

/**
 * Active units by loose name, looked up inside the plan owner's organisation first ("Rusteamet"
 * exists in every district). A name that fits several units there, or none there and several
 * elsewhere, is ambiguous (null).
 */
async function unitsByName(db: DbOrTrx, ownerPath: string): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'name', 'path']).where('active', '=', true).execute();
  const inside = new Map<string, string[]>();
  const anywhere = new Map<string, string[]>();
  for (const row of rows) {
    const key = loose(row.name);
    anywhere.set(key, [...(anywhere.get(key) ?? []), row.id]);
    if (row.path.startsWith(ownerPath)) inside.set(key, [...(inside.get(key) ?? []), row.id]);
  }
  const map = new Map<string, string | null>();
  for (const [key, ids] of anywhere) {
    const candidates = inside.get(key) ?? ids;
    map.set(key, candidates.length === 1 ? candidates[0]! : null);
  }
  return map;
}

/** A partner's name as the import compares it: exactly, but for case and the spaces around it. */
function partnerKey(name: string): string {
  return name.trim().toLocaleLowerCase('nb');
}

/**
 * Active units by exact name (case aside), for the Samarbeidspartnere column. As for responsible
 * units, a name is looked up inside the plan owner's organisation first; a name that fits several
 * units there, or none there and several elsewhere, is ambiguous (null) and stays free text.
 */
async function partnerUnitsByName(db: DbOrTrx, ownerPath: string): Promise<Map<string, string | null>> {
  const rows = await db.selectFrom('org_unit').select(['id', 'name', 'path']).where('active', '=', true).execute();
  const inside = new Map<string, string[]>();
  const anywhere = new Map<string, string[]>();
  for (const row of rows) {
    const key = partnerKey(row.name);
    anywhere.set(key, [...(anywhere.get(key) ?? []), row.id]);
    if (row.path.startsWith(ownerPath)) inside.set(key, [...(inside.get(key) ?? []), row.id]);
  }
  const map = new Map<string, string | null>();
  for (const [key, ids] of anywhere) {
    const candidates = inside.get(key) ?? ids;
    map.set(key, candidates.length === 1 ? candidates[0]! : null);
  }
  return map;
}

/**
 * The Samarbeidspartnere cell ("Velferdsetaten; Politiet") as partner units and free text: a part
 * that is exactly the name of a unit (the item's own partners first, so a closed or namesake unit
 * it already has is kept) becomes that unit; anything else stays free text, in its order. A cell
 * with no unit in it is kept as it was written.
 */
function splitPartners(
  cell: string,
  byName: Map<string, string | null>,
  current: readonly { id: string; name: string }[],
): { unitIds: string[]; text: string } {
  const unitIds: string[] = [];
  const rest: string[] = [];
  for (const part of cell.split(';').map((text) => text.trim()).filter(Boolean)) {
    const key = partnerKey(part);
    const id = current.find((unit) => partnerKey(unit.name) === key && !unitIds.includes(unit.id))?.id ?? byName.get(key) ?? null;
    if (id && !unitIds.includes(id)) unitIds.push(id);
    else rest.push(part);
  }
  return { unitIds, text: unitIds.length === 0 ? cell.trim() : rest.join(PARTNER_SEPARATOR) };
}
