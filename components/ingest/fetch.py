"""The guarded fetching client: one web page, every hop vetted, pinned, capped and timed.

:func:`fetch` follows redirects itself, re-vetting every hop with :mod:`components.ingest.urlguard`;
it connects to the vetted address itself (the socket goes to that IP, the original name goes in the
``Host`` header and, for https, in SNI and certificate checking), so a second DNS answer cannot
swap the address after the check, and it checks the peer address again; it streams the body under
one time budget and a size cap that also applies to the bytes after gzip/deflate decompression (a
compression bomb stops at the cap). Proxies from the environment are not used.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from email.message import Message
from urllib.parse import urljoin

from components.ingest import limits
from components.ingest.urlguard import (
    REDIRECT_STATUSES,
    USER_AGENT,
    FetchFailedError,
    FetchPolicy,
    FetchResult,
    NetError,
    ResponseTooLargeError,
    Target,
    UrlRefusedError,
    check_address,
    vet_url,
)

__all__ = ["FetchFailedError", "FetchPolicy", "FetchResult", "NetError", "ResponseTooLargeError", "UrlRefusedError",
           "fetch"]


def _open_socket(address: str, port: int, timeout: float) -> socket.socket:
    """Open a TCP connection to exactly this IP (no name resolution happens here)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.settimeout(timeout)
        sock.connect((address, port))
    except OSError:
        sock.close()
        raise
    return sock


class _PinnedHTTPConnection(http.client.HTTPConnection):
    """An HTTP connection whose socket goes to a vetted IP, whatever the host name says."""

    def __init__(self, host: str, port: int, *, address: str, timeout: float) -> None:
        super().__init__(host, port, timeout=timeout)
        self.pinned_address = address

    def connect(self) -> None:
        self.sock = _open_socket(self.pinned_address, self.port, self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """An HTTPS connection to a vetted IP; SNI and the certificate check use the host name."""

    def __init__(
        self, host: str, port: int, *, address: str, timeout: float, context: ssl.SSLContext
    ) -> None:
        super().__init__(host, port, timeout=timeout, context=context)
        self.pinned_address = address
        self.pinned_context = context

    def connect(self) -> None:
        raw = _open_socket(self.pinned_address, self.port, self.timeout)
        try:
            self.sock = self.pinned_context.wrap_socket(raw, server_hostname=self.host)
        except OSError:
            raw.close()
            raise


def _tls_context(policy: FetchPolicy) -> ssl.SSLContext:
    """The system's verifying TLS context, plus ``policy.cafile`` when given."""
    context = ssl.create_default_context()
    if policy.cafile:
        try:
            context.load_verify_locations(cafile=policy.cafile)
        except (OSError, ssl.SSLError) as exc:
            raise FetchFailedError(f"The CA file {policy.cafile} could not be read.") from exc
    return context


def _remaining(deadline: float, what: str) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchFailedError(f"{what} did not answer in time.")
    return left


def _connect(target: Target, *, policy: FetchPolicy, deadline: float) -> http.client.HTTPConnection:
    """Connect to the first vetted address that answers, then check the peer address again."""
    last_error: OSError | None = None
    for address in target.addresses:
        timeout = _remaining(deadline, target.host)
        conn: http.client.HTTPConnection
        if target.scheme == "https":
            conn = _PinnedHTTPSConnection(
                target.host, target.port, address=address, timeout=timeout,
                context=_tls_context(policy),
            )
        else:
            conn = _PinnedHTTPConnection(target.host, target.port, address=address, timeout=timeout)
        try:
            conn.connect()
        except ssl.SSLCertVerificationError as exc:
            conn.close()
            raise FetchFailedError(
                f"The secure connection to {target.host} failed: its certificate could not be verified."
            ) from exc
        except OSError as exc:
            conn.close()
            last_error = exc
            continue
        peer = ipaddress.ip_address(str(conn.sock.getpeername()[0]).split("%", 1)[0])
        try:
            check_address(peer, target.port, policy=policy, shown_host=target.host)
        except UrlRefusedError:
            conn.close()
            raise
        return conn
    if isinstance(last_error, TimeoutError):
        raise FetchFailedError(f"{target.host} did not answer in time.") from last_error
    raise FetchFailedError(f"Could not connect to {target.host}.") from last_error


class _Decoder:
    """Decompress a body in pieces, refusing output beyond the cap."""

    def __init__(self, encoding: str, *, cap: int, host: str) -> None:
        self.cap = cap
        self.host = host
        self.size = 0
        self.wbits: int | None = {"gzip": 47, "x-gzip": 47, "deflate": 15}.get(encoding)
        self.inflater = zlib.decompressobj(self.wbits) if self.wbits is not None else None
        self.started = False

    def feed(self, chunk: bytes) -> bytes:
        out = chunk if self.inflater is None else self._inflate(chunk)
        self.size += len(out)
        if self.size > self.cap:
            raise ResponseTooLargeError(
                f"The page at {self.host} is larger than {limits.human_size(self.cap)} once "
                "decompressed; it is refused."
            )
        return out

    def _inflate(self, chunk: bytes) -> bytes:
        assert self.inflater is not None
        room = self.cap - self.size + 1
        try:
            out = self.inflater.decompress(chunk, room)
        except zlib.error:
            if self.wbits == 15 and not self.started:  # "deflate" sent raw, without zlib header
                self.wbits = -15
                self.inflater = zlib.decompressobj(-15)
                return self._inflate(chunk)
            raise
        self.started = True
        return out

    def finish(self) -> bytes:
        if self.inflater is None:
            return b""
        out = self.inflater.flush(self.cap - self.size + 1) if not self.inflater.eof else b""
        self.size += len(out)
        if self.size > self.cap:
            raise ResponseTooLargeError(
                f"The page at {self.host} is larger than {limits.human_size(self.cap)} once decompressed."
            )
        return out


def _read_body(
    response: http.client.HTTPResponse, sock: socket.socket | None, *, target: Target,
    cap: int, deadline: float,
) -> bytes:
    encodings = [
        e.strip().lower()
        for e in (response.getheader("Content-Encoding") or "").split(",")
        if e.strip() and e.strip().lower() != "identity"
    ]
    if len(encodings) > 1 or (encodings and encodings[0] not in {"gzip", "x-gzip", "deflate"}):
        raise FetchFailedError(
            f"The page at {target.host} uses a compression we do not read ({', '.join(encodings)})."
        )
    declared = response.getheader("Content-Length")
    if declared and declared.strip().isdigit() and int(declared) > cap:
        raise ResponseTooLargeError(
            f"The page at {target.host} is {limits.human_size(int(declared))}; "
            f"the limit for one article is {limits.human_size(cap)}."
        )
    decoder = _Decoder(encodings[0] if encodings else "identity", cap=cap, host=target.host)
    pieces: list[bytes] = []
    raw_size = 0
    while True:
        left = _remaining(deadline, target.host)
        if sock is not None:
            sock.settimeout(left)
        chunk = response.read1(65_536)
        if not chunk:
            break
        raw_size += len(chunk)
        if raw_size > cap:
            raise ResponseTooLargeError(
                f"The page at {target.host} is larger than {limits.human_size(cap)}, "
                "the limit for one article."
            )
        pieces.append(decoder.feed(chunk))
    pieces.append(decoder.finish())
    return b"".join(pieces)


def _charset(content_type: str) -> str | None:
    message = Message()
    message["Content-Type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) and charset.strip() else None


def _one_hop(
    target: Target, *, policy: FetchPolicy, deadline: float
) -> tuple[int, str, str, bytes]:
    """Fetch one hop; return (status, Location, Content-Type, body); body is empty on redirects.

    A watchdog shuts the socket down at the deadline, so a server that drips its headers or body
    one byte at a time cannot hold the fetch past its time budget.
    """
    conn = _connect(target, policy=policy, deadline=deadline)
    sock = conn.sock  # kept: http.client hands the socket to the response and forgets it
    expired = threading.Event()

    def stop() -> None:
        expired.set()
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)

    watchdog = threading.Timer(max(deadline - time.monotonic(), 0.0), stop)
    watchdog.daemon = True
    watchdog.start()
    too_slow = FetchFailedError(f"{target.host} did not answer within {policy.timeout:g} s.")
    try:
        conn.putrequest("GET", target.path, skip_host=True, skip_accept_encoding=True)
        for name, value in (
            ("Host", target.host_header),
            ("User-Agent", USER_AGENT),
            ("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"),
            ("Accept-Encoding", "gzip, deflate"),
            ("Connection", "close"),
        ):
            conn.putheader(name, value)
        conn.endheaders()
        sock.settimeout(_remaining(deadline, target.host))
        response = conn.getresponse()
        status = response.status
        if status in REDIRECT_STATUSES:
            return status, (response.getheader("Location") or "").strip(), "", b""
        if not 200 <= status < 300:
            reason = (response.reason or "").strip()
            raise FetchFailedError(
                f"The server at {target.host} answered {status} {reason}".rstrip() + "; no article there."
            )
        content_type = response.getheader("Content-Type") or ""
        body = _read_body(response, sock, target=target, cap=policy.byte_cap(), deadline=deadline)
        if expired.is_set():  # the watchdog cut the body short
            raise too_slow
        return status, "", content_type, body
    except (OSError, http.client.HTTPException, ValueError) as exc:
        if expired.is_set():
            raise too_slow from exc
        raise
    finally:
        watchdog.cancel()
        conn.close()
        sock.close()


def fetch(url: str, *, policy: FetchPolicy | None = None) -> FetchResult:
    """Fetch a web page through the guard, following at most ``policy.max_redirects`` redirects.

    The body is returned as served (after gzip/deflate decoding); its Content-Type is reported
    but not trusted, and this function does not judge what the bytes are.

    Args:
        url: An http or https URL.
        policy: What the fetch may do; the default refuses every non-public address.

    Returns:
        The final URL, status, body and the declared content type and charset.

    Raises:
        UrlRefusedError: The URL, an address it resolves to, or a redirect target is not allowed.
        FetchFailedError: Unreachable, too slow, an HTTP error status, too many redirects, or a
            broken response.
        ResponseTooLargeError: The body exceeds the size cap, raw or decompressed.
    """
    policy = policy or FetchPolicy()
    deadline = time.monotonic() + policy.timeout
    current = url
    redirects: list[str] = []
    for _hop in range(policy.max_redirects + 1):
        target = vet_url(current, policy=policy, deadline=deadline)
        try:
            status, location, content_type, body = _one_hop(target, policy=policy, deadline=deadline)
        except (http.client.HTTPException, zlib.error, ValueError) as exc:
            raise FetchFailedError(f"The server at {target.host} sent a broken response.") from exc
        except TimeoutError as exc:
            raise FetchFailedError(f"{target.host} did not answer within {policy.timeout:g} s.") from exc
        except ssl.SSLError as exc:
            raise FetchFailedError(f"The secure connection to {target.host} failed.") from exc
        except OSError as exc:
            raise FetchFailedError(f"The connection to {target.host} failed.") from exc
        if status in REDIRECT_STATUSES:
            if not location:
                raise FetchFailedError(f"The server at {target.host} redirected without saying where.")
            current = urljoin(target.url, location)
            redirects.append(current)
            continue
        return FetchResult(
            url=target.url,
            status=status,
            body=body,
            content_type=content_type,
            charset=_charset(content_type) if content_type else None,
            redirects=tuple(redirects),
        )
    raise FetchFailedError(f"{url} redirected more than {policy.max_redirects} times; gave up.")
