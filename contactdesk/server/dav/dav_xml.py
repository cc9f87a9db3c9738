"""WebDAV XML: reading PROPFIND and REPORT bodies, writing multistatus answers.

Only what CardDAV (RFC 6352), CalDAV (RFC 4791) and collection sync (RFC
6578) clients send is read; anything else is a ``DavBadRequest`` (400).
ElementTree resolves no external entities, and bodies are size-limited
before they get here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from xml.etree import ElementTree as ET

DAV = "DAV:"
CARDDAV = "urn:ietf:params:xml:ns:carddav"
CALDAV = "urn:ietf:params:xml:ns:caldav"
CALENDARSERVER = "http://calendarserver.org/ns/"
APPLE = "http://apple.com/ns/ical/"

for _prefix, _uri in (
    ("d", DAV),
    ("card", CARDDAV),
    ("cal", CALDAV),
    ("cs", CALENDARSERVER),
    ("ical", APPLE),
):
    ET.register_namespace(_prefix, _uri)

# Hrefs a multiget may name, and properties a request may ask for: more is not a phone.
MAX_HREFS = 10_000
MAX_PROPS = 100


def tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


class DavBadRequest(ValueError):
    """A DAV body this server cannot read (answered 400)."""


@dataclass
class PropRequest:
    """What a PROPFIND or REPORT asks for: named properties, or all of them."""

    names: list[str] = field(default_factory=list)
    all_props: bool = False
    # The vCard version an address-data element asks for (3.0 unless it says 4.0).
    vcard_version: str = "3.0"


@dataclass
class Report:
    """A REPORT body: its kind and what it names."""

    kind: str  # "multiget", "query" or "sync"
    props: PropRequest
    hrefs: list[str] = field(default_factory=list)
    sync_token: str = ""
    limit: int | None = None
    # calendar-query's time range (UTC), when it gives one.
    starts: datetime | None = None
    ends: datetime | None = None


def parse_xml(body: bytes) -> ET.Element | None:
    if not body.strip():
        return None
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
        raise DavBadRequest("document type declarations are not accepted")
    try:
        return ET.fromstring(body)
    except ET.ParseError as error:
        raise DavBadRequest(f"the body is not well-formed XML: {error}") from error


def propfind_request(body: bytes) -> PropRequest:
    """The properties a PROPFIND asks for (an empty body or allprop: all)."""
    root = parse_xml(body)
    if root is None:
        return PropRequest(all_props=True)
    if root.tag != tag(DAV, "propfind"):
        raise DavBadRequest("a PROPFIND body is a DAV:propfind element")
    if root.find(tag(DAV, "allprop")) is not None or root.find(tag(DAV, "propname")) is not None:
        return PropRequest(all_props=True)
    return _props(root)


def report_request(body: bytes) -> Report:
    """A REPORT body: addressbook-/calendar-multiget, -query, or sync-collection."""
    root = parse_xml(body)
    if root is None:
        raise DavBadRequest("a REPORT needs a body")
    props = _props(root)
    if root.tag in (tag(CARDDAV, "addressbook-multiget"), tag(CALDAV, "calendar-multiget")):
        hrefs = [(href.text or "").strip() for href in root.iter(tag(DAV, "href"))]
        if len(hrefs) > MAX_HREFS:
            raise DavBadRequest(f"at most {MAX_HREFS} hrefs in one multiget")
        return Report("multiget", props, hrefs=hrefs)
    if root.tag in (tag(CARDDAV, "addressbook-query"), tag(CALDAV, "calendar-query")):
        report = Report("query", props)
        time_range = root.find(f".//{tag(CALDAV, 'time-range')}")
        if time_range is not None:
            report.starts = _ical_time(time_range.get("start"))
            report.ends = _ical_time(time_range.get("end"))
        return report
    if root.tag == tag(DAV, "sync-collection"):
        token = root.find(tag(DAV, "sync-token"))
        report = Report(
            "sync", props, sync_token=(token.text or "").strip() if token is not None else ""
        )
        limit = root.find(f"{tag(DAV, 'limit')}/{tag(DAV, 'nresults')}")
        if limit is not None:
            try:
                report.limit = max(1, int((limit.text or "").strip()))
            except ValueError as error:
                raise DavBadRequest("DAV:nresults must be a number") from error
        return report
    raise DavBadRequest(f"unsupported report {root.tag}")


def _props(root: ET.Element) -> PropRequest:
    prop = root.find(tag(DAV, "prop"))
    names = [child.tag for child in prop] if prop is not None else []
    if len(names) > MAX_PROPS:
        raise DavBadRequest(f"at most {MAX_PROPS} properties in one request")
    address_data = root.find(f".//{tag(CARDDAV, 'address-data')}")
    version = address_data.get("version", "3.0") if address_data is not None else "3.0"
    return PropRequest(
        names=[str(name) for name in names], vcard_version="4.0" if version == "4.0" else "3.0"
    )


def _ical_time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return datetime.strptime(text.strip(), "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError as error:
        raise DavBadRequest(f"time-range times are like 20261202T000000Z, not {text!r}") from error


# -- answers ----------------------------------------------------------------------


def multistatus() -> ET.Element:
    return ET.Element(tag(DAV, "multistatus"))


def add_response(
    parent: ET.Element,
    href: str,
    found: list[ET.Element],
    missing: list[str],
) -> None:
    """One DAV:response: the found properties (200) and the missing ones (404)."""
    response = ET.SubElement(parent, tag(DAV, "response"))
    ET.SubElement(response, tag(DAV, "href")).text = href
    for elements, status in (
        (found, "200 OK"),
        ([ET.Element(n) for n in missing], "404 Not Found"),
    ):
        if not elements:
            continue
        propstat = ET.SubElement(response, tag(DAV, "propstat"))
        prop = ET.SubElement(propstat, tag(DAV, "prop"))
        prop.extend(elements)
        ET.SubElement(propstat, tag(DAV, "status")).text = f"HTTP/1.1 {status}"
    if not found and not missing:
        propstat = ET.SubElement(response, tag(DAV, "propstat"))
        ET.SubElement(propstat, tag(DAV, "prop"))
        ET.SubElement(propstat, tag(DAV, "status")).text = "HTTP/1.1 200 OK"


def add_gone(parent: ET.Element, href: str) -> None:
    """A sync-collection member that was removed: its href with 404."""
    response = ET.SubElement(parent, tag(DAV, "response"))
    ET.SubElement(response, tag(DAV, "href")).text = href
    ET.SubElement(response, tag(DAV, "status")).text = "HTTP/1.1 404 Not Found"


def element(
    name: str, text: str | None = None, children: list[ET.Element] | None = None
) -> ET.Element:
    node = ET.Element(name)
    if text is not None:
        node.text = text
    for child in children or []:
        node.append(child)
    return node


def href_element(name: str, href: str) -> ET.Element:
    return element(name, children=[element(tag(DAV, "href"), href)])


def error_body(precondition: str, message: str) -> bytes:
    """A DAV:error body naming a failed precondition (RFC 4918 section 16)."""
    root = ET.Element(tag(DAV, "error"))
    ET.SubElement(root, precondition)
    ET.SubElement(root, tag(CALENDARSERVER, "message")).text = message  # read by people
    return serialise(root)


def serialise(root: ET.Element) -> bytes:
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return text
