"""The ASGI app: feature routers behind the protocol check, error handlers, health."""

from __future__ import annotations

from typing import Literal

from fastapi import Depends, FastAPI

import contactdesk
from contactdesk.server.admin.routes import router as admin_router
from contactdesk.server.auth.routes import router as auth_router
from contactdesk.server.body_limit import BodyLimit
from contactdesk.server.database import Database, create_server_engine
from contactdesk.server.dav.dav_app import PREFIX as DAV_PREFIX
from contactdesk.server.dav.dav_app import DavApp, well_known
from contactdesk.server.dependencies import require_protocol
from contactdesk.server.error_handlers import ERROR_RESPONSES, install_error_handlers
from contactdesk.server.settings import ServerSettings
from contactdesk.server.sync.routes import router as sync_router
from contactdesk.sync_protocol import PROTOCOL_VERSION, WireModel

WELL_KNOWN_METHODS = ["GET", "HEAD", "PROPFIND", "OPTIONS"]


class Health(WireModel):
    status: Literal["ok"]
    protocol_version: int


def create_app(settings: ServerSettings, database: Database | None = None) -> FastAPI:
    """An app serving ``settings.database_url`` (migrate it first: ``prepare_database``)."""
    app = FastAPI(
        title="ContactDesk sync server",
        version=contactdesk.__version__,
        description=f"Sync protocol {PROTOCOL_VERSION}. Every endpoint but /health needs the"
        " X-ContactDesk-Protocol header; all but /health and /auth/login a bearer token."
        " Every 4xx answer has an ErrorBody.",
    )
    app.state.settings = settings
    app.state.database = database or Database(create_server_engine(settings.database_url))
    protocol = [Depends(require_protocol)]
    app.include_router(auth_router, dependencies=protocol, responses=ERROR_RESPONSES)
    app.include_router(sync_router, dependencies=protocol, responses=ERROR_RESPONSES)
    app.include_router(admin_router, dependencies=protocol, responses=ERROR_RESPONSES)
    install_error_handlers(app)
    # CardDAV and CalDAV for phones: their own sign-in (HTTP basic) and answers (XML),
    # outside the sync protocol's header and JSON errors (docs/phones.md).
    app.mount(DAV_PREFIX, DavApp(app.state))
    # Some clients ask the server's root who the user is before trying the well-known paths.
    app.router.add_route("/", well_known, methods=["PROPFIND"], include_in_schema=False)
    for service in ("carddav", "caldav"):
        app.router.add_route(
            f"/.well-known/{service}",
            well_known,
            methods=WELL_KNOWN_METHODS,
            include_in_schema=False,
        )
    app.add_middleware(BodyLimit)

    @app.get("/health", tags=["health"], response_model=Health)
    def health() -> Health:
        """Liveness for load balancers; no token or protocol header needed."""
        return Health(status="ok", protocol_version=PROTOCOL_VERSION)

    return app
