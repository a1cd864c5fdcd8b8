"""The drop: plain, untrusted storage that batches and packages travel through when online.

Batches are encrypted to the organisation and signed by the volunteer, packages are signed by
the organisation (an assignment's body is encrypted to one volunteer), so the drop only has to
carry bytes. Two kinds: a WebDAV folder (Nextcloud, ownCloud or any WebDAV server, over HTTPS)
and a local folder (kept by a sync client such as OneDrive or Nextcloud desktop, or a network
share). Both offer the same few operations, so the outbox and the coordinator's fetch do not
care which one they talk to.

Layout (folder names are Dutch because coordinators see them; file names hold key ids and
sequence numbers, never personal data)::

    naar-coordinator/<key-id>/signalen-<key-id>-<volgnummer>.zip   batches from volunteers
    verwerkt/<key-id>/...                                         imported by the coordinator
    geweigerd/<key-id>/<bestand> and <bestand>.reden.txt          refused, with the reason
    naar-vrijwilliger/<key-id>/<pakket>.hbp                       packages for one volunteer

A file is written as ``<name>.part`` and renamed when complete, so nobody reads half a file;
after writing, the bytes are read back and compared (size and every byte) before the sender
counts it as delivered.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import http.client
import io
import ipaddress
import os
import ssl
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol
from urllib.parse import quote, unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field

from huisbezoek.errors import UserError
from huisbezoek.fsutil import atomic_write
from huisbezoek.safe_read import FileRefusedError, read_bounded

TO_COORDINATOR = "naar-coordinator"
DONE = "verwerkt"
REFUSED = "geweigerd"
TO_VOLUNTEER = "naar-vrijwilliger"
PART_SUFFIX = ".part"
REASON_SUFFIX = ".reden.txt"
# What the drop may hand back: a batch or package is at most this size (both formats cap
# below it); a listing is capped in entries. Anything larger is junk, not read to the end.
MAX_DROP_FILE_BYTES = 64 * 1024 * 1024
MAX_LISTING = 10_000
# PROPFIND asking only for what a listing uses.
_PROPFIND_TYPE_AND_SIZE = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getcontentlength/></d:prop>'
    "</d:propfind>"
)
TIMEOUT_SECONDS = 30.0


# -- errors -----------------------------------------------------------------------------------


class DropError(UserError):
    message_nl = (
        "Versturen via de uitwisselmap lukte niet. Er is niets verloren gegaan; het wordt later "
        "opnieuw geprobeerd."
    )


class DropOfflineError(DropError):
    message_nl = (
        "Er is nu geen verbinding met de uitwisselmap van de organisatie (geen internet?). "
        "Er is niets verloren gegaan. Zodra er internet is, wordt het opnieuw geprobeerd."
    )


class DropLoginError(DropError):
    message_nl = (
        "De uitwisselmap weigert de gebruikersnaam of het wachtwoord. Controleer ze bij "
        "Instellingen, onder 'Verbinding met de organisatie'. Er is niets verloren gegaan."
    )


class DropFullError(DropError):
    message_nl = (
        "De uitwisselmap van de organisatie is vol. Er is niets verloren gegaan. Vraag de "
        "coördinator om ruimte te maken; daarna wordt het opnieuw geprobeerd."
    )


class DropCertificateError(DropError):
    message_nl = (
        "Het beveiligingscertificaat van de uitwisselmap klopt niet. Uit voorzorg is niets "
        "verstuurd. Neem contact op met de coördinator."
    )


class DropJunkError(DropError):
    message_nl = (
        "De uitwisselmap gaf een onverwacht antwoord. Er is niets verloren gegaan en niets "
        "ingelezen. Probeer het later nog eens, of neem contact op met de coördinator."
    )


class DropGoneError(DropJunkError):
    """The file is no longer there (another coordinator filed it first)."""


class DropTooLargeError(DropJunkError):
    """The file is larger than anything that belongs in the drop."""


class DropSetupError(DropError):
    message_nl = (
        "De uitwisselmap is niet goed ingesteld. Alleen een beveiligd adres (https://) of een "
        "map op deze computer kan. Neem contact op met de coördinator."
    )


# -- settings ---------------------------------------------------------------------------------


class DropSettings(BaseModel):
    """Where the organisation's drop is; part of the configuration package, so no secrets.

    ``webdav``: ``url`` is the WebDAV folder (for Nextcloud the folder's WebDAV address).
    ``folder``: each person picks the local folder their sync client keeps; ``url`` is empty.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["webdav", "folder"]
    url: str = Field(default="", max_length=2000)


@dataclass(frozen=True, slots=True)
class Credentials:
    username: str
    password: str  # a Nextcloud app password; kept only inside the encrypted vault


@dataclass(frozen=True, slots=True)
class DropEntry:
    name: str
    size: int


class Drop(Protocol):
    """The operations a drop offers; paths are relative, with ``/`` between parts."""

    # Each operation is a round trip over the network (a fetch then files batches away while
    # it imports more, rather than after one commit at the end).
    remote: bool

    def ensure_folder(self, path: str) -> None: ...

    def write(self, path: str, data: bytes) -> None: ...

    def read(self, path: str, limit: int = MAX_DROP_FILE_BYTES) -> bytes: ...

    def files(self, folder: str) -> list[DropEntry]: ...

    def folders(self, folder: str) -> list[str]: ...

    def move(self, src: str, dst: str) -> bool: ...

    def delete(self, path: str) -> None: ...


def deliver(drop: Drop, folder: str, name: str, data: bytes) -> None:
    """Write ``data`` as ``folder/name`` so it appears whole or not at all, then read it back.

    Raises :class:`DropJunkError` when what the drop holds afterwards is not what was sent
    (size or hash differ), so the sender keeps the file and tries again later.
    """
    drop.ensure_folder(folder)
    part = f"{folder}/{name}{PART_SUFFIX}"
    final = f"{folder}/{name}"
    drop.write(part, data)
    if not drop.move(part, final):
        raise DropJunkError("part file vanished before the rename")
    if drop.read(final, limit=len(data) + 1) != data:  # size and every byte
        raise DropJunkError("read-back differs from what was sent")


def check_url(url: str) -> str:
    """An HTTPS address, or plain HTTP to this machine only (tests); anything else refused."""
    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and _loopback(host):
        return url.strip().rstrip("/")
    raise DropSetupError(f"refused drop url scheme {parts.scheme!r}")


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def open_drop(
    settings: DropSettings, *, credentials: Credentials | None, folder: Path | None
) -> Drop:
    """The drop these settings describe (``folder``: the local folder a person picked)."""
    if settings.kind == "webdav":
        if credentials is None:
            raise DropLoginError("no credentials stored")
        return WebDavDrop(settings.url, credentials)
    if folder is None:
        raise DropSetupError("no local folder chosen")
    return FolderDrop(folder)


# -- a local folder ---------------------------------------------------------------------------


class FolderDrop:
    """A folder on this computer, often one a sync client keeps in step with a server."""

    remote = False

    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    def _path(self, path: str) -> Path:
        parts = [p for p in path.split("/") if p]
        if any(p in {".", ".."} or "\\" in p or "\0" in p for p in parts):
            raise DropJunkError("path leaves the drop")
        return self.root.joinpath(*parts)

    def _check_root(self) -> None:
        if not self.root.is_dir():
            raise DropOfflineError("drop folder not reachable")

    def ensure_folder(self, path: str) -> None:
        self._check_root()
        try:
            self._path(path).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _folder_error(exc) from exc

    def write(self, path: str, data: bytes) -> None:
        self._check_root()
        try:
            atomic_write(self._path(path), data, mode=0o600)
        except UserError as exc:  # disk full
            raise DropFullError(exc.log_message) from exc
        except OSError as exc:
            raise _folder_error(exc) from exc

    def read(self, path: str, limit: int = MAX_DROP_FILE_BYTES) -> bytes:
        target = self._path(path)
        try:
            return read_bounded(target, limit)  # regular files only; never blocks on a pipe
        except FileRefusedError as exc:
            if exc.too_large:
                raise DropTooLargeError(exc.log_message) from None
            if not os.path.lexists(target):
                self._check_root()  # the whole folder gone is "offline", not "gone"
                raise DropGoneError("file vanished") from None
            raise DropJunkError(exc.log_message) from None

    def files(self, folder: str) -> list[DropEntry]:
        target = self._path(folder)
        out: list[DropEntry] = []
        try:
            with os.scandir(target) as it:
                for entry in it:
                    if entry.is_file(follow_symlinks=False):
                        out.append(DropEntry(entry.name, entry.stat(follow_symlinks=False).st_size))
                    if len(out) >= MAX_LISTING:
                        break
        except FileNotFoundError:
            self._check_root()
            return []
        except OSError as exc:
            raise _folder_error(exc) from exc
        return sorted(out, key=lambda e: e.name)

    def folders(self, folder: str) -> list[str]:
        target = self._path(folder)
        try:
            with os.scandir(target) as it:
                names = [e.name for e in it if e.is_dir(follow_symlinks=False)]
        except FileNotFoundError:
            self._check_root()
            return []
        except OSError as exc:
            raise _folder_error(exc) from exc
        return sorted(names)[:MAX_LISTING]

    def move(self, src: str, dst: str) -> bool:
        source, target = self._path(src), self._path(dst)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            source.replace(target)
        except FileNotFoundError:
            return False  # someone else moved it first
        except OSError as exc:
            raise _folder_error(exc) from exc
        return True

    def delete(self, path: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(path).unlink()


def _folder_error(exc: OSError) -> DropError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return DropFullError("drop folder full")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return DropLoginError("no permission in drop folder")
    return DropOfflineError(f"drop folder error {exc.errno}")


# -- WebDAV -----------------------------------------------------------------------------------


class _RawHttp:
    """GET and MOVE, the two requests a fetch makes for each batch, on the standard library's
    ``http.client`` with a few kept-alive connections. Through webdav4 and httpx each request
    cost this process about 0.7 ms (URL parsing, the cookie jar, hooks), on httpcore 0.25 ms,
    on ``http.client`` 0.11 ms; that process also imports, so this is what keeps fetching from a
    WebDAV drop close to fetching from a local folder (``benchmarks/bench_exchange.py``).
    Listing, folders and uploads stay on webdav4. TLS as httpx sets it up
    (``httpx.create_ssl_context``: certificates and host names verified); an HTTPS proxy from
    the environment is used through CONNECT."""

    def __init__(
        self,
        url: str,
        credentials: Credentials,
        *,
        verify: ssl.SSLContext | str | bool,
        timeout: float,
    ) -> None:
        import base64
        import urllib.request

        import httpx

        parts = urlsplit(url)
        self._https = parts.scheme == "https"
        self._host = parts.hostname or ""
        self._port = parts.port or (443 if self._https else 80)
        self._origin = f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"
        self._prefix = parts.path.rstrip("/")
        login = base64.b64encode(f"{credentials.username}:{credentials.password}".encode())
        self._headers = {"Authorization": "Basic " + login.decode(), "User-Agent": "huisbezoek"}
        self._timeout = timeout
        self._context = httpx.create_ssl_context(verify=verify) if self._https else None
        proxy = urllib.request.getproxies().get("https") if self._https else None
        self._proxy = None
        if proxy and not urllib.request.proxy_bypass(self._host) and not _loopback(self._host):
            self._proxy = urlsplit(proxy if "://" in proxy else f"http://{proxy}")
        self._idle: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def _url(self, path: str) -> str:
        return f"{self._origin}{self._target(path)}"

    def _target(self, path: str) -> str:
        return f"{self._prefix}/{quote(path.strip('/'), safe='/')}"

    def _new_connection(self) -> http.client.HTTPConnection:
        if not self._https:
            return http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
        if self._proxy is None:
            return http.client.HTTPSConnection(
                self._host, self._port, timeout=self._timeout, context=self._context
            )
        connection = http.client.HTTPSConnection(
            self._proxy.hostname or "", self._proxy.port or 8080, timeout=self._timeout,
            context=self._context,
        )  # fmt: skip
        connection.set_tunnel(self._host, self._port)
        return connection

    def _request(
        self, method: str, path: str, headers: dict[str, str], limit: int
    ) -> tuple[int, bytes]:
        """One request; a kept-alive connection the server closed meanwhile is replaced once."""
        for attempt in (1, 2):
            with self._lock:
                connection = self._idle.pop() if self._idle else None
            reused = connection is not None
            connection = connection or self._new_connection()
            try:
                connection.request(method, self._target(path), headers={**self._headers, **headers})
                response = connection.getresponse()
                body = response.read(limit + 1)
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                connection.close()
                if reused and attempt == 1:
                    continue
                raise DropOfflineError("connection closed") from None
            except (ssl.SSLError, ssl.CertificateError) as exc:
                connection.close()
                raise DropCertificateError(type(exc).__name__) from None
            except OSError as exc:  # refused, unreachable, timed out
                connection.close()
                raise DropOfflineError(type(exc).__name__) from None
            except http.client.HTTPException as exc:
                connection.close()
                raise DropJunkError(type(exc).__name__) from None
            if len(body) > limit:
                connection.close()
                raise DropTooLargeError("response over the limit")
            if response.will_close:
                connection.close()
            else:
                with self._lock:
                    self._idle.append(connection)
            return response.status, body
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for connection in idle:
            connection.close()

    def get(self, path: str, limit: int) -> bytes:
        status, body = self._request("GET", path, {}, limit)
        if status == 404:
            raise DropGoneError("file vanished")
        if status >= 400:
            raise _status_error(status)
        if status != 200:
            raise DropJunkError(f"server answered {status}")
        return body

    def move(self, src: str, dst: str) -> bool:
        """False when ``src`` is not there (another fetch filed it first)."""
        headers = {"Destination": self._url(dst), "Overwrite": "T"}
        status, _body = self._request("MOVE", src, headers, 64 * 1024)
        if status == 404:
            return False
        if status >= 400:
            raise _status_error(status)
        return True


class WebDavDrop:
    """A WebDAV folder over HTTPS through webdav4 (httpx underneath); certificates verified."""

    remote = True

    def __init__(
        self,
        url: str,
        credentials: Credentials,
        *,
        verify: ssl.SSLContext | str | bool = True,
        timeout: float = TIMEOUT_SECONDS,
    ) -> None:
        from webdav4.client import Client  # imported on first use: start-up stays quick

        self.url = check_url(url)
        self._client = Client(
            self.url + "/",
            auth=(credentials.username, credentials.password),
            retry=False,  # the outbox retries later; a hung retry loop helps nobody
            timeout=timeout,
            verify=verify,
        )
        self._made: set[str] = set()
        self._made_lock = threading.Lock()
        self._raw = _RawHttp(self.url, credentials, verify=verify, timeout=timeout)

    def close(self) -> None:
        self._client.http.close()
        self._raw.close()

    def ensure_folder(self, path: str) -> None:
        if path.strip("/") in self._made:  # made before (the set only grows)
            return
        with self._made_lock:  # one MKCOL per folder, also when threads share this drop
            self._ensure_folder(path)

    def _ensure_folder(self, path: str) -> None:
        built = ""
        for part in [p for p in path.split("/") if p]:
            built = f"{built}/{part}" if built else part
            if built in self._made:
                continue
            from webdav4.client import ResourceAlreadyExists

            with contextlib.suppress(ResourceAlreadyExists):
                _call_webdav(functools.partial(self._client.mkdir, built))
            self._made.add(built)

    def write(self, path: str, data: bytes) -> None:
        _call_webdav(
            lambda: self._client.upload_fileobj(
                io.BytesIO(data), path, overwrite=True, size=len(data)
            )
        )

    def read(self, path: str, limit: int = MAX_DROP_FILE_BYTES) -> bytes:
        # One GET, bounded (webdav4's own download asks PROPFIND first).
        return self._raw.get(path, limit)

    def _ls(self, folder: str) -> list[tuple[str, str | None, int | None]]:
        """(name, "file" or "directory", size) of what is in ``folder``: one PROPFIND that
        asks only for the type and size (not every property; a server works out dates, etags
        and locks for each file otherwise, and webdav4 parses them)."""
        from webdav4.client import ResourceNotFound

        try:
            result = _call_webdav(
                lambda: self._client.propfind(
                    folder, data=_PROPFIND_TYPE_AND_SIZE, headers={"Depth": "1"}
                )
            )
        except ResourceNotFound:
            return []
        responses = getattr(result, "responses", None)
        if not isinstance(responses, dict):
            raise DropJunkError("listing is not a multistatus")
        own = self._client.join_url(folder).path.rstrip("/")
        out = []
        for response in list(responses.values())[: MAX_LISTING + 1]:
            path = str(getattr(response, "path", "")).rstrip("/")
            if not path or path == own:
                continue  # the folder itself
            props = response.properties
            name = unquote(path.rsplit("/", 1)[-1])
            out.append((name, props.resource_type, props.content_length))
        return out[:MAX_LISTING]

    def folders(self, folder: str) -> list[str]:
        return sorted(name for name, kind, _size in self._ls(folder) if kind == "directory")

    def files(self, folder: str) -> list[DropEntry]:
        out: list[DropEntry] = []
        for name, kind, size in self._ls(folder):
            if kind != "file":
                continue
            if not isinstance(size, int):
                raise DropJunkError("listing without a size")
            out.append(DropEntry(name, size))
        return sorted(out, key=lambda e: e.name)

    def move(self, src: str, dst: str) -> bool:
        self.ensure_folder(dst.rsplit("/", 1)[0] if "/" in dst else "")
        return self._raw.move(src, dst)

    def delete(self, path: str) -> None:
        from webdav4.client import ResourceNotFound

        with contextlib.suppress(ResourceNotFound):
            _call_webdav(lambda: self._client.remove(path))


def _call_webdav(fn: Callable[[], Any]) -> Any:
    """Run one WebDAV call; map what can go wrong to a Dutch :class:`DropError`."""
    import httpx
    from webdav4.client import (
        ClientError,
        ForbiddenOperation,
        HTTPError,
        InsufficientStorage,
        ResourceAlreadyExists,
        ResourceNotFound,
    )

    try:
        return fn()
    except (ResourceNotFound, ResourceAlreadyExists, DropError):
        raise
    except InsufficientStorage as exc:
        raise DropFullError("server answered 507") from exc
    except ForbiddenOperation as exc:
        raise DropLoginError("server answered 403") from exc
    except HTTPError as exc:
        raise _status_error(exc.status_code) from exc
    except httpx.HTTPStatusError as exc:
        raise _status_error(exc.response.status_code) from exc
    except httpx.ConnectError as exc:
        if _is_certificate_problem(exc):
            raise DropCertificateError("certificate verification failed") from exc
        raise DropOfflineError("cannot connect") from exc
    except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
        raise DropOfflineError(type(exc).__name__) from exc
    except ClientError as exc:
        raise DropJunkError(type(exc).__name__) from exc
    except (ValueError, KeyError, TypeError) as exc:  # an answer webdav4 could not parse
        raise DropJunkError(type(exc).__name__) from exc


def _status_error(code: int) -> Exception:
    from webdav4.client import ResourceNotFound

    not_found: Exception = ResourceNotFound("")

    if code in (401, 403):
        return DropLoginError(f"server answered {code}")
    if code == 507:
        return DropFullError("server answered 507")
    if code == 404:
        return not_found
    if code >= 500:
        return DropOfflineError(f"server answered {code}")
    return DropJunkError(f"server answered {code}")


def _is_certificate_problem(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return "CERTIFICATE_VERIFY_FAILED" in str(exc)
