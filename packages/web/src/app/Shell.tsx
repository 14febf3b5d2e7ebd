import { useEffect } from 'react';
import { Link, NavLink, Navigate, Outlet, useLocation } from 'react-router-dom';
import osloLogo from '@oslokommune/punkt-assets/dist/logos/oslologo.svg';
import { useAuth } from './auth';
import { useI18n } from './i18n';
import { Icon } from './Icon';
import { Loading, focusPageHeading } from './page';
import { SessionWatch } from './SessionWatch';

/** Set after the first page: from then on every new path moves focus (also across shells). */
let firstPageShown = false;

/** Moves focus to the new page's h1 when the path changes (not on the first load, not for ?query changes). */
function useFocusOnNavigation() {
  const { pathname } = useLocation();
  useEffect(() => {
    if (!firstPageShown) {
      firstPageShown = true;
      return;
    }
    focusPageHeading();
  }, [pathname]);
}

function LanguageSwitch() {
  const { language, setLanguage, t } = useI18n();
  const next = language === 'nb' ? 'en' : 'nb';
  return (
    <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small pkt-btn--icon-left rf-header__button" onClick={() => setLanguage(next)}>
      <Icon name="language" className="pkt-btn__icon" />
      <span className="pkt-btn__text" lang={next}>
        {t('header.switchLanguage')}
      </span>
    </button>
  );
}

function Header({ withUser }: { withUser: boolean }) {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const home = me?.user.homeUnit;
  return (
    <header className="rf-header">
      <div className="rf-header__bar pkt-container">
        <Link to="/" className="rf-header__brand">
          <img src={osloLogo} alt={t('header.logoAlt')} className="rf-header__logo" width="60" height="31" />
          <span className="rf-header__service">{t('app.name')}</span>
        </Link>
        <div className="rf-header__tools">
          {withUser && me && home && (
            <p className="rf-header__user">
              <Icon name="user" className="rf-header__user-icon" />
              <span>
                <span className="pkt-sr-only">{t('header.loggedInAs')} </span>
                <span className="rf-header__user-name">{me.user.displayName}</span>
                <span className="rf-header__user-unit">
                  {home.districtName && home.districtName !== home.name ? `${home.name}, ${home.districtName}` : home.name}
                </span>
              </span>
            </p>
          )}
          <LanguageSwitch />
          {withUser && me && (
            <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small pkt-btn--icon-left rf-header__button" onClick={() => void logout()}>
              <Icon name="exit" className="pkt-btn__icon" />
              <span className="pkt-btn__text">{t('header.logout')}</span>
            </button>
          )}
        </div>
      </div>
      {withUser && me && <MainNav />}
    </header>
  );
}

function MainNav() {
  const { can } = useAuth();
  const { t } = useI18n();
  const links: { to: string; label: string; show: boolean; end?: boolean }[] = [
    { to: '/', label: t('nav.start'), show: true, end: true },
    { to: '/admin/brukere', label: t('nav.users'), show: can('user.list') },
    { to: '/organisasjon', label: t('nav.organization'), show: true },
    { to: '/tilgangslogg', label: t('nav.audit'), show: can('audit.search') },
    { to: '/profil', label: t('nav.profile'), show: true },
  ];
  return (
    <nav aria-label={t('nav.label')} className="rf-nav">
      <ul className="rf-nav__list pkt-container">
        {links
          .filter((link) => link.show)
          .map((link) => (
            <li key={link.to}>
              <NavLink to={link.to} end={link.end ?? false} className="rf-nav__link">
                {link.label}
              </NavLink>
            </li>
          ))}
      </ul>
    </nav>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="rf-footer">
      <div className="pkt-container rf-footer__inner">
        <p>{t('footer.text')}</p>
      </div>
    </footer>
  );
}

/** Skip link, header, main landmark and footer: the frame of every page. */
function Frame({ withUser }: { withUser: boolean }) {
  const { t } = useI18n();
  useFocusOnNavigation();
  return (
    <>
      <a className="rf-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header withUser={withUser} />
      <main id="main" tabIndex={-1} className="rf-main pkt-container">
        <Outlet />
      </main>
      <Footer />
    </>
  );
}

/** Pages for logged-in users; anyone else goes to the login page and comes back afterwards. */
export function AuthenticatedShell() {
  const { state } = useAuth();
  const location = useLocation();
  const { t } = useI18n();
  if (state.status === 'loading') {
    return (
      <main id="main" className="rf-main pkt-container">
        <Loading label={t('app.starting')} />
      </main>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <main id="main" className="rf-main pkt-container">
        <h1 className="rf-h1">{t('app.unavailableTitle')}</h1>
        <p>{state.message}</p>
        <button type="button" className="pkt-btn pkt-btn--primary" onClick={() => window.location.reload()}>
          <span className="pkt-btn__text">{t('common.retry')}</span>
        </button>
      </main>
    );
  }
  if (state.status === 'anonymous') {
    const back = `${location.pathname}${location.search}`;
    const query = state.reason === 'loggedOut' || back === '/' ? '' : `?neste=${encodeURIComponent(back)}`;
    return <Navigate to={`/logg-inn${query}`} replace state={{ reason: state.reason }} />;
  }
  return (
    <>
      <Frame withUser />
      <SessionWatch me={state.me} />
    </>
  );
}

/** Login and other pages that need no session. */
export function PublicShell() {
  return <Frame withUser={false} />;
}

/** Pages anyone may see (the 404 page): with the user's header when logged in. */
export function OpenShell() {
  const { state } = useAuth();
  if (state.status === 'loading') return null;
  if (state.status === 'authenticated') {
    return (
      <>
        <Frame withUser />
        <SessionWatch me={state.me} />
      </>
    );
  }
  return <Frame withUser={false} />;
}
