import { useEffect, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { CreateOrgUnitRequest, UpdateOrgUnitRequest, type OrgUnit, type OrgUnitKind } from '@rusfag/core';
import { PktButton } from '@oslokommune/punkt-react';
import { api } from '../../app/api';
import { useMe } from '../../app/auth';
import { useDraft } from '../../app/drafts';
import {
  ErrorSummary,
  FormActions,
  SelectField,
  StatusMessage,
  TextField,
  summaryItems,
  useAction,
  useFormSubmit,
  validateWith,
} from '../../app/forms';
import { useI18n, type MessageKey, type Translate } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { NotLoaded, Page, Section } from '../../app/page';
import { ancestors, useOrgUnits, type UnitIndex } from './units';

const KIND_KEY: Record<OrgUnitKind, MessageKey> = {
  municipality: 'org.kind.municipality',
  district: 'org.kind.district',
  agency: 'org.kind.agency',
  unit: 'org.kind.unit',
};

export function kindLabel(t: Translate, kind: OrgUnitKind): string {
  return t(KIND_KEY[kind]);
}

/** Which kinds may be created under a parent (the server checks the same rule). */
function childKinds(parent: OrgUnitKind): ('district' | 'agency' | 'unit')[] {
  return parent === 'municipality' ? ['district', 'agency'] : ['unit'];
}

const SELECTED_PARAM = 'enhet';

export function OrganizationPage() {
  const { t } = useI18n();
  const me = useMe();
  const units = useOrgUnits();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get(SELECTED_PARAM);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState('');
  const [created, setCreated] = useState<OrgUnit | null>(null);
  const initialised = useRef(false);
  const focusDetail = useRef(false);

  const index = units.index;

  // Open the path to the user's own unit (and to a unit named in the URL) the first time.
  useEffect(() => {
    if (!index || initialised.current) return;
    initialised.current = true;
    const open = new Set<string>();
    for (const root of index.children.get(null) ?? []) open.add(root.id);
    for (const id of [me.user.homeUnit.id, selectedId]) {
      if (id) for (const unit of ancestors(index, id)) open.add(unit.id);
    }
    setExpanded(open);
  }, [index, me.user.homeUnit.id, selectedId]);

  const matches = useMemo(() => {
    const text = filter.trim().toLocaleLowerCase('nb');
    if (!index || !text) return null;
    const visible = new Set<string>();
    for (const unit of index.units) {
      if (unit.name.toLocaleLowerCase('nb').includes(text) || unit.code?.toLocaleLowerCase('nb').includes(text)) {
        visible.add(unit.id);
        for (const parent of ancestors(index, unit.id)) visible.add(parent.id);
      }
    }
    return visible;
  }, [filter, index]);

  const select = (id: string) => {
    focusDetail.current = true;
    const next = new URLSearchParams(params);
    next.set(SELECTED_PARAM, id);
    setParams(next);
  };

  const toggle = (id: string) =>
    setExpanded((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (units.error || !index) {
    return (
      <Page title={t('org.title')}>
        <NotLoaded loading={units.loading && !index} error={units.error} onRetry={units.reload} />
      </Page>
    );
  }

  const selected = selectedId ? index.byId.get(selectedId) : undefined;
  const roots = index.children.get(null) ?? [];
  const tree: Tree = { index, expanded, visible: matches, selectedId, onToggle: toggle, onSelect: select };

  return (
    <Page title={t('org.title')} lead={<p>{t('org.lead')}</p>}>
      <div className="rf-org">
        <Section headingId="org-tree-heading" title={t('org.tree.heading')} className="rf-org__tree">
          <div className="rf-org__tools">
            <TextField
              id="org-filter"
              type="search"
              label={t('org.tree.filter')}
              hint={t('org.tree.filterHint')}
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
              autoComplete="off"
            />
            <div className="rf-button-row">
              <PktButton type="button" skin="tertiary" size="small" onClick={() => setExpanded(new Set(index.units.map((u) => u.id)))}>
                {t('org.tree.expandAll')}
              </PktButton>
              <PktButton type="button" skin="tertiary" size="small" onClick={() => setExpanded(new Set(roots.map((u) => u.id)))}>
                {t('org.tree.collapseAll')}
              </PktButton>
            </div>
          </div>
          {matches && matches.size === 0 ? (
            <p role="status">{t('org.tree.noMatch')}</p>
          ) : (
            <ul className="rf-tree">
              {roots
                .filter((unit) => !matches || matches.has(unit.id))
                .map((unit) => <TreeNode key={unit.id} unit={unit} tree={tree} />)}
            </ul>
          )}
        </Section>
        <section aria-labelledby="org-detail-heading" className="rf-org__detail rf-panel">
          <StatusMessage>{selected && created?.id === selected.id ? t('org.new.created', { name: created.name }) : null}</StatusMessage>
          {selected ? (
            <UnitDetail
              key={selected.id}
              unit={selected}
              index={index}
              focusOnMount={focusDetail}
              onChanged={units.reload}
              onCreated={(unit) => {
                setExpanded((previous) => new Set([...previous, unit.parentId ?? '', unit.id]));
                setCreated(unit);
                select(unit.id);
                units.reload();
              }}
            />
          ) : (
            <>
              <h2 id="org-detail-heading" className="rf-h2">
                {t('org.detail.noneTitle')}
              </h2>
              <p>{t('org.detail.noneText')}</p>
            </>
          )}
        </section>
      </div>
    </Page>
  );
}

/** What every node of the tree needs, handed down unchanged. */
interface Tree {
  index: UnitIndex;
  expanded: Set<string>;
  /** While the filter is in use: the matches and their parents. Every branch is open then. */
  visible: Set<string> | null;
  selectedId: string | null;
  onToggle: (id: string) => void;
  onSelect: (id: string) => void;
}

/** One unit: a disclosure button for its children (aria-expanded) and a link that opens its details. */
function TreeNode({ unit, tree }: { unit: OrgUnit; tree: Tree }) {
  const { t } = useI18n();
  const { index, expanded, visible, selectedId, onToggle, onSelect } = tree;
  const forceOpen = visible !== null;
  const children = (index.children.get(unit.id) ?? []).filter((child) => !visible || visible.has(child.id));
  const open = forceOpen || expanded.has(unit.id);
  const isSelected = unit.id === selectedId;
  const childListId = `org-children-${unit.id}`;
  return (
    <li className="rf-tree__item">
      <div className={`rf-tree__row${isSelected ? ' rf-tree__row--selected' : ''}`}>
        {children.length > 0 ? (
          <button
            type="button"
            className="rf-tree__toggle"
            aria-expanded={open}
            aria-controls={childListId}
            onClick={() => onToggle(unit.id)}
            disabled={forceOpen}
          >
            <Icon name={open ? 'chevron-thin-down' : 'chevron-thin-right'} className="rf-tree__chevron" />
            <span className="pkt-sr-only">{t('org.tree.children', { name: unit.name })}</span>
          </button>
        ) : (
          <span className="rf-tree__spacer" aria-hidden="true" />
        )}
        <Link
          to={`?${SELECTED_PARAM}=${unit.id}`}
          className="rf-tree__link"
          aria-current={isSelected ? 'true' : undefined}
          onClick={(event) => {
            event.preventDefault();
            onSelect(unit.id);
          }}
        >
          {unit.name}
        </Link>
        <span className="rf-tree__meta">
          <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--blue-light">{kindLabel(t, unit.kind)}</span>
          {unit.code && <code className="rf-code">{unit.code}</code>}
          {!unit.active && <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--gray">{t('org.inactive')}</span>}
        </span>
      </div>
      {children.length > 0 && open && (
        <ul className="rf-tree" id={childListId}>
          {children.map((child) => <TreeNode key={child.id} unit={child} tree={tree} />)}
        </ul>
      )}
    </li>
  );
}

function UnitDetail({
  unit,
  index,
  focusOnMount,
  onChanged,
  onCreated,
}: {
  unit: OrgUnit;
  index: UnitIndex;
  focusOnMount: RefObject<boolean>;
  onChanged: () => void;
  onCreated: (unit: OrgUnit) => void;
}) {
  const { t, tp } = useI18n();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const action = useAction();
  const parent = unit.parentId ? index.byId.get(unit.parentId) : undefined;
  const childCount = index.children.get(unit.id)?.length ?? 0;
  const canUpdate = unit.actions.includes('organization.update');
  const canCreate = unit.actions.includes('organization.create');
  const [mode, setMode] = useState<'none' | 'rename' | 'create'>('none');
  const open = (next: 'rename' | 'create') => {
    action.setStatus(null);
    setMode(next);
  };
  // The form's buttons go away with it: focus goes back to the unit's heading, not to nowhere.
  const close = () => {
    setMode('none');
    headingRef.current?.focus();
  };

  useEffect(() => {
    if (focusOnMount.current) {
      focusOnMount.current = false;
      headingRef.current?.focus();
    }
  }, [focusOnMount]);

  const toggleActive = () =>
    action.run(async () => {
      const updated = await api.patch<OrgUnit>(`/api/organizations/${unit.id}`, { active: !unit.active });
      onChanged();
      return updated.active ? t('org.detail.activated') : t('org.detail.deactivated');
    });

  return (
    <>
      <h2 id="org-detail-heading" className="rf-h2" tabIndex={-1} ref={headingRef}>
        {unit.name}
      </h2>
      <dl className="rf-dl">
        <div>
          <dt>{t('org.detail.kind')}</dt>
          <dd>{kindLabel(t, unit.kind)}</dd>
        </div>
        <div>
          <dt>{t('org.detail.code')}</dt>
          <dd>{unit.code ? <code className="rf-code">{unit.code}</code> : <span className="rf-muted">{t('org.detail.noCode')}</span>}</dd>
        </div>
        <div>
          <dt>{t('org.detail.parent')}</dt>
          <dd>{parent ? parent.name : <span className="rf-muted">{t('org.detail.noParent')}</span>}</dd>
        </div>
        <div>
          <dt>{t('org.detail.status')}</dt>
          <dd>{unit.active ? t('org.active') : t('org.inactive')}</dd>
        </div>
        <div>
          <dt>{t('org.detail.children')}</dt>
          <dd>{tp('org.detail.childCount', childCount)}</dd>
        </div>
      </dl>
      <StatusMessage>{action.status}</StatusMessage>
      <ErrorSummary message={action.message} />
      {/* One form at a time: both have "Navn" and "Kode", and one open form is easier to follow. */}
      {mode === 'none' && (canCreate || canUpdate) && (
        <div className="rf-button-row">
          {canCreate && unit.active && (
            <PktButton type="button" skin="secondary" size="small" variant="icon-left" iconName="plus-sign" onClick={() => open('create')}>
              {t('org.detail.addChild')}
            </PktButton>
          )}
          {canUpdate && (
            <PktButton type="button" skin="secondary" size="small" variant="icon-left" iconName="edit" onClick={() => open('rename')}>
              {t('org.detail.rename')}
            </PktButton>
          )}
        </div>
      )}
      {mode === 'rename' && canUpdate && (
        <RenameForm
          key={`${unit.name}|${unit.code ?? ''}`}
          unit={unit}
          onCancel={close}
          onSaved={(text) => {
            close();
            action.setStatus(text);
            onChanged();
          }}
        />
      )}
      {mode === 'create' && canCreate && unit.active && (
        <CreateChildForm parent={unit} onCancel={close} onCreated={onCreated} />
      )}
      {canUpdate && unit.kind !== 'municipality' && (
        <div className="rf-action-block">
          <h3 className="rf-h3">{unit.active ? t('org.detail.deactivateHeading') : t('org.detail.activateHeading')}</h3>
          <p>{unit.active ? t('org.detail.deactivateText') : t('org.detail.activateText')}</p>
          <PktButton type="button" skin="secondary" disabled={action.busy} onClick={() => void toggleActive()}>
            {unit.active ? t('org.detail.deactivate') : t('org.detail.activate')}
          </PktButton>
        </div>
      )}
    </>
  );
}

function RenameForm({ unit, onSaved, onCancel }: { unit: OrgUnit; onSaved: (status: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [values, setValues, { restored, discard }] = useDraft(`org-edit-${unit.id}`, { name: unit.name, code: unit.code ?? '' });
  const form = useFormSubmit(['name', 'code']);
  const fields = [
    { path: 'name', id: 'org-edit-name', label: t('org.field.name') },
    { path: 'code', id: 'org-edit-code', label: t('org.field.code') },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const change = {
      ...(values.name.trim() !== unit.name ? { name: values.name.trim() } : {}),
      ...(values.code.trim() !== (unit.code ?? '') ? { code: values.code.trim() === '' ? null : values.code.trim() } : {}),
    };
    if (Object.keys(change).length === 0) {
      form.setErrors({});
      form.setMessage(t('org.edit.nothingChanged'));
      return;
    }
    if (form.showErrors(validateWith(UpdateOrgUnitRequest, change, t))) return;
    await form.send(async () => {
      await api.patch<OrgUnit>(`/api/organizations/${unit.id}`, change);
      discard();
      onSaved(t('org.edit.saved'));
    });
  };

  return (
    <form className="rf-form rf-action-block" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="org-edit-heading" className="rf-h3">
        {t('org.edit.heading')}
      </h3>
      {restored && <StatusMessage>{t('draft.restored')}</StatusMessage>}
      <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      <TextField
        id="org-edit-name"
        autoFocus
        label={t('org.field.name')}
        value={values.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
        error={form.errors.name}
        autoComplete="off"
      />
      <CodeField id="org-edit-code" value={values.code} onChange={(code) => setValues({ ...values, code })} error={form.errors.code} />
      <FormActions
        submitLabel={t('org.edit.submit')}
        busy={form.busy}
        onCancel={() => {
          discard();
          onCancel();
        }}
      />
    </form>
  );
}

function CreateChildForm({ parent, onCreated, onCancel }: { parent: OrgUnit; onCreated: (unit: OrgUnit) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const kinds = childKinds(parent.kind);
  const [values, setValues, { restored, discard }] = useDraft(`org-new-${parent.id}`, {
    kind: kinds[0] ?? 'unit',
    name: '',
    code: '',
  });
  const form = useFormSubmit(['kind', 'name', 'code']);
  const fields = [
    { path: 'kind', id: 'org-new-kind', label: t('org.field.kind') },
    { path: 'name', id: 'org-new-name', label: t('org.field.name') },
    { path: 'code', id: 'org-new-code', label: t('org.field.code') },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const request = {
      parentId: parent.id,
      kind: values.kind,
      name: values.name.trim(),
      ...(values.code.trim() ? { code: values.code.trim() } : {}),
    };
    if (form.showErrors(validateWith(CreateOrgUnitRequest, request, t))) return;
    await form.send(async () => {
      const created = await api.post<OrgUnit>('/api/organizations', request);
      discard();
      onCreated(created);
    });
  };

  return (
    <form className="rf-form rf-action-block" onSubmit={(event) => void submit(event)} noValidate>
      <h3 id="org-new-heading" className="rf-h3">
        {t('org.new.heading', { parent: parent.name })}
      </h3>
      {restored && <StatusMessage>{t('draft.restored')}</StatusMessage>}
      <ErrorSummary message={form.message} items={summaryItems(form.errors, fields)} />
      {kinds.length > 1 ? (
        <SelectField
          id="org-new-kind"
          autoFocus
          label={t('org.field.kind')}
          value={values.kind}
          onChange={(event) => setValues({ ...values, kind: event.target.value as (typeof kinds)[number] })}
          error={form.errors.kind}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindLabel(t, kind)}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        id="org-new-name"
        autoFocus={kinds.length === 1}
        label={t('org.field.name')}
        value={values.name}
        onChange={(event) => setValues({ ...values, name: event.target.value })}
        error={form.errors.name ?? form.errors.parentId}
        autoComplete="off"
      />
      <CodeField id="org-new-code" value={values.code} onChange={(code) => setValues({ ...values, code })} error={form.errors.code} />
      <FormActions
        submitLabel={t('org.new.submit')}
        submitIcon="plus-sign"
        busy={form.busy}
        onCancel={() => {
          discard();
          onCancel();
        }}
      />
    </form>
  );
}

/** A unit's code (B12 for a district): optional, typed as it is written. The same field in both unit forms. */
function CodeField({ id, value, onChange, error }: { id: string; value: string; onChange: (code: string) => void; error?: string }) {
  const { t } = useI18n();
  return (
    <TextField
      id={id}
      label={t('org.field.code')}
      hint={t('org.field.codeHint')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error}
      optional
      autoComplete="off"
      spellCheck={false}
    />
  );
}
