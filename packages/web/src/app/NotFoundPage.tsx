import { Link } from 'react-router-dom';
import { useI18n } from './i18n';
import { Page } from './page';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Page title={t('notFound.title')}>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}

/** A page the user's roles do not reach: said plainly, with the way back. */
export function NoAccessPage() {
  const { t } = useI18n();
  return (
    <Page title={t('noAccess.title')}>
      <p>{t('noAccess.text')}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
