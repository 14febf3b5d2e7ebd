import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from './i18n';
import { Page } from './page';

export function NotFoundPage() {
  return <DeadEnd title="notFound.title" text="notFound.text" />;
}

/** A page the user's roles do not reach: said plainly, with the way back. */
export function NoAccessPage() {
  return <DeadEnd title="noAccess.title" text="noAccess.text" />;
}

/** A page with nothing to do on it: what happened, and the way back to the start page. */
function DeadEnd({ title, text }: { title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <Page title={t(title)}>
      <p>{t(text)}</p>
      <p>
        <Link to="/">{t('notFound.home')}</Link>
      </p>
    </Page>
  );
}
