"""CardDAV and CalDAV on the sync server: a small WebDAV layer mounted at ``/dav``.

URLs (``USER`` is the username, percent-encoded)::

    /.well-known/carddav, /.well-known/caldav   -> 301 to /dav/
    /dav/                                       the service root (current-user-principal)
    /dav/USER/                                  the user's principal and home of both
    /dav/USER/contacts/                         address book: contacts in the user's scope
    /dav/USER/contacts/ID.vcf                   one contact as a vCard (3.0; 4.0 on request)
    /dav/USER/activities/                       calendar: the user's activities
    /dav/USER/activities/ID.ics                 one activity as an event

Methods: OPTIONS, PROPFIND (depth 0 and 1), REPORT (addressbook-/calendar-
multiget, addressbook-/calendar-query, sync-collection), GET, HEAD, PUT (an
edit of an existing item). New items, deletes, MKCOL and PROPPATCH are
refused with 403: contacts and activities are made and removed in the app.

Every request but OPTIONS signs in with HTTP basic (``dav_sign_in``). The
work runs on the thread pool, one database session per request, through
``dav_collections``; nothing here builds SQL.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar
from urllib.parse import quote, unquote, urlsplit
from xml.etree import ElementTree as ET

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import Receive, Scope, Send

from contactdesk.errors import AccessDenied, ContactDeskError, NotFound, ValidationError
from contactdesk.server.auth.service import AuthenticatedUser, LoginRefused
from contactdesk.server.database import Database
from contactdesk.server.dav import dav_collections as collections
from contactdesk.server.dav.activity_events import CALENDAR_TYPE
from contactdesk.server.dav.contact_cards import VCARD_TYPE
from contactdesk.server.dav.dav_collections import ACTIVITIES, CONTACTS, Item, SyncTokenInvalid
from contactdesk.server.dav.dav_sign_in import (
    basic_credentials,
    is_private_channel,
    sign_in,
)
from contactdesk.server.dav.dav_xml import (
    CALDAV,
    CALENDARSERVER,
    CARDDAV,
    DAV,
    DavBadRequest,
    PropRequest,
    Report,
    add_gone,
    add_response,
    element,
    error_body,
    href_element,
    multistatus,
    propfind_request,
    report_request,
    serialise,
    tag,
)
from contactdesk.server.errors import Conflict, RateLimited, RefusedChange, Unauthenticated
from contactdesk.server.settings import ServerSettings

PREFIX = "/dav"
REALM = "ContactDesk"
ALLOW = "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, REPORT"
DAV_CLASSES = "1, 3, addressbook, calendar-access"
XML_TYPE = "application/xml; charset=utf-8"
DISPLAY_NAMES = {CONTACTS: "ContactDesk contacts", ACTIVITIES: "ContactDesk activities"}
ITEM_TYPES = {CONTACTS: VCARD_TYPE, ACTIVITIES: CALENDAR_TYPE}
ALL_PROPS = [
    tag(DAV, "resourcetype"),
    tag(DAV, "displayname"),
    tag(DAV, "getetag"),
    tag(DAV, "getcontenttype"),
    tag(DAV, "current-user-principal"),
    tag(DAV, "sync-token"),
]
ETAG = re.compile(r'^(?:W/)?"(\d{1,18})-[0-9a-f]{1,64}"$')
MAX_PATH = 1000
T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """What a request path names: the root, a user's home, a collection or an item."""

    kind: str  # "root", "home", "collection" or "item"
    username: str = ""
    collection: str = ""
    record_id: uuid.UUID | None = None


class DavApp:
    """The ASGI app serving ``/dav`` (mounted in the server's FastAPI app)."""

    def __init__(self, state: Any) -> None:
        # The FastAPI app's state: its database and settings are made before any request.
        self._state = state

    @property
    def _database(self) -> Database:
        database: Database = self._state.database
        return database

    @property
    def _settings(self) -> ServerSettings:
        settings: ServerSettings = self._state.settings
        return settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        try:
            response = await self._answer(request)
        except ContactDeskError as error:
            response = _error_response(error)
        except DavBadRequest as error:
            response = _text(400, str(error))
        except SyncTokenInvalid as error:
            response = Response(
                error_body(tag(DAV, "valid-sync-token"), str(error)), 403, media_type=XML_TYPE
            )
        await response(scope, receive, send)

    async def _answer(self, request: Request) -> Response:
        method = request.method.upper()
        if method == "OPTIONS":
            return Response(status_code=200, headers={"DAV": DAV_CLASSES, "Allow": ALLOW})
        target = _target(_raw_path(request))
        user = await self._signed_in(request)
        if target.kind != "root" and target.username != user.username:
            raise AccessDenied(f"{request.url.path} belongs to another user")
        body = await request.body()
        if method == "PROPFIND":
            depth = request.headers.get("depth", "1").strip().lower()
            props = propfind_request(body)
            return await self._read(lambda s: self._propfind(s, user, target, props, depth))
        if method == "REPORT":
            report = report_request(body)
            return await self._read(lambda s: self._report(s, user, target, report))
        if method in ("GET", "HEAD"):
            return await self._read(lambda s: self._get(s, user, target, request, method))
        if method == "PUT":
            return await self._put(request, user, target, body)
        if method in ("DELETE", "MKCOL", "MKCALENDAR", "PROPPATCH", "MOVE", "COPY"):
            raise AccessDenied(
                f"{method} is not offered: contacts and activities are made, changed"
                " in bulk and removed in the ContactDesk app"
            )
        return Response(status_code=405, headers={"Allow": ALLOW})

    async def _signed_in(self, request: Request) -> AuthenticatedUser:
        credentials = basic_credentials(request.headers.get("authorization"))
        address = request.client.host if request.client else "unknown"
        private = is_private_channel(request.url.scheme, address)

        def attempt() -> AuthenticatedUser | LoginRefused:
            with self._database.transaction() as session:
                return sign_in(session, self._settings, credentials, address, private)

        result = await run_in_threadpool(attempt)
        if isinstance(result, LoginRefused):
            raise result.error
        return result

    async def _read(self, work: Callable[[Any], Response]) -> Response:
        def run() -> Response:
            with self._database.snapshot() as session:
                return work(session)

        return await run_in_threadpool(run)

    # -- PROPFIND ---------------------------------------------------------------

    def _propfind(
        self, session: Any, user: AuthenticatedUser, target: Target, props: PropRequest, depth: str
    ) -> Response:
        answer = multistatus()
        names = ALL_PROPS if props.all_props else props.names
        token = collections.sync_token(session)
        if target.kind == "item":
            assert target.record_id is not None
            item = collections.get_item(session, user.actor, target.collection, target.record_id)
            self._add(answer, user, target, names, token, item, props.vcard_version)
            return _multistatus(answer)
        self._add(answer, user, target, names, token, None, props.vcard_version)
        if depth != "0":
            if target.kind == "root":
                home = Target("home", user.username)
                self._add(answer, user, home, names, token, None, props.vcard_version)
            elif target.kind == "home":
                for collection in (CONTACTS, ACTIVITIES):
                    child = Target("collection", user.username, collection)
                    self._add(answer, user, child, names, token, None, props.vcard_version)
            elif target.kind == "collection":
                listing = collections.list_items(
                    session, user.actor, target.collection, vcard_version=props.vcard_version
                )
                for item in listing.items:
                    child = Target("item", user.username, target.collection, item.record_id)
                    self._add(answer, user, child, names, token, item, props.vcard_version)
        return _multistatus(answer)

    def _add(
        self,
        answer: ET.Element,
        user: AuthenticatedUser,
        target: Target,
        names: list[str],
        token: str,
        item: Item | None,
        vcard_version: str,
    ) -> None:
        found, missing = [], []
        for name in names:
            value = _property(user, target, name, token, item, vcard_version)
            if value is None:
                missing.append(name)
            else:
                found.append(value)
        add_response(answer, _href(target), found, missing)

    # -- REPORT -----------------------------------------------------------------

    def _report(
        self, session: Any, user: AuthenticatedUser, target: Target, report: Report
    ) -> Response:
        if target.kind != "collection":
            raise DavBadRequest("REPORTs are made on the address book or the calendar")
        collection = target.collection
        version = report.props.vcard_version
        answer = multistatus()
        if report.kind == "multiget":
            wanted: dict[uuid.UUID, str] = {}
            missing: list[str] = []
            for href in report.hrefs:
                named = _member_of(href, target)
                if named is None:
                    missing.append(href)
                else:
                    wanted[named] = href
            listing = collections.list_items(
                session, user.actor, collection, ids=list(wanted), vcard_version=version
            )
            found = {item.record_id for item in listing.items}
            missing += [href for record_id, href in wanted.items() if record_id not in found]
            items, gone = listing.items, missing
        elif report.kind == "query":
            listing = collections.list_items(session, user.actor, collection, vcard_version=version)
            items = [item for item in listing.items if _in_range(item, report)]
            gone = []
        else:
            since = (
                collections.read_token(session, user.actor, report.sync_token)
                if report.sync_token
                else None
            )
            listing = collections.list_items(
                session, user.actor, collection, since=since, vcard_version=version
            )
            items = listing.items
            gone = [
                _href(Target("item", user.username, collection, record_id))
                for record_id in listing.gone
            ]
        names = report.props.names or [tag(DAV, "getetag")]
        for item in items:
            child = Target("item", user.username, collection, item.record_id)
            self._add(answer, user, child, names, listing.token, item, version)
        for href in gone:
            add_gone(answer, href)
        if report.kind == "sync":
            ET.SubElement(answer, tag(DAV, "sync-token")).text = listing.token
        return _multistatus(answer)

    # -- GET and PUT ------------------------------------------------------------

    def _get(
        self, session: Any, user: AuthenticatedUser, target: Target, request: Request, method: str
    ) -> Response:
        if target.kind != "item":
            text = "ContactDesk CardDAV and CalDAV: add this server's address to your phone.\n"
            return _text(200, text if method == "GET" else "")
        assert target.record_id is not None
        accept = request.headers.get("accept", "")
        version = "4.0" if "version=4.0" in accept.replace(" ", "") else "3.0"
        item = collections.get_item(
            session, user.actor, target.collection, target.record_id, version
        )
        media = ITEM_TYPES[target.collection] + "; charset=utf-8"
        content = item.text.encode() if method == "GET" else b""
        headers = {"ETag": item.etag}
        if method == "HEAD":
            headers["Content-Length"] = str(len(item.text.encode()))
        return Response(content, 200, headers=headers, media_type=media)

    async def _put(
        self, request: Request, user: AuthenticatedUser, target: Target, body: bytes
    ) -> Response:
        if target.kind != "item":
            raise AccessDenied("PUT an item of the address book or the calendar")
        assert target.record_id is not None
        record_id = target.record_id
        if len(body) > collections.MAX_ITEM_BYTES:
            return _text(413, f"an item is at most {collections.MAX_ITEM_BYTES} bytes")
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return _text(400, "the body is not UTF-8 text")
        if "\x00" in text or any(0xD800 <= ord(ch) <= 0xDFFF for ch in text):
            return _text(400, "the body holds characters that are not text")
        if_match = request.headers.get("if-match")
        if_none_match = request.headers.get("if-none-match", "").strip()

        def work() -> Response:
            with self._database.transaction() as session:
                try:
                    current = collections.get_item(
                        session, user.actor, target.collection, record_id
                    )
                except NotFound:
                    if if_match is not None:
                        return _text(412, "no such item to change")
                    raise AccessDenied(
                        "new contacts and activities are made in the ContactDesk app"
                    ) from None
                if if_none_match == "*":
                    return _text(412, "the item exists already")
                base = _base_version(if_match)
                if base is False:
                    return _text(412, "If-Match names no ETag of this server")
                result = collections.put_item(
                    session,
                    user.actor,
                    target.collection,
                    record_id,
                    text,
                    None if base is None else int(base),
                    self._settings.clock(),
                )
                del current
            headers = {}
            if result.conflicts:
                headers["X-ContactDesk-Conflicts"] = ", ".join(result.conflicts)
            # No ETag: the stored item is not byte for byte what was sent (RFC 7231 4.3.4),
            # so the client fetches it again at its next sync.
            return Response(status_code=204, headers=headers)

        return await run_in_threadpool(work)


# -- properties -------------------------------------------------------------------


def _property(
    user: AuthenticatedUser,
    target: Target,
    name: str,
    token: str,
    item: Item | None,
    vcard_version: str,
) -> ET.Element | None:
    home = _href(Target("home", user.username))
    kind, collection = target.kind, target.collection
    if name == tag(DAV, "current-user-principal"):
        return href_element(name, home)
    if name == tag(DAV, "principal-collection-set"):
        return href_element(name, f"{PREFIX}/")
    if name == tag(DAV, "resourcetype"):
        return element(name, children=_resource_types(target))
    if name == tag(DAV, "displayname"):
        if kind == "collection":
            return element(name, DISPLAY_NAMES[collection])
        if kind == "home":
            return element(name, user.display_name or user.username)
        return None
    if kind == "home" and name in (
        tag(DAV, "principal-URL"),
        tag(CARDDAV, "addressbook-home-set"),
        tag(CALDAV, "calendar-home-set"),
    ):
        return href_element(name, home)
    if name == tag(DAV, "owner") and kind in ("home", "collection"):
        return href_element(name, home)
    if name == tag(DAV, "current-user-privilege-set") and kind != "root":
        privileges = ["read"] + (["write-content"] if kind in ("collection", "item") else [])
        return element(
            name,
            children=[
                element(tag(DAV, "privilege"), children=[element(tag(DAV, p))]) for p in privileges
            ],
        )
    if kind == "collection":
        return _collection_property(name, collection, token)
    if kind == "item" and item is not None:
        return _item_property(name, collection, item)
    return None


def _resource_types(target: Target) -> list[ET.Element]:
    if target.kind == "item":
        return []
    types = [element(tag(DAV, "collection"))]
    if target.kind == "home":
        types.append(element(tag(DAV, "principal")))
    elif target.collection == CONTACTS:
        types.append(element(tag(CARDDAV, "addressbook")))
    elif target.collection == ACTIVITIES:
        types.append(element(tag(CALDAV, "calendar")))
    return types


def _collection_property(name: str, collection: str, token: str) -> ET.Element | None:
    if name == tag(DAV, "sync-token"):
        return element(name, token)
    if name == tag(CALENDARSERVER, "getctag"):
        return element(name, token.rsplit("/", 1)[-1])
    if name == tag(DAV, "supported-report-set"):
        reports = [tag(DAV, "sync-collection")]
        if collection == CONTACTS:
            reports += [tag(CARDDAV, "addressbook-multiget"), tag(CARDDAV, "addressbook-query")]
        else:
            reports += [tag(CALDAV, "calendar-multiget"), tag(CALDAV, "calendar-query")]
        return element(
            name,
            children=[
                element(
                    tag(DAV, "supported-report"),
                    children=[element(tag(DAV, "report"), children=[element(report)])],
                )
                for report in reports
            ],
        )
    if collection == CONTACTS:
        if name == tag(CARDDAV, "supported-address-data"):
            types = []
            for version in ("3.0", "4.0"):
                data = element(tag(CARDDAV, "address-data-type"))
                data.set("content-type", VCARD_TYPE)
                data.set("version", version)
                types.append(data)
            return element(name, children=types)
        if name == tag(CARDDAV, "addressbook-description"):
            return element(name, "The contacts you may see in ContactDesk")
        if name == tag(CARDDAV, "max-resource-size"):
            return element(name, str(collections.MAX_ITEM_BYTES))
        return None
    if name == tag(CALDAV, "supported-calendar-component-set"):
        component = element(tag(CALDAV, "comp"))
        component.set("name", "VEVENT")
        return element(name, children=[component])
    if name == tag(CALDAV, "calendar-description"):
        return element(name, "Your calls, meetings, tasks and follow-ups in ContactDesk")
    if name == tag(CALDAV, "max-resource-size"):
        return element(name, str(collections.MAX_ITEM_BYTES))
    return None


def _item_property(name: str, collection: str, item: Item) -> ET.Element | None:
    if name == tag(DAV, "getetag"):
        return element(name, item.etag)
    if name == tag(DAV, "getcontenttype"):
        return element(name, ITEM_TYPES[collection] + "; charset=utf-8")
    if name == tag(DAV, "getcontentlength"):
        return element(name, str(len(item.text.encode())))
    if name == tag(CARDDAV, "address-data") and collection == CONTACTS:
        return element(name, item.text)
    if name == tag(CALDAV, "calendar-data") and collection == ACTIVITIES:
        return element(name, item.text)
    return None


# -- paths ------------------------------------------------------------------------


def _target(path: str) -> Target:
    """What a request path names; NotFound for anything else, 400 for a path that is not text."""
    if len(path) > MAX_PATH or "\x00" in path:
        raise DavBadRequest("the path is too long or not text")
    if path.startswith(PREFIX):
        path = path[len(PREFIX) :]
    parts = [_segment(part) for part in path.strip("/").split("/") if part]
    if not parts:
        return Target("root")
    username = parts[0]
    if len(parts) == 1:
        return Target("home", username)
    collection = parts[1]
    if collection not in collections.COLLECTIONS:
        raise NotFound(f"no collection {collection!r}: there are contacts/ and activities/")
    if len(parts) == 2:
        return Target("collection", username, collection)
    if len(parts) == 3:
        return Target("item", username, collection, _record_id(parts[2], collection))
    raise NotFound("no such item")


def _raw_path(request: Request) -> str:
    """The path as sent, still percent-encoded (``scope["path"]`` is decoded already)."""
    raw = request.scope.get("raw_path")
    if not isinstance(raw, bytes):
        return quote(request.url.path)
    try:
        return raw.decode("ascii").split("?", 1)[0]
    except UnicodeDecodeError as error:
        raise DavBadRequest("the path is not percent-encoded ASCII") from error


def _segment(part: str) -> str:
    try:
        text = unquote(part, errors="strict")
    except UnicodeDecodeError as error:
        raise DavBadRequest("the path is not UTF-8") from error
    if "\x00" in text:
        raise DavBadRequest("the path is not text")
    return text


def _record_id(name: str, collection: str) -> uuid.UUID:
    extension = collections.EXTENSIONS[collection]
    if not name.endswith(extension):
        raise NotFound(f"items of {collection}/ are named ID{extension}")
    try:
        return uuid.UUID(name[: -len(extension)])
    except ValueError:
        raise NotFound(f"items of {collection}/ are named ID{extension}") from None


def _member_of(href: str, collection: Target) -> uuid.UUID | None:
    """The record a multiget href names, if it is an item of ``collection``."""
    try:
        target = _target(urlsplit(href).path)
    except (ContactDeskError, DavBadRequest):
        return None
    if (
        target.kind != "item"
        or target.username != collection.username
        or target.collection != collection.collection
    ):
        return None
    return target.record_id


def _href(target: Target) -> str:
    if target.kind == "root":
        return f"{PREFIX}/"
    home = f"{PREFIX}/{quote(target.username, safe='')}/"
    if target.kind == "home":
        return home
    if target.kind == "collection":
        return f"{home}{target.collection}/"
    extension = collections.EXTENSIONS[target.collection]
    return f"{home}{target.collection}/{target.record_id}{extension}"


def _base_version(if_match: str | None) -> int | bool | None:
    """The version an If-Match names: None for none or ``*``, False for a foreign ETag."""
    if if_match is None or if_match.strip() == "*":
        return None
    match = ETAG.match(if_match.strip().split(",")[0].strip())
    if match is None:
        return False
    return int(match.group(1))


def _in_range(item: Item, report: Report) -> bool:
    if item.starts_at is None or (report.starts is None and report.ends is None):
        return True
    ends = item.ends_at or item.starts_at
    if report.starts is not None and ends <= report.starts:
        return False
    return not (report.ends is not None and item.starts_at >= report.ends)


# -- answers ----------------------------------------------------------------------


def _multistatus(root: ET.Element) -> Response:
    return Response(serialise(root), 207, media_type=XML_TYPE)


def _text(status: int, text: str) -> Response:
    return Response(text, status, media_type="text/plain; charset=utf-8")


_STATUS: list[tuple[type[ContactDeskError], int]] = [
    (ValidationError, 422),
    (AccessDenied, 403),
    (NotFound, 404),
    (Conflict, 409),
    (Unauthenticated, 401),
    (RateLimited, 429),
]


def _error_response(error: ContactDeskError) -> Response:
    cause = error.cause if isinstance(error, RefusedChange) else error
    status = next((code for kind, code in _STATUS if isinstance(cause, kind)), 400)
    response = _text(status, str(error) + "\n")
    if isinstance(cause, Unauthenticated):
        response.headers["WWW-Authenticate"] = f'Basic realm="{REALM}", charset="UTF-8"'
    if isinstance(cause, RateLimited):
        response.headers["Retry-After"] = str(cause.retry_after)
    return response


def well_known(_request: Request) -> Response:
    """``/.well-known/carddav`` and ``/.well-known/caldav``: where the service is (RFC 6764)."""
    return RedirectResponse(f"{PREFIX}/", status_code=301)
