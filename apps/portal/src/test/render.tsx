import type { MockLink } from "@apollo/client/testing";
import { MockedProvider } from "@apollo/client/testing/react";
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, Outlet, type RouteObject, RouterProvider, useLocation } from "react-router";
import { createCache } from "../app/apollo-client";
import { SessionContext, type SessionUser } from "../features/auth";

type RenderRoutesOptions = {
  routes: RouteObject[];
  /** A path, or a location with its navigation state (e.g. the login page reached after a session ended). */
  initialEntry: string | { pathname: string; search?: string; state?: unknown };
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
  /** Renders the routes as this signed-in user (without the session gate). */
  user?: SessionUser;
};

/** Shows where the app navigated to, for routes a test does not render for real. */
export function LocationProbe() {
  const location = useLocation();
  return <p data-testid="location">{`${location.pathname}${location.search}`}</p>;
}

export function renderRoutes({ routes, initialEntry, mocks = [], user }: RenderRoutesOptions) {
  const wrapped: RouteObject[] = user
    ? [
        {
          element: (
            <SessionContext value={user}>
              <Outlet />
            </SessionContext>
          ),
          children: routes,
        },
      ]
    : routes;
  const router = createMemoryRouter(wrapped, { initialEntries: [initialEntry] });
  const events = userEvent.setup();
  const result = render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <RouterProvider router={router} />
    </MockedProvider>,
  );
  return { ...result, router, user: events };
}
