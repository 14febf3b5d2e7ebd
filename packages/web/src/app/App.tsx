import type { ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuditPage } from '../features/audit/AuditPage';
import { LoginPage } from '../features/auth/LoginPage';
import { OrganizationPage as DirectoryOrganizationPage } from '../features/directory/OrganizationPage';
import { OrganizationsPage as DirectoryOrganizationsPage } from '../features/directory/OrganizationsPage';
import { NewServicePage, ServicePage } from '../features/directory/ServicePage';
import { ServicesPage } from '../features/directory/ServicesPage';
import { PublicPlanPage } from '../features/innsyn/PublicPlanPage';
import { PublicPlansPage } from '../features/innsyn/PublicPlansPage';
import { OrganizationPage } from '../features/organizations/OrganizationPage';
import { NewPlanPage } from '../features/plans/NewPlanPage';
import { PlanPage } from '../features/plans/PlanPage';
import { PlansPage } from '../features/plans/PlansPage';
import { ReportPage } from '../features/plans/ReportPage';
import { ProfilePage } from '../features/profile/ProfilePage';
import { StartPage } from '../features/start/StartPage';
import { NewUserPage } from '../features/users/NewUserPage';
import { UserDetailPage } from '../features/users/UserDetailPage';
import { UsersPage } from '../features/users/UsersPage';
import { AuthProvider, useAuth } from './auth';
import { I18nProvider } from './i18n';
import { NoAccessPage, NotFoundPage } from './NotFoundPage';
import { AuthenticatedShell, InnsynShell, OpenShell, PublicShell } from './Shell';

/** Hides what the server would refuse anyway; the server stays the authority. */
function Requires({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useAuth();
  return can(permission) ? children : <NoAccessPage />;
}

export function App() {
  return (
    <I18nProvider>
      <AuthProvider>
        <BrowserRouter>
          <Routes>
            <Route element={<PublicShell />}>
              <Route path="/logg-inn" element={<LoginPage />} />
              <Route path="/login" element={<LoginPage />} />
            </Route>
            <Route element={<InnsynShell />}>
              <Route path="/innsyn/planer" element={<PublicPlansPage />} />
              <Route path="/innsyn/planer/:id" element={<PublicPlanPage />} />
            </Route>
            <Route element={<AuthenticatedShell />}>
              <Route index element={<StartPage />} />
              <Route
                path="/admin/brukere"
                element={
                  <Requires permission="user.list">
                    <UsersPage />
                  </Requires>
                }
              />
              <Route
                path="/admin/brukere/ny"
                element={
                  <Requires permission="user.create">
                    <NewUserPage />
                  </Requires>
                }
              />
              <Route
                path="/admin/brukere/:id"
                element={
                  <Requires permission="user.read">
                    <UserDetailPage />
                  </Requires>
                }
              />
              <Route
                path="/planer"
                element={
                  <Requires permission="plan.read">
                    <PlansPage />
                  </Requires>
                }
              />
              <Route
                path="/planer/ny"
                element={
                  <Requires permission="plan.create">
                    <NewPlanPage />
                  </Requires>
                }
              />
              <Route
                path="/planer/:id"
                element={
                  <Requires permission="plan.read">
                    <PlanPage />
                  </Requires>
                }
              />
              <Route
                path="/planer/:id/rapporter/:reportId"
                element={
                  <Requires permission="plan.read">
                    <ReportPage />
                  </Requires>
                }
              />
              <Route
                path="/tjenesteoversikt"
                element={
                  <Requires permission="directory.read">
                    <ServicesPage />
                  </Requires>
                }
              />
              <Route
                path="/tjenesteoversikt/tjenester/ny"
                element={
                  <Requires permission="directory.edit">
                    <NewServicePage />
                  </Requires>
                }
              />
              <Route
                path="/tjenesteoversikt/tjenester/:id"
                element={
                  <Requires permission="directory.read">
                    <ServicePage />
                  </Requires>
                }
              />
              <Route
                path="/tjenesteoversikt/organisasjoner"
                element={
                  <Requires permission="directory.read">
                    <DirectoryOrganizationsPage />
                  </Requires>
                }
              />
              <Route
                path="/tjenesteoversikt/organisasjoner/:id"
                element={
                  <Requires permission="directory.read">
                    <DirectoryOrganizationPage />
                  </Requires>
                }
              />
              <Route path="/organisasjon" element={<OrganizationPage />} />
              <Route
                path="/tilgangslogg"
                element={
                  <Requires permission="audit.search">
                    <AuditPage />
                  </Requires>
                }
              />
              <Route path="/profil" element={<ProfilePage />} />
            </Route>
            <Route element={<OpenShell />}>
              <Route path="*" element={<NotFoundPage />} />
            </Route>
          </Routes>
        </BrowserRouter>
      </AuthProvider>
    </I18nProvider>
  );
}
