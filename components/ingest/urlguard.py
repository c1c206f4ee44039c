"""The URL guard: which URLs and addresses may be fetched from (the SSRF guard's checks).

The fetching client that applies these checks on every hop is :mod:`components.ingest.fetch`.

A URL typed by a user is hostile until proven otherwise: ``http://127.1/``, ``http://0x7f000001/``,
``http://[::ffff:127.0.0.1]/``, a name that resolves to ``10.0.0.5``, a public page that
redirects to ``http://169.254.169.254/``. The guard therefore never judges the string. For
every hop it

1. accepts only ``http`` and ``https`` URLs with a host and no ``user@`` part,
2. resolves the host once with :func:`socket.getaddrinfo` and refuses the hop when ANY resolved
   address is loopback, private, link-local, shared (100.64/10), unspecified, multicast,
   reserved, a cloud metadata address, or an IPv6 form that embeds one of these
   (IPv4-mapped ``::ffff:0:0/96``, NAT64 ``64:ff9b::/96``, 6to4 ``2002::/16``, Teredo),
3. connects to the vetted address itself (the socket is opened to that IP, the original name
   goes in the ``Host`` header and, for https, in SNI and certificate checking), so a second
   DNS answer cannot swap the address after the check, and checks the peer address again,
4. follows redirects itself, re-vetting every hop, at most ``max_redirects`` times,
5. streams the body under one time budget and a size cap that also applies to the bytes after
   gzip/deflate decompression (a compression bomb stops at the cap).

Proxies from the environment are not used. The guard cannot protect a host whose own DNS
resolver is hostile in ways that return public addresses for internal services, and it does not
look at what the page contains; :mod:`components.ingest.loaders` judges the content.

Errors are :class:`NetError` subclasses whose message is one line a user understands.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from components.ingest import limits

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

ALLOWED_SCHEMES = frozenset({"http", "https"})
DEFAULT_PORTS = {"http": 80, "https": 443}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_URL_CHARS = 8_000
USER_AGENT = "NewsLens/0.1 (article loader)"

# Names refused before any lookup (the address check would refuse most of them anyway).
BLOCKED_HOSTNAMES = frozenset(
    {
        "localhost",
        "localhost.localdomain",
        "ip6-localhost",
        "ip6-loopback",
        "metadata",
        "metadata.google.internal",
        "metadata.goog",
        "instance-data",
        "instance-data.ec2.internal",
        "kubernetes.default",
    }
)
BLOCKED_HOST_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".home.arpa", ".lan")

# Cloud metadata services: refused even when private addresses are allowed.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "169.254.169.254",  # AWS, GCP, Azure, OpenStack, DigitalOcean
        "169.254.169.253",  # AWS DNS
        "169.254.170.2",  # AWS ECS task metadata
        "fd00:ec2::254",  # AWS IPv6 metadata
        "fd00:ec2::253",
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud
    )
)

# Ranges Python's ``is_global`` misses or that need a name in the message.
_EXTRA_BLOCKED: tuple[tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.ip_network(net), why)
    for net, why in (
        ("255.255.255.255/32", "the broadcast address"),
        ("240.0.0.0/4", "a reserved address (240.0.0.0/4)"),
        ("0.0.0.0/8", "a 'this network' address (0.0.0.0/8)"),
        ("192.0.2.0/24", "a documentation address"),
        ("198.51.100.0/24", "a documentation address"),
        ("203.0.113.0/24", "a documentation address"),
        ("2001:db8::/32", "a documentation address"),
        ("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
        ("192.0.0.0/24", "a reserved protocol address"),
        ("192.88.99.0/24", "a 6to4 relay address"),
        ("198.18.0.0/15", "a benchmarking network address"),
        ("64:ff9b:1::/48", "a local NAT64 address"),
        ("::/96", "an IPv4-compatible IPv6 address"),
    )
)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_SHARED = ipaddress.ip_network("100.64.0.0/10")


class NetError(Exception):
    """A URL could not be fetched; ``str(error)`` is one line meant for the user."""


class UrlRefusedError(NetError):
    """The URL or an address it leads to is not allowed; no connection was made to it."""


class FetchFailedError(NetError):
    """The server could not be reached, did not answer in time, or answered with an error."""


class ResponseTooLargeError(NetError):
    """The page is larger than the size cap (before or after decompression)."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """What one fetch may do.

    Attributes:
        timeout: The time budget in seconds for the whole fetch: lookups, connections,
            redirects and the body together.
        max_bytes: The largest body accepted, raw and after decompression; None means
            ``limits.MAX_ARTICLE_BYTES`` at the time of the fetch.
        max_redirects: How many redirects are followed before giving up.
        allow_private: Allow loopback, private, link-local, shared and unique-local addresses
            (never metadata, multicast, unspecified or reserved ones). Only for tests against a
            local server; the page and the CLI never set it.
        allowed_endpoints: Exact ``(ip, port)`` pairs allowed whatever their address class, e.g.
            ``{("127.0.0.1", 8123)}`` for a test server. Every other address stays guarded.
        cafile: An extra CA bundle (PEM) to trust for https, e.g. a company's TLS proxy or a
            test certificate; None trusts the system store only. Certificate and host name are
            always verified: there is no insecure fallback.
    """

    timeout: float = 10.0
    max_bytes: int | None = None
    max_redirects: int = 5
    allow_private: bool = False
    allowed_endpoints: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    cafile: str | None = None

    def byte_cap(self) -> int:
        """Return the size cap in bytes for this fetch."""
        return self.max_bytes if self.max_bytes is not None else limits.MAX_ARTICLE_BYTES


@dataclass(frozen=True, slots=True)
class Target:
    """One vetted hop: where to connect and what to ask for."""

    url: str
    scheme: str
    host: str  # ASCII host name or canonical IP, without brackets
    port: int
    path: str  # path and query, percent-encoded, never empty
    host_header: str
    addresses: tuple[str, ...]  # vetted IPs, in resolver order


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched page: the bytes as served (decompressed) and where they finally came from."""

    url: str
    status: int
    body: bytes
    content_type: str = ""
    charset: str | None = None
    redirects: tuple[str, ...] = ()


def address_problem(ip: IPAddress) -> str | None:
    """Return why an address may not be fetched from (e.g. "a loopback address"), or None.

    IPv6 forms that embed an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) are judged by the
    embedded address. This function cannot know about internal services behind public addresses.

    Args:
        ip: The address to judge.
    """
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            inner = address_problem(embedded)
            return f"{inner} (embedded in {ip})" if inner else None
        if ip.is_site_local:
            return "a site-local address"
    if ip.is_unspecified:  # before the ranges: "::" and "::1" lie inside ::/96 (IPv4-compatible)
        return "an unspecified address (it means this machine)"
    if ip.is_loopback:
        return "a loopback address (this machine)"
    for network, why in _EXTRA_BLOCKED:
        if ip.version == network.version and ip in network:
            return why
    checks: tuple[tuple[bool, str], ...] = (
        (ip.is_link_local, "a link-local address"),
        (ip.is_multicast, "a multicast address"),
        (ip.is_private, "a private network address"),
        (ip.is_reserved, "a reserved address"),
        (not ip.is_global, "not a public address"),
    )
    for failed, why in checks:
        if failed:
            return why
    return None


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def _is_relaxable(ip: IPAddress) -> bool:
    """Whether ``allow_private`` lifts the refusal of this address."""
    if ip in METADATA_ADDRESSES or ip.is_multicast or ip.is_unspecified:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return _is_relaxable(embedded)
    return ip.is_loopback or ip.is_private or ip.is_link_local or ip in _SHARED


def check_address(ip: IPAddress, port: int, *, policy: FetchPolicy, shown_host: str) -> None:
    """Refuse an address the policy does not allow.

    Raises:
        UrlRefusedError: The address is not public and the policy makes no exception for it.
    """
    if (str(ip), port) in policy.allowed_endpoints:
        return
    why = address_problem(ip)
    if why is None or (policy.allow_private and _is_relaxable(ip)):
        return
    named = shown_host if shown_host == str(ip) else f"{shown_host} ({ip})"
    raise UrlRefusedError(f"Refused to load from {named}: it is {why}, not a public web server.")


def _refuse(url: str, why: str) -> UrlRefusedError:
    shown = url if len(url) <= 80 else url[:77] + "..."
    return UrlRefusedError(f"Refused the address {shown!r}: {why}.")


def _normalise_host(raw_host: str, url: str) -> tuple[str, IPAddress | None]:
    """Return (ASCII host, IP if the host is an address in any spelling)."""
    host = raw_host
    if "%" in host and ":" in host:  # "[fe80::1%25eth0]": only an IPv6 literal has a zone
        raise _refuse(url, "addresses with a network zone (%) are not accepted")
    if "%" in host:
        raise _refuse(url, "percent-encoded host names (%31%32%37...) are not accepted")
    if ":" in host:  # only an IPv6 literal can hold a colon here
        try:
            ip6 = ipaddress.IPv6Address(host)
        except ValueError:
            raise _refuse(url, "the host is not a valid IPv6 address") from None
        return str(ip6), ip6
    if host.endswith("."):
        host = host[:-1]
    try:
        ascii_host = host.encode("idna").decode("ascii").lower()
    except UnicodeError:
        raise _refuse(url, "the host is not a valid name") from None
    if not ascii_host or any(not (c.isalnum() or c in ".-_") for c in ascii_host):
        raise _refuse(url, "the host is not a valid name")
    try:  # every legacy IPv4 spelling the C resolver accepts: 127.1, 0x7f000001, 0177.0.0.1, 0
        packed = socket.inet_aton(ascii_host)
    except OSError:
        return ascii_host, None
    ip4 = ipaddress.IPv4Address(packed)
    return str(ip4), ip4


def parse_url(url: str, *, policy: FetchPolicy) -> tuple[str, str, int, str, str, IPAddress | None]:
    """Check a URL's form; return (scheme, host, port, path, Host header, literal IP or None).

    This looks at the string only; :func:`vet_url` also resolves and checks the addresses.

    Raises:
        UrlRefusedError: Not http/https, no host, a ``user@`` part, a bad port, control
            characters or spaces, backslashes, or a blocked host name.
    """
    if not isinstance(url, str):
        raise UrlRefusedError("The address must be text.")
    url = url.strip()
    if not url:
        raise UrlRefusedError("The address is empty.")
    if len(url) > MAX_URL_CHARS:
        raise UrlRefusedError(f"The address is longer than {MAX_URL_CHARS} characters.")
    if any(c.isspace() or ord(c) < 32 or ord(c) == 127 for c in url):
        raise _refuse(url, "it contains spaces or control characters")
    if "\\" in url:
        raise _refuse(url, "it contains a backslash")
    try:
        parts = urlsplit(url)
        raw_host = parts.hostname or ""
    except ValueError:  # e.g. "http://[::1" or a netloc that NFKC-normalises to "/" or "@"
        raise _refuse(url, "it is not a well-formed address") from None
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        if not scheme:
            raise _refuse(url, "it must start with http:// or https://")
        raise _refuse(url, f"only http:// and https:// addresses can be loaded, not {scheme}:")
    if not url[len(parts.scheme) + 1 :].startswith("//"):
        raise _refuse(url, "it must start with http:// or https://")
    if "@" in parts.netloc:
        raise _refuse(url, "addresses with a user name or password (user@host) are not accepted")
    if not raw_host:
        raise _refuse(url, "it names no host")
    try:
        port = parts.port
    except ValueError:
        raise _refuse(url, "the port is not a number between 1 and 65535") from None
    if port is None:
        port = DEFAULT_PORTS[scheme]
    if not 1 <= port <= 65535:
        raise _refuse(url, "the port is not a number between 1 and 65535")
    host, literal = _normalise_host(raw_host, url)
    if literal is None and not policy.allow_private and (
        host in BLOCKED_HOSTNAMES or host.endswith(BLOCKED_HOST_SUFFIXES)
    ):
        raise _refuse(url, f"{host} is a local or internal host name")
    path = quote(parts.path or "/", safe="/%:@!$&'()*+,;=~-._")
    if parts.query:
        path += "?" + quote(parts.query, safe="/%:@!$&'()*+,;=~-._?")
    shown = f"[{host}]" if ":" in host else host
    host_header = shown if port == DEFAULT_PORTS[scheme] else f"{shown}:{port}"
    return scheme, host, port, path, host_header, literal


def _resolve(host: str, port: int, *, timeout: float) -> list[str]:
    """Resolve a host to IP strings with a time limit (getaddrinfo itself has none)."""
    box: dict[str, object] = {}

    def work() -> None:
        try:
            box["infos"] = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            box["error"] = exc

    worker = threading.Thread(target=work, name="newslens-resolve", daemon=True)
    worker.start()
    worker.join(max(timeout, 0.01))
    if worker.is_alive():
        raise FetchFailedError(f"Looking up {host} took too long; the server did not answer in time.")
    infos = box.get("infos")
    if not isinstance(infos, list) or not infos:
        raise FetchFailedError(f"Could not find the server {host} (is the address right?).")
    addresses: list[str] = []
    for info in infos:
        sockaddr = info[4]
        address = str(sockaddr[0]).split("%", 1)[0]
        if address not in addresses:
            addresses.append(address)
    return addresses


def vet_url(url: str, *, policy: FetchPolicy, deadline: float | None = None) -> Target:
    """Check a URL and every address its host resolves to; return where to connect.

    Args:
        url: The URL as given by the user or by a redirect.
        policy: What is allowed.
        deadline: A ``time.monotonic()`` value by which the lookup must end.

    Raises:
        UrlRefusedError: The URL or any of its addresses is not allowed.
        FetchFailedError: The host name could not be resolved in time.
    """
    scheme, host, port, path, host_header, literal = parse_url(url, policy=policy)
    if literal is not None:
        check_address(literal, port, policy=policy, shown_host=host)
        addresses = [str(literal)]
    else:
        remaining = policy.timeout if deadline is None else deadline - time.monotonic()
        addresses = _resolve(host, port, timeout=remaining)
    for address in addresses:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            raise UrlRefusedError(f"Refused to load from {host}: it resolved to {address!r}.") from None
        check_address(ip, port, policy=policy, shown_host=host)
    return Target(
        url=url.strip(),
        scheme=scheme,
        host=host,
        port=port,
        path=path,
        host_header=host_header,
        addresses=tuple(addresses),
    )
