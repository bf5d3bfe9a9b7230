"""Nested resources in Google mode: entries of a list inside another object (`nested_query`).

A nested resource has no object of its own. Its entries live in a *container*: the
document its read URL answers, keyed by that URL (path and the template's query). Where
a served resource answers the same URL (the parent: a backend service holding its signed
URL key names), a read of it is the parent's object with the containers' lists laid over
it at their keys, and writes need the parent to exist; elsewhere (a `.../assignments`
list) the container stands alone and answers `{}` while empty.

- create (`create_verb` at the create URL): the entry is the checked body with server
  values (with `is_list_of_ids`: the identity value alone), added to the list at `keys`;
  `409 ALREADY_EXISTS` when an entry has its identity. When the read URL names the entry
  (`getNamedSet?namedSet={name}`), the container holds it alone, as an object at `keys`.
- update / delete at their URLs: the entry with the identity the URL (else the body)
  names; `404 NOT_FOUND` when there is none. Updates honour `updateMask` as objects do.
- `modify_by_patch`: a write whose body holds the first key sets the whole list at
  `keys` to the body's (each entry checked); create, update and delete are all that.
- async resources answer an Operation; a failed one puts the container back as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, Protocol

from ..model.nodes import NestedQuery
from .computed import ValueSource, fill
from .google_routes import CREATE, DELETE, READ, UPDATE, Endpoint, GoogleRoute, find_google
from .replies import Reply, google_error, google_field_errors, utc_now
from .routes import Route
from .shapes import Checker, FieldError, merge_patch, strip_write_only

Doc = dict[str, Any]


class Service(Protocol):
    """What the store needs of the GoogleService it belongs to."""

    records: dict[str, Any]

    def rid(self, groute: GoogleRoute, values: dict[str, str], body: Doc) -> str | None: ...

    def view(self, rec: Any) -> Doc: ...

    def checker(self, route: Route, **kwargs: Any) -> Checker: ...

    def update_mask(
        self, query: dict[str, list[str]], groute: GoogleRoute, method: str, path: str
    ) -> list[str] | None: ...

    def masked(self, stored: Doc, patch: Doc, mask: list[str]) -> Any: ...

    def nested_operation(
        self, kind: str, key: str, undo: Callable[[], None], method: str, path: str
    ) -> Reply: ...


@dataclass
class NestedRoute:
    groute: GoogleRoute
    nq: NestedQuery
    read: Endpoint
    # (property name, API path) of each identity argument.
    identity: list[tuple[str, tuple[str, ...]]]
    single: bool  # the read URL names the entry: the container holds it alone

    @property
    def terraform_name(self) -> str:
        return self.groute.route.terraform_name


def nested_routes(routes: list[GoogleRoute]) -> list[NestedRoute]:
    out = []
    for g in routes:
        nq = g.resource.rest.nested_query
        if nq is None:
            continue
        read = next(e for e in g.endpoints if e.action == READ)
        props = {p.name: p for p in g.resource.properties}
        identity = [(n, tuple(props[n].api_name.split("."))) for n in nq.identity if n in props]
        placeholders = set(read.pattern.groupindex) | {v.strip("{}") for v in read.query.values()}
        single = all(n in placeholders for n, _ in identity)
        out.append(NestedRoute(g, nq, read, identity, single))
    return out


def _get(obj: Any, path: tuple[str, ...]) -> Any:
    for key in path:
        obj = obj.get(key) if isinstance(obj, dict) else None
    return obj


def _put(obj: Doc, path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        nxt = obj.get(key)
        if not isinstance(nxt, dict):
            nxt = obj[key] = {}
        obj = nxt
    obj[path[-1]] = value


def _same(found: Any, expected: Any) -> bool:
    if found is None or expected is None:
        return found in (None, "") and expected in (None, "")
    a, b = str(found), str(expected)
    return a == b or a.endswith("/" + b) or b.endswith("/" + a)


def _overlay(base: Any, doc: Doc) -> Doc:
    out: Doc = deepcopy(base) if isinstance(base, dict) else {}
    for key, value in doc.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _overlay(out[key], value)
        else:
            out[key] = deepcopy(value)
    return out


class NestedStore:
    """The containers of every nested resource a GoogleService serves."""

    def __init__(self, service: Service, routes: list[GoogleRoute]) -> None:
        self.service = service
        self.routes = nested_routes(routes)
        self.plain = [g for g in routes if g.resource.rest.nested_query is None]
        self.containers: dict[str, Doc] = {}
        self.owners: dict[tuple[str, tuple[str, ...]], NestedRoute] = {}

    def reset(self) -> None:
        self.containers.clear()
        self.owners.clear()

    # ------------------------------------------------------------------ addressing

    def _key(self, nr: NestedRoute, values: dict[str, str]) -> tuple[str, str] | None:
        """(container key, its path) from placeholder values; None when one is missing."""
        template = nr.groute.resource.rest.id_template.partition("?")[0]
        filled = template
        for name in nr.read.pattern.groupindex:
            if name not in values:
                return None
            filled = filled.replace("{" + name + "}", values[name])
        full = (nr.groute.base + filled.lstrip("/")).rstrip("/")
        query = []
        for param, value in sorted(nr.read.query.items()):
            name = value.strip("{}")
            if name not in values:
                return None
            query.append(f"{param}={values[name]}")
        return full.lower() + ("?" + "&".join(query) if query else ""), full

    def _parent(self, path: str) -> tuple[bool, Any]:
        """(whether a served resource answers `path`, its record or None)."""
        found = find_google(self.plain, "GET", path, {})
        if found is None:
            return False, None
        groute, endpoints = found
        read = [v for e, v in endpoints if e.action == READ]
        if not read:
            return False, None
        rid = self.service.rid(groute, read[0], {})
        return True, self.service.records.get((rid or "").lower())

    def view(self, key: str, path: str) -> Reply:
        owned, rec = self._parent(path)
        if owned and rec is None:
            return google_error(404, f"{path.strip('/')} not found")
        base = self.service.view(rec) if rec is not None else {}
        return Reply(200, _overlay(base, self.containers.get(key, {})))

    # ------------------------------------------------------------------ dispatch

    def handle(
        self, method: str, path: str, query: dict[str, list[str]], body: Any, bad_json: bool
    ) -> Reply | None:
        """The answer when a nested resource's URL and verb take the request, else None."""
        if method == "GET":
            for nr in self.routes:
                values = nr.read.values(path, query) if nr.read.verb == "GET" else None
                keyed = self._key(nr, values) if values is not None else None
                if keyed is not None:
                    reply = self.view(*keyed)
                    reply.resource_type = nr.terraform_name
                    return reply
            return None
        for nr in self.routes:
            taken = []
            for e in nr.groute.endpoints:
                values = e.values(path, query) if e.action != READ and e.verb == method else None
                if values is None:
                    continue
                if nr.nq.modify_by_patch and not (isinstance(body, dict) and nr.nq.keys[0] in body):
                    continue
                taken.append((e, values))
            if taken:
                reply = self._write(nr, taken, query, body, bad_json, method, path)
                reply.resource_type = nr.terraform_name
                return reply
        return None

    def _write(
        self,
        nr: NestedRoute,
        taken: list[tuple[Endpoint, dict[str, str]]],
        query: dict[str, list[str]],
        body: Any,
        bad_json: bool,
        method: str,
        path: str,
    ) -> Reply:
        endpoint, values = taken[0]
        if endpoint.missing_query(query):
            return google_error(
                400, f"the query parameter `{endpoint.missing_query(query)[0]}` is required"
            )
        if endpoint.action != DELETE or nr.nq.modify_by_patch:
            if bad_json or not isinstance(body, dict):
                what = "is not valid JSON" if bad_json else "must be a JSON object"
                return google_error(400, f"the request body {what}")
        body = body if isinstance(body, dict) else {}
        ident = self._identity(nr, values, body)
        keyed = self._key(nr, {**values, **{n: str(v) for n, v in ident.items() if v is not None}})
        if keyed is None:
            return google_error(400, f"{path} does not name a {nr.groute.route.type}")
        key, container = keyed
        owned, rec = self._parent(container)
        if owned and rec is None:
            return google_error(404, f"{container.strip('/')} not found")
        doc = self.containers.setdefault(key, {})
        undo = deepcopy(doc)
        self.owners[(key, nr.nq.keys)] = nr
        if nr.nq.modify_by_patch:
            reply = self._replace_list(nr, doc, body)
        else:
            actions = {e.action for e, _ in taken}
            action = endpoint.action
            if CREATE in actions and len(actions) > 1:
                action = UPDATE if self._index(nr, doc, ident) is not None else CREATE
            reply = self._entry_call(nr, action, doc, ident, body, query, method, path)
        if reply.status >= 400:
            return reply
        reply.applied = True
        if nr.groute.route.is_async:
            kind = endpoint.action

            def restore(d: Doc = doc, snapshot: Doc = undo) -> None:
                d.clear()
                d.update(snapshot)

            target = key.removeprefix(nr.groute.base.lower())
            return self.service.nested_operation(kind, target, restore, method, path)
        if reply.body is None:
            reply.body = _overlay({}, doc) if rec is None else self.view(key, container).body
        return reply

    # ------------------------------------------------------------------ entries

    def _identity(self, nr: NestedRoute, values: dict[str, str], body: Doc) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, api_path in nr.identity:
            out[name] = values[name] if name in values else _get(body, api_path)
        return out

    def _entries(self, nr: NestedRoute, doc: Doc) -> list[Any]:
        value = _get(doc, nr.nq.keys)
        if isinstance(value, dict):
            return [value]
        return value if isinstance(value, list) else []

    def _matches(self, nr: NestedRoute, entry: Any, ident: dict[str, Any]) -> bool:
        for name, api_path in nr.identity:
            found = entry if nr.nq.is_list_of_ids else _get(entry, api_path)
            if not _same(found, ident.get(name)):
                return False
        return True

    def _index(self, nr: NestedRoute, doc: Doc, ident: dict[str, Any]) -> int | None:
        for i, entry in enumerate(self._entries(nr, doc)):
            if self._matches(nr, entry, ident):
                return i
        return None

    def _store(self, nr: NestedRoute, doc: Doc, entries: list[Any]) -> None:
        if nr.single:
            if entries:
                _put(doc, nr.nq.keys, entries[0])
            else:
                doc.clear()
        else:
            _put(doc, nr.nq.keys, entries)

    def _served(self, nr: NestedRoute, cleaned: Doc, prior: Any, ident: dict[str, Any]) -> Any:
        if nr.nq.is_list_of_ids:
            return next(iter(ident.values()), None)
        shape = nr.groute.route.shape
        name = "-".join(str(v) for v in ident.values() if v is not None) or "entry"
        source = ValueSource.for_body(name, utc_now(), cleaned)
        return strip_write_only(shape, fill(shape, cleaned, prior, source))

    def _check(self, nr: NestedRoute, body: Any, partial: bool = False) -> tuple[Doc, Reply | None]:
        checker = self.service.checker(nr.groute.route, check_required=not partial)
        cleaned = checker.object(nr.groute.route.shape, body)
        if checker.errors:
            return cleaned, google_field_errors(checker.errors, nr.groute.route)
        return cleaned, None

    def _entry_call(
        self,
        nr: NestedRoute,
        action: str,
        doc: Doc,
        ident: dict[str, Any],
        body: Doc,
        query: dict[str, list[str]],
        method: str,
        path: str,
    ) -> Reply:
        entries = self._entries(nr, doc)
        index = self._index(nr, doc, ident)
        what = f"{nr.groute.route.type} {'/'.join(str(v) for v in ident.values())}"
        if action == CREATE:
            cleaned, bad = self._check(nr, body)
            if bad is not None:
                return bad
            if any(v is None for v in ident.values()):
                return google_error(400, f"the request names no `{nr.identity[0][0]}`")
            if index is not None:
                return google_error(409, f"{what} already exists")
            entry = self._served(nr, cleaned, None, ident)
            self._store(nr, doc, entries + [entry])
            return Reply(200, None if nr.nq.is_list_of_ids else deepcopy(entry))
        if index is None:
            return google_error(404, f"{what} not found")
        if action == DELETE:
            self._store(nr, doc, entries[:index] + entries[index + 1 :])
            return Reply(200, {})
        patch, bad = self._check(nr, body, partial=True)
        if bad is not None:
            return bad
        mask = self.service.update_mask(query, nr.groute, method, path)
        old = entries[index]
        merged = merge_patch(old, patch) if mask is None else self.service.masked(old, patch, mask)
        cleaned, bad = self._check(nr, merged)
        if bad is not None:
            return bad
        entries[index] = self._served(nr, cleaned, old, ident)
        self._store(nr, doc, entries)
        return Reply(200, deepcopy(entries[index]))

    def _replace_list(self, nr: NestedRoute, doc: Doc, body: Doc) -> Reply:
        """modify_by_patch: the body's list at the keys becomes the list."""
        given = _get(body, nr.nq.keys)
        items = given if isinstance(given, list) else [] if given is None else [given]
        old = self._entries(nr, doc)
        out = []
        errors: list[FieldError] = []
        for i, item in enumerate(items):
            if nr.nq.is_list_of_ids:
                if not isinstance(item, str):
                    errors.append(
                        FieldError(
                            f"{'.'.join(nr.nq.keys)}[{i}]",
                            "InvalidPropertyType",
                            "must be a string",
                        )
                    )
                out.append(item)
                continue
            cleaned, bad = self._check(nr, item)
            if bad is not None:
                return bad
            ident = {n: _get(cleaned, p) for n, p in nr.identity}
            prior = next((e for e in old if self._matches(nr, e, ident)), None)
            out.append(self._served(nr, cleaned, prior, ident))
        if errors:
            return google_field_errors(errors, nr.groute.route)
        self._store(nr, doc, out)
        return Reply(200, None)

    # ------------------------------------------------------------------ control API

    def laid_over(self, path: str, view: Doc) -> Doc:
        """A parent's object as a read of its URL answers it: its containers' lists laid over."""
        doc = self.containers.get(path.rstrip("/").lower())
        return _overlay(view, doc) if doc else view

    def drop_under(self, path: str) -> None:
        """A parent went away: so do the containers at and under its URL."""
        prefix = path.rstrip("/").lower()
        for key in [
            k
            for k in self.containers
            if k == prefix or k.startswith(prefix + "/") or k.startswith(prefix + "?")
        ]:
            del self.containers[key]

    def snapshot(self) -> list[dict[str, Any]]:
        out = []
        for (key, keys), nr in sorted(self.owners.items(), key=lambda kv: kv[0]):
            for entry in self._entries(nr, self.containers.get(key, {})):
                ident = (
                    entry
                    if nr.nq.is_list_of_ids
                    else "/".join(str(_get(entry, p)) for _, p in nr.identity)
                )
                rid = f"{key.removeprefix(nr.groute.base.lower())}#{'.'.join(keys)}/{ident}"
                out.append(
                    {
                        "id": rid,
                        "resource_type": nr.terraform_name,
                        "type": nr.groute.route.type,
                        "provisioning_state": "Succeeded",
                        "body": deepcopy(entry),
                        "response": deepcopy(entry),
                    }
                )
        return out

    def remove(self, rid: str) -> bool:
        """Delete one entry behind the client's back, by its snapshot id."""
        for item in self.snapshot():
            if item["id"].lower() != rid.lower():
                continue
            container, _, rest = item["id"].partition("#")
            for (key, keys), nr in self.owners.items():
                if (
                    key.removeprefix(nr.groute.base.lower()) == container
                    and ".".join(keys) == rest.split("/")[0]
                ):
                    doc = self.containers.get(key, {})
                    entries = [e for e in self._entries(nr, doc) if e != item["body"]]
                    self._store(nr, doc, entries)
                    return True
        return False
