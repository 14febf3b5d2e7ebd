import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MeResponse } from '@rusfag/core';
import { api, ApiError, onUnauthenticated, setCsrfToken } from './api';
import { claimDrafts, clearAllDrafts } from './drafts';

/**
 * Who is logged in. The truth is the server's GET /api/me; the app asks at start, after login,
 * and when the user chooses to stay logged in. A 401 from any session call ends the state here,
 * and the router sends the user to the login page with the place to come back to.
 */

export type AnonymousReason = 'none' | 'expired' | 'loggedOut';

export type AuthState =
  | { status: 'loading' }
  | { status: 'unavailable'; message: string }
  | { status: 'anonymous'; reason: AnonymousReason }
  | { status: 'authenticated'; me: MeResponse };

interface Auth {
  state: AuthState;
  me: MeResponse | null;
  /** Asks the server again; also keeps the session alive. */
  refresh: () => Promise<MeResponse | null>;
  /** After the last login step: take the new CSRF token and load the user. */
  completeLogin: (csrfToken: string) => Promise<MeResponse | null>;
  logout: () => Promise<void>;
  /** The idle timer ran out here (the server will say the same at the next call). */
  expire: () => void;
  can: (permission: string) => boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(async (): Promise<MeResponse | null> => {
    try {
      const me = await api.get<MeResponse>('/api/me');
      setCsrfToken(me.csrfToken);
      claimDrafts(me.user.id);
      setState({ status: 'authenticated', me });
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setState((previous) =>
          previous.status === 'authenticated' || error.code === 'session_expired'
            ? { status: 'anonymous', reason: 'expired' }
            : previous.status === 'anonymous'
              ? previous
              : { status: 'anonymous', reason: 'none' },
        );
        return null;
      }
      // Only the very first load has nowhere else to show the problem.
      if (stateRef.current.status === 'loading') {
        setState({ status: 'unavailable', message: error instanceof Error ? error.message : String(error) });
      }
      throw error;
    }
  }, []);

  useEffect(() => {
    refresh().catch(() => undefined);
  }, [refresh]);

  useEffect(
    () =>
      onUnauthenticated((code) => {
        setCsrfToken(null);
        setState((previous) =>
          previous.status === 'authenticated' || code === 'session_expired'
            ? { status: 'anonymous', reason: 'expired' }
            : previous,
        );
      }),
    [],
  );

  const completeLogin = useCallback(
    async (csrfToken: string) => {
      setCsrfToken(csrfToken);
      return refresh();
    },
    [refresh],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { public: true });
    } finally {
      // Logged out here in any case; a failed call leaves only an idle session behind.
      setCsrfToken(null);
      clearAllDrafts();
      setState({ status: 'anonymous', reason: 'loggedOut' });
    }
  }, []);

  const expire = useCallback(() => {
    setCsrfToken(null);
    setState((previous) => (previous.status === 'authenticated' ? { status: 'anonymous', reason: 'expired' } : previous));
  }, []);

  const value = useMemo<Auth>(() => {
    const me = state.status === 'authenticated' ? state.me : null;
    return {
      state,
      me,
      refresh,
      completeLogin,
      logout,
      expire,
      can: (permission) => me?.permissions.includes(permission) ?? false,
    };
  }, [state, refresh, completeLogin, logout, expire]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For pages behind RequireAuth: the user is known there. */
export function useMe(): MeResponse {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a logged-in user');
  return me;
}
