import { useRef, useState } from 'react';
import type { ServiceDetail } from '@rusfag/core';
import { api } from '../../app/api';
import { formatDate, formatDay } from '../../app/format';
import { useAction } from '../../app/forms';
import { useI18n } from '../../app/i18n';
import { Icon } from '../../app/Icon';
import { AlertBox, Section } from '../../app/page';
import { publicServicePath, publicationLabel, publicationOf, publicationTag } from './model';

/**
 * Where the service stands (draft or published, last verified by whom) and the review workflow:
 * publish (or publish the changes), withdraw (after a confirmation) and "the details are still
 * right". Each button shows only when the answer's `actions` allow it.
 */

/** "Utkast" / "Publisert 23.11.2026" and "Sist bekreftet 12.03.2026 av Randi Redaktør". */
export function ServiceStatusLine({ service, freshness }: { service: ServiceDetail; freshness: 'fresh' | 'due' | 'stale' }) {
  const { t } = useI18n();
  const publication = publicationOf(service);
  return (
    <p className="rf-plan-meta rf-service-status">
      <span className={`pkt-tag pkt-tag--small pkt-tag--thin-text ${publicationTag(publication)}`}>{publicationLabel(t, publication)}</span>
      {service.publishedAt && <span>{t('directory.service.publishedOn', { date: formatDate(service.publishedAt) })}</span>}
      <span>
        {service.lastVerifiedOn
          ? service.lastVerifiedByName
            ? t('directory.service.verifiedOnBy', { date: formatDay(service.lastVerifiedOn), name: service.lastVerifiedByName })
            : t('directory.service.verifiedOn', { date: formatDay(service.lastVerifiedOn) })
          : t('directory.service.neverVerified')}
      </span>
      {/* "Shown as not verified" is what the public sees; a draft is not shown at all, so it is only due. */}
      {freshness === 'stale' && service.publicationState === 'published' ? (
        <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--red">{t('directory.freshness.stale')}</span>
      ) : freshness !== 'fresh' ? (
        <span className="pkt-tag pkt-tag--small pkt-tag--thin-text pkt-tag--yellow">{t('directory.freshness.due')}</span>
      ) : null}
      <span>{service.organizationName}</span>
    </p>
  );
}

export function ServiceWorkflow({
  service,
  dirty,
  onChanged,
}: {
  service: ServiceDetail;
  /** The form has changes that are not saved: publishing would publish the saved copy without them. */
  dirty: boolean;
  onChanged: (service: ServiceDetail) => void;
}) {
  const { t } = useI18n();
  const action = useAction();
  const [confirming, setConfirming] = useState(false);
  const [blocked, setBlocked] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const unpublishRef = useRef<HTMLButtonElement>(null);
  const canPublish = service.actions.includes('directory.publish');
  const canEdit = service.actions.includes('directory.edit');
  const published = service.publicationState === 'published';
  const needsPublishing = !published || service.hasUnpublishedChanges;

  const perform = (path: string, done: string) => {
    setBlocked(null);
    setConfirming(false);
    return action.run(async () => {
      const updated = await api.post<ServiceDetail>(`/api/directory/services/${service.id}/${path}`);
      onChanged(updated);
      // The status line is where the result is read; focus goes there, not back to a button that may be gone.
      window.requestAnimationFrame(() => statusRef.current?.focus());
      return done;
    });
  };

  const publish = () => {
    if (dirty) {
      setBlocked(t('directory.workflow.saveFirst'));
      window.requestAnimationFrame(() => statusRef.current?.focus());
      return;
    }
    void perform('publish', service.hasUnpublishedChanges ? t('directory.workflow.changesPublished') : t('directory.workflow.published'));
  };

  return (
    <Section headingId="svc-workflow-heading" title={t('directory.workflow.heading')} className="rf-section rf-panel rf-workflow">
      <div role="status" className="rf-status" ref={statusRef} tabIndex={-1}>
        {action.status && (
          <AlertBox kind="success" className="pkt-alert--compact">
            {action.status}
          </AlertBox>
        )}
      </div>
      <div role="alert" className="rf-error-summary">
        {(action.message ?? blocked) && (
          <AlertBox kind="error" className="pkt-alert--compact">
            {action.message ?? blocked}
          </AlertBox>
        )}
      </div>
      <p>
        {!published
          ? t('directory.workflow.draftText')
          : service.hasUnpublishedChanges
            ? t('directory.workflow.changedText')
            : t('directory.workflow.publishedText')}
      </p>
      <div className="rf-button-row">
        {canPublish && needsPublishing && (
          <button type="button" className="pkt-btn pkt-btn--primary pkt-btn--icon-left" disabled={action.busy} onClick={publish}>
            <Icon name="check-medium" className="pkt-btn__icon" />
            <span className="pkt-btn__text">{service.hasUnpublishedChanges ? t('directory.workflow.publishChanges') : t('directory.workflow.publish')}</span>
          </button>
        )}
        {canEdit && (
          <button type="button" className="pkt-btn pkt-btn--secondary" disabled={action.busy} onClick={() => void perform('verify', t('directory.workflow.verified'))}>
            <span className="pkt-btn__text">{t('directory.workflow.verify')}</span>
          </button>
        )}
        {canPublish && published && !confirming && (
          <button type="button" ref={unpublishRef} className="pkt-btn pkt-btn--tertiary" disabled={action.busy} onClick={() => setConfirming(true)}>
            <span className="pkt-btn__text">{t('directory.workflow.unpublish')}</span>
          </button>
        )}
        {published && (
          <a href={publicServicePath(service.id)} className="pkt-link">
            {t('directory.workflow.publicPage')}
          </a>
        )}
      </div>
      {canEdit && <p className="rf-hint rf-workflow__hint">{t('directory.workflow.verifyHint')}</p>}
      {confirming && (
        <div className="rf-confirm" role="group" aria-labelledby="svc-unpublish-text">
          <p id="svc-unpublish-text">{t('directory.workflow.unpublishConfirm')}</p>
          <div className="rf-button-row">
            <button type="button" className="pkt-btn pkt-btn--primary pkt-btn--small" autoFocus disabled={action.busy} onClick={() => void perform('unpublish', t('directory.workflow.unpublished'))}>
              <span className="pkt-btn__text">{t('directory.workflow.unpublishYes')}</span>
            </button>
            <button
              type="button"
              className="pkt-btn pkt-btn--tertiary pkt-btn--small"
              onClick={() => {
                setConfirming(false);
                window.requestAnimationFrame(() => unpublishRef.current?.focus());
              }}
            >
              <span className="pkt-btn__text">{t('common.cancel')}</span>
            </button>
          </div>
        </div>
      )}
    </Section>
  );
}
