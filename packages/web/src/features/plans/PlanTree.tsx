import { useEffect, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { describeDeadline, partnersText, type PlanItem, type PlanItemList } from '@rusfag/core';
import { api } from '../../app/api';
import { formatDay } from '../../app/format';
import { SelectField, errorMessage } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { AlertBox, EmptyState, Section } from '../../app/page';
import { useOrgUnits, type UnitIndex } from '../organizations/units';
import { ItemForm } from './ItemForm';
import {
  ancestorsOf,
  childrenOf,
  isCouncil,
  isMeasure,
  itemNames,
  levelLabel,
  subtreeOf,
  truncate,
} from './model';
import type { PlanData } from './PlanPage';
import { ProgressBar } from './ProgressBar';
import { StatusHistoryPanel, StatusWord } from './StatusHistory';

type Panel =
  | { kind: 'create'; parentId: string | null }
  | { kind: 'edit'; itemId: string }
  | { kind: 'move'; itemId: string }
  | { kind: 'delete'; itemId: string };

interface TreeContext {
  data: PlanData;
  names: Map<string, string>;
  children: Map<string | null, PlanItem[]>;
  byId: Map<string, PlanItem>;
  panel: Panel | null;
  setPanel: (panel: Panel | null) => void;
  openHistory: Set<string>;
  toggleHistory: (itemId: string) => void;
  busy: boolean;
  error: { itemId: string | null; message: string } | null;
  units: UnitIndex | null;
  move: (item: PlanItem, parentId: string | null, position: number, focus: string) => Promise<void>;
  remove: (item: PlanItem) => Promise<void>;
  saved: (list: PlanItemList, focusItemId: string | null, message: string) => void;
  cancel: (returnFocusTo: string) => void;
}

/** Focus an element by id (or its fallback when that is gone or disabled). */
function focusById(id: string, fallback?: string): boolean {
  const element = document.getElementById(id) as HTMLButtonElement | null;
  if (element && !element.disabled) {
    element.focus();
    return true;
  }
  const other = fallback ? (document.getElementById(fallback) as HTMLButtonElement | null) : null;
  if (other && !other.disabled) {
    other.focus();
    return true;
  }
  return false;
}

export const itemTitleId = (itemId: string) => `item-${itemId}`;
const buttonId = (action: string, itemId: string) => `item-${action}-${itemId}`;

/** The "Plan" tab: the plan's tree, edited in place. Every control names the item it acts on. */
export function PlanTree({ data }: { data: PlanData }) {
  const { t } = useI18n();
  const { plan, items } = data;
  const canEdit = plan.actions.includes('plan.update') && plan.state !== 'archived';
  const units = useOrgUnits();
  const [panel, setPanel] = useState<Panel | null>(null);
  const [openHistory, setOpenHistory] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<{ itemId: string | null; message: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Where focus goes once the tree has been drawn again after a change.
  const [focusTarget, setFocusTarget] = useState<{ id: string; fallback?: string } | null>(null);
  useEffect(() => {
    if (!focusTarget || busy) return;
    if (!focusById(focusTarget.id, focusTarget.fallback)) headingRef.current?.focus();
    setFocusTarget(null);
  }, [focusTarget, busy, items]);
  const focusLater = (id: string, fallback?: string) => setFocusTarget(fallback ? { id, fallback } : { id });

  const names = useMemo(() => itemNames(items.items), [items.items]);
  const children = useMemo(() => childrenOf(items.items), [items.items]);
  const byId = useMemo(() => new Map(items.items.map((item) => [item.id, item])), [items.items]);
  const base = `/api/plans/${plan.id}/items`;

  const run = async (itemId: string | null, request: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await request();
    } catch (failure) {
      setError({ itemId, message: errorMessage(failure, t) });
    } finally {
      setBusy(false);
    }
  };

  const context: TreeContext = {
    data,
    names,
    children,
    byId,
    panel,
    setPanel: (next) => {
      setError(null);
      setPanel(next);
    },
    openHistory,
    toggleHistory: (itemId) =>
      setOpenHistory((previous) => {
        const next = new Set(previous);
        if (next.has(itemId)) next.delete(itemId);
        else next.add(itemId);
        return next;
      }),
    busy,
    error,
    units: units.index,
    move: (item, parentId, position, focus) =>
      run(item.id, async () => {
        const list = await api.post<PlanItemList>(`${base}/${item.id}/move`, { parentId, position });
        data.setItems(list);
        setPanel(null);
        const moved = list.items.find((candidate) => candidate.id === item.id);
        const siblings = list.items.filter((candidate) => candidate.parentId === moved?.parentId);
        const parent = moved?.parentId ? list.items.find((candidate) => candidate.id === moved.parentId) : undefined;
        setStatus(
          parent && parentId !== item.parentId
            ? t('plans.tree.movedUnder', { name: names.get(item.id) ?? '', parent: itemNames(list.items).get(parent.id) ?? '' })
            : t('plans.tree.movedTo', {
                name: names.get(item.id) ?? '',
                position: siblings.findIndex((candidate) => candidate.id === item.id) + 1,
                count: siblings.length,
              }),
        );
        // Keep focus on the button used, or on its twin when the item reached the end of the list.
        focusLater(focus === 'up' ? buttonId('up', item.id) : focus === 'down' ? buttonId('down', item.id) : itemTitleId(item.id),
          focus === 'up' ? buttonId('down', item.id) : focus === 'down' ? buttonId('up', item.id) : undefined);
      }),
    remove: (item) =>
      run(item.id, async () => {
        const siblings = children.get(item.parentId) ?? [];
        const index = siblings.findIndex((candidate) => candidate.id === item.id);
        const before = siblings[index - 1] ?? siblings[index + 1];
        const list = await api.delete<PlanItemList>(`${base}/${item.id}`);
        data.setItems(list);
        setPanel(null);
        setStatus(t('plans.tree.deleted', { name: names.get(item.id) ?? '' }));
        if (before) focusLater(itemTitleId(before.id));
        else if (item.parentId) focusLater(itemTitleId(item.parentId));
        else focusLater('plan-tree-heading');
      }),
    saved: (list, focusItemId, message) => {
      data.setItems(list);
      setPanel(null);
      setStatus(message);
      if (focusItemId) focusLater(itemTitleId(focusItemId));
    },
    cancel: (returnFocusTo) => {
      setPanel(null);
      focusLater(returnFocusTo);
    },
  };

  const roots = children.get(null) ?? [];
  const firstLevel = levelLabel(plan.levels, 0);

  return (
    <Section headingId="plan-tree-heading" title={t('plans.tree.heading')} headingRef={headingRef}>
      <ProgressBar progress={items.progress} label={t('plans.progress.of', { name: plan.title })} />
      <CouncilNote data={data} />
      <div className="rf-sticky-status">
        <div role="status" className="rf-status">
          {status && (
            <AlertBox kind="success" className="pkt-alert--compact">
              {status}
            </AlertBox>
          )}
        </div>
        <div role="alert" className="rf-error-summary">
          {error && error.itemId === null && (
            <AlertBox kind="error" className="pkt-alert--compact">
              {error.message}
            </AlertBox>
          )}
        </div>
      </div>
      {canEdit && (
        <div className="rf-button-row rf-noprint">
          <button
            type="button"
            id="item-add-root"
            className="pkt-btn pkt-btn--secondary pkt-btn--small pkt-btn--icon-left"
            aria-expanded={panel?.kind === 'create' && panel.parentId === null}
            onClick={() => context.setPanel({ kind: 'create', parentId: null })}
          >
            <Icon name="plus-sign" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{t('plans.tree.add', { level: firstLevel })}</span>
          </button>
        </div>
      )}
      {canEdit && panel?.kind === 'create' && panel.parentId === null && (
        <ItemForm
          plan={plan}
          level={0}
          parentId={null}
          units={units.index}
          title={t('plans.tree.add', { level: firstLevel })}
          onSaved={(list, newId) => context.saved(list, newId, t('plans.tree.added', { name: newId ? (itemNames(list.items).get(newId) ?? '') : '' }))}
          onCancel={() => context.cancel('item-add-root')}
        />
      )}
      {roots.length === 0 ? (
        <EmptyState title={t('plans.tree.empty.title')}>
          <p>{canEdit ? t('plans.tree.empty.editor', { level: firstLevel }) : t('plans.tree.empty.reader')}</p>
        </EmptyState>
      ) : (
        <ul className="rf-plan-tree">
          {roots.map((item) => (
            <ItemNode key={item.id} item={item} context={context} />
          ))}
        </ul>
      )}
    </Section>
  );
}

/** Says in words what the grey measures are, when the plan has a level set by the city council. */
function CouncilNote({ data }: { data: PlanData }) {
  const { t } = useI18n();
  const council = data.plan.levels.find((level) => level.council);
  if (!council) return null;
  return <p className="rf-hint rf-council-note">{t('plans.tree.councilNote', { level: council.label })}</p>;
}

function ItemNode({ item, context }: { item: PlanItem; context: TreeContext }) {
  const { t, tp, language } = useI18n();
  const { data, names, children, panel } = context;
  const { plan } = data;
  const kids = children.get(item.id) ?? [];
  const siblings = children.get(item.parentId) ?? [];
  const position = siblings.findIndex((candidate) => candidate.id === item.id);
  const measure = isMeasure(plan.levels, item);
  const council = isCouncil(plan.levels, item);
  const canEdit = item.actions.includes('plan.update');
  const name = names.get(item.id) ?? '';
  const childLevel = item.level + 1 < plan.levels.length ? plan.levels[item.level + 1] : undefined;
  const ariaLevel = 3 + item.level;
  const titleContent = (
    <>
      <span className="rf-level-tag">{levelLabel(plan.levels, item.level)}</span>{' '}
      {item.code && <span className="rf-plan-item__code">{item.code}</span>}
      {item.code && ' '}
      <span className="rf-plan-item__text">{item.title}</span>
    </>
  );
  const title =
    ariaLevel <= 6 ? (
      (() => {
        const Heading = `h${ariaLevel}` as 'h3' | 'h4' | 'h5' | 'h6';
        return (
          <Heading id={itemTitleId(item.id)} tabIndex={-1} className="rf-plan-item__title">
            {titleContent}
          </Heading>
        );
      })()
    ) : (
      <p role="heading" aria-level={ariaLevel} id={itemTitleId(item.id)} tabIndex={-1} className="rf-plan-item__title">
        {titleContent}
      </p>
    );

  const mine = (kind: Panel['kind']) => panel !== null && panel.kind === kind && ('itemId' in panel ? panel.itemId === item.id : panel.parentId === item.id);
  const itemError = context.error && context.error.itemId === item.id ? context.error.message : null;

  return (
    <li className={`rf-plan-item rf-plan-item--level-${item.level}${measure ? ' rf-plan-item--measure' : ''}${council ? ' rf-plan-item--council' : ''}`}>
      <div className="rf-plan-item__card">
        {title}
        {measure && (
          <p className="rf-plan-item__status">
            <span className="rf-muted">{t('plans.item.status')}: </span>
            <StatusWord status={item.status} />
            {item.status && (
              <span className="rf-muted"> {t('plans.item.reportedOn', { date: formatDay(item.status.reportedOn) })}</span>
            )}
          </p>
        )}
        {measure && item.status?.remark && <p className="rf-plan-item__remark">{item.status.remark}</p>}
        {!measure && item.progress.total > 0 && (
          <ProgressBar progress={item.progress} label={t('plans.progress.of', { name })} compact />
        )}
        <ItemDetails item={item} language={language} />
        {canEdit && (
          <div className="rf-plan-item__actions rf-noprint">
            {childLevel && (
              <ItemButton
                id={buttonId('add', item.id)}
                icon="plus-sign"
                label={t('plans.tree.add', { level: childLevel.label })}
                hidden={` ${t('plans.tree.under', { name })}`}
                expanded={mine('create')}
                onClick={() => context.setPanel({ kind: 'create', parentId: item.id })}
              />
            )}
            <ItemButton
              id={buttonId('edit', item.id)}
              icon="edit"
              label={t('plans.tree.edit')}
              hidden={` ${name}`}
              expanded={mine('edit')}
              onClick={() => context.setPanel({ kind: 'edit', itemId: item.id })}
            />
            <ItemButton
              id={buttonId('up', item.id)}
              icon="chevron-thin-up"
              label={t('plans.tree.moveUp')}
              hidden={` ${name}`}
              disabled={position <= 0}
              onClick={() => void context.move(item, item.parentId, position - 1, 'up')}
            />
            <ItemButton
              id={buttonId('down', item.id)}
              icon="chevron-thin-down"
              label={t('plans.tree.moveDown')}
              hidden={` ${name}`}
              disabled={position >= siblings.length - 1}
              onClick={() => void context.move(item, item.parentId, position + 1, 'down')}
            />
            {item.level > 0 && (
              <ItemButton
                id={buttonId('move', item.id)}
                icon="sort"
                label={t('plans.tree.moveTo')}
                hidden={` ${name}`}
                expanded={mine('move')}
                onClick={() => context.setPanel({ kind: 'move', itemId: item.id })}
              />
            )}
            <ItemButton
              id={buttonId('delete', item.id)}
              icon="trash-can"
              label={t('plans.tree.delete')}
              hidden={` ${name}`}
              onClick={() => (kids.length > 0 ? context.setPanel({ kind: 'delete', itemId: item.id }) : void context.remove(item))}
            />
          </div>
        )}
        {measure && (
          <div className="rf-plan-item__history rf-noprint">
            <ItemButton
              id={buttonId('history', item.id)}
              icon="clock-history"
              label={t('plans.history.toggle')}
              hidden={` ${t('plans.history.forName', { name })}`}
              expanded={context.openHistory.has(item.id)}
              onClick={() => context.toggleHistory(item.id)}
            />
          </div>
        )}
        {measure && context.openHistory.has(item.id) && <StatusHistoryPanel planId={plan.id} itemId={item.id} name={name} />}
        <div role="alert" className="rf-error-summary">
          {itemError && (
            <AlertBox kind="error" className="pkt-alert--compact">
              {itemError}
            </AlertBox>
          )}
        </div>
        {mine('edit') && (
          <ItemForm
            plan={plan}
            level={item.level}
            parentId={item.parentId}
            item={item}
            units={context.units}
            title={t('plans.tree.editTitle', { name })}
            onSaved={(list) => context.saved(list, item.id, t('plans.tree.saved', { name }))}
            onCancel={() => context.cancel(buttonId('edit', item.id))}
          />
        )}
        {mine('move') && <MoveForm item={item} context={context} />}
        {mine('delete') && (
          <div className="rf-confirm" role="group" aria-labelledby={`delete-${item.id}-text`}>
            <p id={`delete-${item.id}-text`}>
              {tp('plans.tree.deleteConfirm', subtreeOf(item.id, children).size - 1, { name })}
            </p>
            <div className="rf-button-row">
              <button type="button" className="pkt-btn pkt-btn--primary pkt-btn--small" autoFocus disabled={context.busy} onClick={() => void context.remove(item)}>
                <span className="pkt-btn__text">{t('plans.tree.deleteYes')}</span>
              </button>
              <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => context.cancel(buttonId('delete', item.id))}>
                <span className="pkt-btn__text">{t('common.cancel')}</span>
              </button>
            </div>
          </div>
        )}
        {childLevel && mine('create') && (
          <ItemForm
            plan={plan}
            level={item.level + 1}
            parentId={item.id}
            units={context.units}
            title={`${t('plans.tree.add', { level: childLevel.label })} ${t('plans.tree.under', { name })}`}
            onSaved={(list, newId) => context.saved(list, newId, t('plans.tree.added', { name: newId ? (itemNames(list.items).get(newId) ?? '') : '' }))}
            onCancel={() => context.cancel(buttonId('add', item.id))}
          />
        )}
      </div>
      {kids.length > 0 && (
        <ul className="rf-plan-tree">
          {kids.map((child) => (
            <ItemNode key={child.id} item={child} context={context} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** A small button whose visible text is short and whose accessible name ends with the item. */
function ItemButton({
  id,
  icon,
  label,
  hidden,
  disabled,
  expanded,
  onClick,
}: {
  id: string;
  icon: string;
  label: string;
  hidden: string;
  disabled?: boolean;
  expanded?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      id={id}
      className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left rf-item-button"
      disabled={disabled}
      aria-expanded={expanded}
      onClick={onClick}
    >
      <Icon name={icon} className="pkt-btn__icon" />
      <span className="pkt-btn__text">
        {label}
        <span className="pkt-sr-only">{hidden}</span>
      </span>
    </button>
  );
}

/** Description, responsible units, partners, target groups and deadline, where the item has them. */
function ItemDetails({ item, language }: { item: PlanItem; language: 'nb' | 'en' }) {
  const { t } = useI18n();
  const rows: [string, ReactNode][] = [];
  if (item.description) rows.push([t('plans.field.itemDescription'), <span className="rf-prewrap">{item.description}</span>]);
  if (item.responsibleUnits.length > 0) rows.push([t('plans.field.units'), item.responsibleUnits.map((unit) => unit.name).join(', ')]);
  const partners = partnersText(item.partnerUnits.map((unit) => unit.name), item.partners);
  if (partners) rows.push([t('plans.field.partners'), partners]);
  if (item.targetGroups.length > 0) rows.push([t('plans.field.targetGroups'), item.targetGroups.join(', ')]);
  if (item.deadlineText) {
    const described = describeDeadline(item.deadline, language);
    rows.push([
      t('plans.field.deadline'),
      <>
        {item.deadlineText}
        {item.deadline.kind === 'unknown' ? (
          <span className="rf-muted"> ({t('plans.deadline.unknown')})</span>
        ) : (
          described.toLocaleLowerCase() !== item.deadlineText.toLocaleLowerCase() && (
            <span className="rf-muted"> ({t('plans.deadline.means', { text: described })})</span>
          )
        )}
      </>,
    ]);
  }
  if (rows.length === 0) return null;
  return (
    <dl className="rf-dl rf-plan-item__details">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** "Flytt til…": a new parent at the same level as the present one; the item goes last under it. */
function MoveForm({ item, context }: { item: PlanItem; context: TreeContext }) {
  const { t } = useI18n();
  const { data, names, byId, children } = context;
  const current = item.parentId ? byId.get(item.parentId) : undefined;
  const own = subtreeOf(item.id, children);
  const candidates = data.items.items.filter((candidate) => candidate.level === item.level - 1 && !own.has(candidate.id));
  const [parentId, setParentId] = useState(current?.id ?? candidates[0]?.id ?? '');
  const id = `move-${item.id}`;
  const name = names.get(item.id) ?? '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parentId || parentId === item.parentId) {
      context.cancel(buttonId('move', item.id));
      return;
    }
    void context.move(item, parentId, 100_000, 'title');
  };

  const place = (candidate: PlanItem) =>
    [...ancestorsOf(candidate, byId).map((a) => truncate(names.get(a.id) ?? '', 30)), names.get(candidate.id) ?? ''].join(' › ');

  return (
    <form className="rf-form rf-subform" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <p id={`${id}-title`} className="rf-form-title">
        {t('plans.tree.moveTitle', { name })}
      </p>
      <SelectField
        id={`${id}-parent`}
        label={t('plans.tree.moveParent')}
        hint={t('plans.tree.moveHint', { level: levelLabel(data.plan.levels, item.level - 1) })}
        value={parentId}
        onChange={(event) => setParentId(event.target.value)}
        autoFocus
      >
        {candidates.map((candidate) => (
          <option key={candidate.id} value={candidate.id}>
            {place(candidate)}
            {candidate.id === item.parentId ? ` (${t('plans.tree.moveCurrent')})` : ''}
          </option>
        ))}
      </SelectField>
      <div className="rf-button-row">
        <button type="submit" className="pkt-btn pkt-btn--primary pkt-btn--small" disabled={context.busy}>
          <span className="pkt-btn__text">{t('plans.tree.moveSubmit')}</span>
        </button>
        <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" onClick={() => context.cancel(buttonId('move', item.id))}>
          <span className="pkt-btn__text">{t('common.cancel')}</span>
        </button>
      </div>
    </form>
  );
}
