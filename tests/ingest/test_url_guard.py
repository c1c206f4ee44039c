"""URL loading through the SSRF guard: hostile URLs are refused before any connection, pages
from an explicitly allowed local test server load, and redirects, sizes, compression bombs and
slow servers are handled. No test reaches the internet: name lookups go to a fake resolver,
and every server is on 127.0.0.1."""

from __future__ import annotations

import gzip
import http.server
import re
import shutil
import socket
import ssl
import subprocess
import sys
import threading
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from ipaddress import ip_address
from urllib.parse import parse_qs, urlsplit

import pytest

from components.ingest import fetch, urlguard
from components.ingest import loaders as articles
from components.ingest.loaders import ArticleLoadError

PUBLIC_IP = "93.184.215.14"  # only ever returned by the fake resolver; never connected to

ARTICLE_HTML = b"""<!DOCTYPE html><html><head><title>Harbour ferry resumes | Coastline Post</title>
<meta property="og:site_name" content="Coastline Post">
<meta property="article:published_time" content="2026-04-02">
<script>alert('x')</script></head><body><article><h1>Harbour ferry resumes</h1>
<p>The ferry between Port Aldous and Wren Island resumed on Thursday after a two-week stop,
the harbour authority said.</p>
<p>"Every crossing is fully booked until Sunday," said deck officer Lina Sorvik, adding that
two extra sailings would be added on Saturday.</p>
<p>About 1,200 islanders depend on the route for work and school, according to the council.</p>
</article></body></html>"""


# --- fake resolver and a listener that must never be reached ---------------------------------


@dataclass
class FakeDNS:
    """Answers for invented names; numeric hosts go to the real (numeric-only) resolver."""

    names: dict[str, list[str]]
    lookups: list[str] = field(default_factory=list)
    flip: dict[str, list[list[str]]] = field(default_factory=dict)

    def __call__(self, host: object, port: object, family: int = 0, type: int = 0,
                 proto: int = 0, flags: int = 0) -> list[tuple]:
        name = host.decode() if isinstance(host, bytes) else str(host)
        self.lookups.append(name)
        try:
            return REAL_GETADDRINFO(name, port, family, type, proto, flags | socket.AI_NUMERICHOST)
        except socket.gaierror:
            pass
        answers = self.flip[name].pop(0) if self.flip.get(name) else self.names.get(name.lower())
        if not answers:
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        infos = []
        for address in answers:
            family_ = socket.AF_INET6 if ":" in address else socket.AF_INET
            sockaddr = (address, int(port), 0, 0) if family_ == socket.AF_INET6 else (address, int(port))
            infos.append((family_, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", sockaddr))
        return infos


REAL_GETADDRINFO = socket.getaddrinfo


@pytest.fixture(autouse=True)
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> FakeDNS:
    dns = FakeDNS(
        names={
            "localhost": ["127.0.0.1", "::1"],
            "evil.example": ["127.0.0.1"],
            "rebind.example": [PUBLIC_IP, "127.0.0.1"],
            "private.example": ["10.20.30.40"],
            "meta.example": ["169.254.169.254"],
            "v6loop.example": ["::1"],
            "mapped.example": ["::ffff:127.0.0.1"],
            "nat64.example": ["64:ff9b::7f00:1"],
            "cgnat.example": ["100.64.1.1"],
            "127.0.0.1.nip.io": ["127.0.0.1"],
            "news.example": ["127.0.0.1"],
        }
    )
    monkeypatch.setattr(socket, "getaddrinfo", dns)
    return dns


@dataclass
class Listener:
    port: int
    port6: int | None
    accepted: list[tuple] = field(default_factory=list)


def _accept_forever(server: socket.socket, accepted: list[tuple]) -> None:
    while True:
        try:
            conn, peer = server.accept()
        except OSError:
            return
        accepted.append(peer)
        conn.close()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    sockets = []
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    sockets.append(server)
    port6 = None
    try:
        server6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        server6.bind(("::1", 0))
        server6.listen(16)
        sockets.append(server6)
        port6 = server6.getsockname()[1]
    except OSError:
        server6 = None
    record = Listener(port=server.getsockname()[1], port6=port6)
    for sock in sockets:
        threading.Thread(target=_accept_forever, args=(sock, record.accepted), daemon=True).start()
    yield record
    for sock in sockets:
        sock.close()


# --- the hostile table -----------------------------------------------------------------------

# "{p}" is the listener's IPv4 port, "{p6}" its IPv6 port. Every one of these must be refused
# by policy (UrlRefusedError), not merely fail, and the listener must accept no connection.
HOSTILE_URLS = [
    # loopback in every spelling
    ("loopback", "http://127.0.0.1:{p}/"),
    ("loopback-short", "http://127.1:{p}/"),
    ("loopback-3-parts", "http://127.0.1:{p}/"),
    ("loopback-hex-int", "http://0x7f000001:{p}/"),
    ("loopback-hex-dotted", "http://0x7f.0x0.0x0.0x1:{p}/"),
    ("loopback-decimal-int", "http://2130706433:{p}/"),
    ("loopback-octal", "http://0177.0.0.1:{p}/"),
    ("loopback-octal-int", "http://017700000001:{p}/"),
    ("loopback-zero-padded", "http://127.000.000.001:{p}/"),
    ("loopback-other", "http://127.45.6.7:{p}/"),
    ("zero", "http://0:{p}/"),
    ("zero-dotted", "http://0.0.0.0:{p}/"),
    ("zero-8", "http://0.1.2.3:{p}/"),
    ("ipv6-loopback", "http://[::1]:{p6}/"),
    ("ipv6-loopback-long", "http://[0:0:0:0:0:0:0:1]:{p6}/"),
    ("ipv6-unspecified", "http://[::]:{p}/"),
    ("ipv4-mapped-dotted", "http://[::ffff:127.0.0.1]:{p}/"),
    ("ipv4-mapped-hex", "http://[::ffff:7f00:1]:{p}/"),
    ("ipv4-mapped-long", "http://[0:0:0:0:0:ffff:127.0.0.1]:{p}/"),
    ("ipv4-compatible", "http://[::127.0.0.1]:{p}/"),
    ("nat64-loopback", "http://[64:ff9b::7f00:1]:{p}/"),
    ("nat64-metadata", "http://[64:ff9b::a9fe:a9fe]/"),
    ("6to4-loopback", "http://[2002:7f00:1::]:{p}/"),
    ("6to4-metadata", "http://[2002:a9fe:a9fe::1]/"),
    ("teredo-loopback", "http://[2001:0:4136:e378:8000:63bf:80ff:fffe]:{p}/"),
    ("fullwidth-digits", "http://①②⑦.0.0.1:{p}/"),
    ("ideographic-dots", "http://127。0。0。1:{p}/"),
    ("trailing-dot", "http://127.0.0.1.:{p}/"),
    ("scheme-upper-case", "HTTP://127.0.0.1:{p}/"),
    ("https-loopback", "https://127.0.0.1:{p}/"),
    # names
    ("localhost", "http://localhost:{p}/"),
    ("localhost-upper", "http://LOCALHOST:{p}/"),
    ("localhost-dot", "http://localhost.:{p}/"),
    ("sub-localhost", "http://app.localhost:{p}/"),
    ("name-to-loopback", "http://evil.example:{p}/"),
    ("name-to-loopback-nip", "http://127.0.0.1.nip.io:{p}/"),
    ("name-one-bad-address", "http://rebind.example:{p}/"),
    ("name-to-ipv6-loopback", "http://v6loop.example:{p}/"),
    ("name-to-mapped", "http://mapped.example:{p}/"),
    ("name-to-nat64", "http://nat64.example:{p}/"),
    ("name-to-private", "http://private.example/"),
    ("name-to-cgnat", "http://cgnat.example/"),
    ("name-to-metadata", "http://meta.example/latest/meta-data/"),
    ("dot-internal", "http://billing.corp.internal/"),
    ("dot-local", "http://printer.local/"),
    # private, shared, link-local, metadata, multicast, reserved
    ("10-8", "http://10.0.0.1/"),
    ("10-8-top", "http://10.255.255.254/"),
    ("172-16-12", "http://172.16.0.1/"),
    ("172-16-12-top", "http://172.31.255.254/"),
    ("192-168-16", "http://192.168.1.1/"),
    ("cgnat-100-64", "http://100.64.0.1/"),
    ("cgnat-top", "http://100.127.255.254/"),
    ("metadata-aws", "http://169.254.169.254/latest/meta-data/"),
    ("metadata-ecs", "http://169.254.170.2/v2/credentials"),
    ("metadata-gcp-name", "http://metadata.google.internal/computeMetadata/v1/"),
    ("metadata-short-name", "http://metadata/"),
    ("metadata-aws-ipv6", "http://[fd00:ec2::254]/latest/meta-data/"),
    ("metadata-alibaba", "http://100.100.100.200/latest/meta-data/"),
    ("metadata-oracle", "http://192.0.0.192/opc/v2/"),
    ("metadata-mapped", "http://[::ffff:169.254.169.254]/"),
    ("link-local", "http://169.254.1.1/"),
    ("ipv6-link-local", "http://[fe80::1]/"),
    ("ipv6-zone", "http://[fe80::1%25eth0]/"),
    ("ipv6-unique-local", "http://[fc00::1]/"),
    ("ipv6-site-local", "http://[fec0::1]/"),
    ("multicast", "http://224.0.0.1/"),
    ("multicast-ssdp", "http://239.255.255.250:1900/"),
    ("ipv6-multicast", "http://[ff02::1]/"),
    ("broadcast", "http://255.255.255.255/"),
    ("reserved-240", "http://240.0.0.1/"),
    ("benchmarking", "http://198.18.0.1/"),
    # user@host and parser confusion
    ("userinfo", "http://user@127.0.0.1:{p}/"),
    ("userinfo-public-looking", "http://example.com@127.0.0.1:{p}/"),
    ("userinfo-password", "http://a:b@127.0.0.1:{p}/"),
    ("userinfo-reversed", "http://127.0.0.1:{p}@example.com/"),
    ("fragment-at", "http://127.0.0.1:{p}#@example.com/"),
    ("backslash-at", "http://127.0.0.1:{p}\\@example.com/"),
    ("tab-in-host", "http://127.0.0.1\t:{p}/"),
    ("newline-in-url", "http://127.0.0.1:{p}/\r\nX-Injected: 1"),
    ("percent-in-host", "http://127.0.0.1%2509:{p}/"),
    ("bad-ipv6", "http://[::1:{p}/"),
    ("port-zero", "http://127.0.0.1:0/"),
    ("port-too-big", "http://127.0.0.1:99999/"),
    ("no-host", "http:///127.0.0.1:{p}/"),
    ("no-slashes", "http:127.0.0.1:{p}/"),
    ("scheme-relative", "//127.0.0.1:{p}/"),
    ("no-scheme", "127.0.0.1:{p}"),
    ("empty", ""),
    ("blank", "   "),
    # other schemes
    ("file", "file:///etc/passwd"),
    ("file-localhost", "file://localhost/etc/passwd"),
    ("ftp", "ftp://127.0.0.1:{p}/"),
    ("gopher", "gopher://127.0.0.1:{p}/_GET%20/"),
    ("dict", "dict://127.0.0.1:{p}/info"),
    ("ldap", "ldap://127.0.0.1:{p}/"),
    ("data", "data:text/html,<p>hello</p>"),
    ("javascript", "javascript:alert(1)"),
    ("jar", "jar:http://127.0.0.1:{p}/a.jar!/"),
]


def _fill(template: str, listener: Listener) -> str:
    return template.replace("{p6}", str(listener.port6 or listener.port)).replace("{p}", str(listener.port))


@pytest.mark.parametrize("template", [t for _, t in HOSTILE_URLS], ids=[i for i, _ in HOSTILE_URLS])
def test_hostile_url_refused_without_connecting(template: str, listener: Listener) -> None:
    url = _fill(template, listener)
    before = len(listener.accepted)
    with pytest.raises(ArticleLoadError) as caught:
        articles.from_url(url, timeout=1.0)
    assert isinstance(caught.value.__cause__, urlguard.UrlRefusedError), str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(urlguard.UrlRefusedError):
        urlguard.vet_url(url, policy=urlguard.FetchPolicy(timeout=1.0))
    time.sleep(0.005)
    assert len(listener.accepted) == before


def test_hostile_table_size_and_listener_untouched(listener: Listener) -> None:
    assert len(HOSTILE_URLS) >= 40
    assert len({t for _, t in HOSTILE_URLS}) == len(HOSTILE_URLS)
    for _, template in HOSTILE_URLS:
        with pytest.raises(ArticleLoadError):
            articles.from_url(_fill(template, listener), timeout=1.0)
    time.sleep(0.05)
    assert listener.accepted == []


def test_listener_does_count_connections(listener: Listener) -> None:
    """The listener is a real witness: a direct connection is recorded (then forgotten)."""
    before = len(listener.accepted)
    with socket.create_connection(("127.0.0.1", listener.port), timeout=1):
        pass
    deadline = time.monotonic() + 2
    while len(listener.accepted) == before and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(listener.accepted) == before + 1
    del listener.accepted[before:]


@pytest.mark.parametrize(
    ("address", "refused"),
    [
        pytest.param(PUBLIC_IP, False, id="public-v4"),
        pytest.param("2606:4700:4700::1111", False, id="public-v6"),
        pytest.param("64:ff9b::5db8:d70e", False, id="nat64-of-public"),
        pytest.param("2002:5db8:d70e::1", False, id="6to4-of-public"),
        pytest.param("::ffff:93.184.215.14", False, id="mapped-public"),
        pytest.param("127.0.0.1", True, id="loopback"),
        pytest.param("224.0.0.251", True, id="multicast-is-global-in-python"),
        pytest.param("100.64.0.1", True, id="cgnat"),
        pytest.param("192.0.0.192", True, id="oracle-metadata"),
        pytest.param("192.88.99.1", True, id="6to4-relay"),
        pytest.param("64:ff9b:1::1", True, id="local-nat64"),
        pytest.param("2001:db8::1", True, id="documentation"),
    ],
)
def test_address_problem(address: str, refused: bool) -> None:
    assert (urlguard.address_problem(ip_address(address)) is not None) is refused


# The reason a refusal gives must be the true one ("[::1]" once said "an IPv4-compatible IPv6 address").
WRONG_REASONS = ("private network", "network zone", "IPv4-compatible", "percent-encoded", "reserved", "loopback")


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        pytest.param("http://[::1]/", "loopback", id="ipv6-loopback"),
        pytest.param("http://[0:0:0:0:0:0:0:1]:8080/", "loopback", id="ipv6-loopback-long"),
        pytest.param("http://[::127.0.0.1]/", "IPv4-compatible", id="ipv4-compatible"),
        pytest.param("http://[::]/", "unspecified", id="ipv6-unspecified"),
        pytest.param("http://%31%32%37.0.0.1/", "percent-encoded", id="percent-encoded-host"),
        pytest.param("http://127.0.0.1%2509/", "percent-encoded", id="percent-after-ipv4"),
        pytest.param("http://[fe80::1%25eth0]/", "network zone", id="ipv6-zone"),
        pytest.param("http://255.255.255.255/", "broadcast", id="broadcast"),
        pytest.param("http://240.0.0.1/", "reserved", id="reserved-240"),
        pytest.param("http://0.1.2.3/", "'this network'", id="this-network"),
        pytest.param("http://192.0.2.1/", "documentation", id="documentation-v4"),
        pytest.param("http://[2001:db8::1]/", "documentation", id="documentation-v6"),
        pytest.param("http://10.0.0.1/", "private network", id="private"),
        pytest.param("http://127.0.0.1/", "loopback", id="ipv4-loopback"),
    ],
)
def test_refusal_gives_the_true_reason(url: str, reason: str) -> None:
    with pytest.raises(urlguard.UrlRefusedError) as caught:
        urlguard.vet_url(url, policy=urlguard.FetchPolicy())
    message = str(caught.value)
    assert reason in message, message
    assert not [w for w in WRONG_REASONS if w in message and w not in reason], message


def test_public_literal_is_not_refused() -> None:
    target = urlguard.vet_url(f"http://{PUBLIC_IP}/news", policy=urlguard.FetchPolicy())
    assert (target.addresses, target.path) == ((PUBLIC_IP,), "/news")


# --- a local test server ---------------------------------------------------------------------


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, str]] = []  # (path, Host header); reset per server  # noqa: RUF012

    def log_message(self, format: str, *args: object) -> None:
        return

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        merged = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
        merged.update(headers or {})
        for name, value in merged.items():
            if value:
                self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        type(self).seen.append((parts.path, self.headers.get("Host", "")))
        route = parts.path
        if route == "/article":
            self._send(200, ARTICLE_HTML)
        elif route == "/host-echo":
            host = self.headers.get("Host", "").encode()
            self._send(200, b"The request reached the server with Host " + host + b".",
                       {"Content-Type": "text/plain"})
        elif route == "/plain-as-png":
            self._send(200, b"Title: Typed wrong\n\nPlain text served as an image.", {"Content-Type": "image/png"})
        elif route == "/pdf-as-html":
            self._send(200, b"%PDF-1.7\n1 0 obj <<>> endobj", {"Content-Type": "text/html"})
        elif route == "/cp1252":
            self._send(200, b"<p>She said \x93enough\x94 and the caf\xe9 closed.</p>",
                       {"Content-Type": "text/html; charset=windows-1252"})
        elif route == "/redirect":
            self._send(int(query.get("status", "302")), b"", {"Location": query["to"]})
        elif route == "/chain":
            left = int(query["n"])
            target = "/article" if left <= 1 else f"/chain?n={left - 1}"
            self._send(302, b"", {"Location": target})
        elif route == "/loop":
            self._send(302, b"", {"Location": "/loop"})
        elif route == "/no-location":
            self._send(302, b"", {"Location": ""})
        elif route == "/big":
            self._send(200, b"<p>" + b"a" * int(query["n"]) + b"</p>")
        elif route == "/big-stream":  # no Content-Length: the client must count
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            for _ in range(int(query["n"]) // 65_536 + 1):
                self.wfile.write(b"b" * 65_536)
            self.close_connection = True
        elif route == "/gzip-bomb":
            self._send(200, BOMB, {"Content-Encoding": "gzip"})
        elif route == "/gzip-ok":
            self._send(200, gzip.compress(ARTICLE_HTML), {"Content-Encoding": "gzip"})
        elif route == "/deflate-ok":
            self._send(200, zlib.compress(ARTICLE_HTML), {"Content-Encoding": "deflate"})
        elif route == "/brotli":
            self._send(200, b"\x1b\x00\x00", {"Content-Encoding": "br"})
        elif route == "/slow":
            time.sleep(float(query.get("s", "3")))
            self._send(200, ARTICLE_HTML)
        elif route == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"word ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                return
            self.close_connection = True
        elif route == "/drip-headers":  # a status line, then one header byte every 0.1 s
            try:
                self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                for _ in range(100):
                    self.wfile.write(b"z")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                return
            self.close_connection = True
        elif route == "/empty":
            self._send(200, b"")
        elif route == "/no-text":
            self._send(200, b"<html><body><script>alert(1)</script></body></html>")
        elif route == "/error":
            self._send(int(query["status"]), b"<p>error page</p>")
        else:
            self._send(404, b"<p>not found</p>")


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        """The client hanging up mid-answer is what several tests want; anything else is printed."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]


BOMB = gzip.compress(b"<html><body><p>" + b"A" * 60_000_000, compresslevel=9)


@dataclass
class Server:
    port: int
    seen: list[tuple[str, str]]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def endpoint(self) -> frozenset[tuple[str, int]]:
        return frozenset({("127.0.0.1", self.port)})


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    handler = type("Handler", (_Handler,), {"seen": []})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield Server(port=httpd.server_address[1], seen=handler.seen)
    httpd.shutdown()
    httpd.server_close()


def _load(server: Server, path: str, **options: object) -> articles.Article:
    options.setdefault("allowed_endpoints", server.endpoint)
    options.setdefault("timeout", 3.0)
    return articles.from_url(server.base + path, **options)  # type: ignore[arg-type]


def _cause(server: Server, path: str, **options: object) -> tuple[str, BaseException | None]:
    with pytest.raises(ArticleLoadError) as caught:
        _load(server, path, **options)
    message = str(caught.value)
    assert message and "\n" not in message
    return message, caught.value.__cause__


# --- positives beside negatives --------------------------------------------------------------


def test_article_loads_from_allowed_test_server(server: Server) -> None:
    article = _load(server, "/article")
    assert article.title == "Harbour ferry resumes"
    assert article.outlet == "Coastline Post"
    assert article.published == "2026-04-02"
    assert article.url == article.source == server.base + "/article"
    assert "Lina Sorvik" in article.text and "alert" not in article.text


def test_allow_private_opens_the_test_server(server: Server) -> None:
    assert _load(server, "/article", allowed_endpoints=frozenset(), allow_private=True).title


def test_test_server_refused_without_allowance(server: Server) -> None:
    before = len(server.seen)
    _, cause = _cause(server, "/article", allowed_endpoints=frozenset())
    assert isinstance(cause, urlguard.UrlRefusedError)
    assert len(server.seen) == before


def test_allowed_endpoint_is_exact(server: Server, listener: Listener) -> None:
    """Allowing the server's (ip, port) does not allow the same IP on another port."""
    before = len(listener.accepted)
    with pytest.raises(ArticleLoadError) as caught:
        articles.from_url(f"http://127.0.0.1:{listener.port}/", allowed_endpoints=server.endpoint, timeout=1)
    assert isinstance(caught.value.__cause__, urlguard.UrlRefusedError)
    assert len(listener.accepted) == before


def test_connects_to_vetted_ip_with_original_host(server: Server, fake_dns: FakeDNS) -> None:
    article = articles.from_url(
        f"http://news.example:{server.port}/host-echo", allowed_endpoints=server.endpoint, timeout=3
    )
    assert article.text == f"The request reached the server with Host news.example:{server.port}."
    assert fake_dns.lookups.count("news.example") == 1


def test_address_is_pinned_after_the_check(monkeypatch: pytest.MonkeyPatch, fake_dns: FakeDNS) -> None:
    """DNS rebinding: the first answer is public, later ones loopback; we connect to the first."""
    fake_dns.flip["flip.example"] = [[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]]
    opened: list[tuple[str, int]] = []

    def refuse_connect(address: str, port: int, timeout: float) -> socket.socket:
        opened.append((address, port))
        raise ConnectionRefusedError("test: no network")

    monkeypatch.setattr(fetch, "_open_socket", refuse_connect)
    with pytest.raises(ArticleLoadError, match=r"Could not connect to flip\.example") as caught:
        articles.from_url("http://flip.example/news", timeout=1)
    assert isinstance(caught.value.__cause__, urlguard.FetchFailedError)
    assert opened == [(PUBLIC_IP, 80)]
    assert fake_dns.lookups.count("flip.example") == 1


def test_content_type_is_not_trusted(server: Server) -> None:
    assert _load(server, "/plain-as-png").text == "Plain text served as an image."
    message, _ = _cause(server, "/pdf-as-html")
    assert "looks like a binary file (PDF)" in message


def test_declared_charset_and_curly_quotes(server: Server) -> None:
    assert _load(server, "/cp1252").text == "She said “enough” and the café closed."


# --- redirects -------------------------------------------------------------------------------


def test_redirect_within_allowed_server_is_followed(server: Server) -> None:
    assert _load(server, "/redirect?to=/article").title == "Harbour ferry resumes"
    assert _load(server, "/chain?n=5").title == "Harbour ferry resumes"


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("http://127.0.0.1:{p}/", id="loopback-listener"),
        pytest.param("http://127.1:{p}/", id="loopback-short"),
        pytest.param("http://[::ffff:127.0.0.1]:{p}/", id="mapped"),
        pytest.param("http://localhost:{p}/", id="localhost"),
        pytest.param("http://evil.example:{p}/", id="name-to-loopback"),
        pytest.param("http://10.0.0.7/", id="private"),
        pytest.param("http://169.254.169.254/latest/meta-data/", id="metadata"),
        pytest.param("http://metadata.google.internal/", id="metadata-name"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("gopher://127.0.0.1:{p}/", id="gopher"),
        pytest.param("http://user@127.0.0.1:{p}/", id="userinfo"),
    ],
)
@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
def test_redirect_to_forbidden_target_refused(
    server: Server, listener: Listener, target: str, status: int
) -> None:
    location = _fill(target, listener)
    before = len(listener.accepted)
    message, cause = _cause(server, f"/redirect?status={status}&to={location}")
    assert isinstance(cause, urlguard.UrlRefusedError), message
    assert len(listener.accepted) == before


def test_redirect_refused_even_with_allow_private_for_metadata(server: Server) -> None:
    _, cause = _cause(server, "/redirect?to=http://169.254.169.254/", allow_private=True)
    assert isinstance(cause, urlguard.UrlRefusedError)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("/chain?n=6", r"redirected more than 5 times", id="six-hops"),
        pytest.param("/loop", r"redirected more than 5 times", id="loop"),
        pytest.param("/no-location", r"redirected without saying where", id="no-location"),
    ],
)
def test_redirect_limits(server: Server, path: str, message: str) -> None:
    text, cause = _cause(server, path)
    assert isinstance(cause, urlguard.FetchFailedError)
    assert re.search(message, text)


# --- size, compression, time, status ---------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "max_bytes", "message"),
    [
        pytest.param("/big?n=6000000", None, r"is 6 MB; the limit for one article is 5 MB", id="content-length"),
        pytest.param("/big-stream?n=6000000", None, r"larger than 5 MB, the limit", id="streamed"),
        pytest.param("/big?n=2000", 1_000, r"the limit for one article is 1 KB", id="max-bytes-option"),
        pytest.param("/gzip-bomb", None, r"larger than 5 MB once decompressed", id="gzip-bomb"),
        pytest.param("/brotli", None, r"compression we do not read \(br\)", id="unknown-encoding"),
    ],
)
def test_size_and_compression_refused(server: Server, path: str, max_bytes: int | None, message: str) -> None:
    started = time.monotonic()
    text, cause = _cause(server, path, max_bytes=max_bytes)
    assert isinstance(cause, urlguard.NetError)
    assert re.search(message, text), text
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("path", ["/gzip-ok", "/deflate-ok"])
def test_compressed_article_loads(server: Server, path: str) -> None:
    assert _load(server, path).title == "Harbour ferry resumes"


@pytest.mark.parametrize(
    ("path", "timeout"),
    [
        pytest.param("/slow?s=3", 0.5, id="slow-answer"),
        pytest.param("/drip", 0.8, id="drip-body"),
        pytest.param("/drip-headers", 0.8, id="drip-headers"),
    ],
)
def test_timeouts(server: Server, path: str, timeout: float) -> None:
    started = time.monotonic()
    text, cause = _cause(server, path, timeout=timeout)
    assert isinstance(cause, urlguard.FetchFailedError)
    assert "did not answer" in text
    assert time.monotonic() - started < timeout + 1.0


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("/missing", r"answered 404 Not Found; no article there", id="404"),
        pytest.param("/error?status=500", r"answered 500", id="500"),
        pytest.param("/error?status=403", r"answered 403", id="403"),
        pytest.param("/empty", r"is empty", id="empty-body"),
        pytest.param("/no-text", r"no readable article text", id="no-text"),
    ],
)
def test_http_errors_and_empty_pages(server: Server, path: str, message: str) -> None:
    text, _ = _cause(server, path)
    assert re.search(message, text), text


def test_unreachable_and_unknown(server: Server) -> None:
    closed = socket.socket()
    closed.bind(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with pytest.raises(ArticleLoadError, match=r"Could not connect to 127\.0\.0\.1"):
        articles.from_url(f"http://127.0.0.1:{port}/", allowed_endpoints=frozenset({("127.0.0.1", port)}),
                          timeout=1)
    with pytest.raises(ArticleLoadError, match=r"Could not find the server nowhere\.example") as caught:
        articles.from_url("http://nowhere.example/", timeout=1)
    assert isinstance(caught.value.__cause__, urlguard.FetchFailedError)


# --- https: certificate and host name are checked against the name, not the pinned IP --------


@dataclass
class TlsServer:
    port: int
    cafile: str

    @property
    def endpoint(self) -> frozenset[tuple[str, int]]:
        return frozenset({("127.0.0.1", self.port)})


@pytest.fixture(scope="module")
def tls_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsServer]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed; cannot make a test certificate")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=news.example", "-addext", "subjectAltName=DNS:news.example"],
        check=True, capture_output=True, timeout=60,
    )
    handler = type("TlsHandler", (_Handler,), {"seen": []})
    httpd = _QuietServer(("127.0.0.1", 0), handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield TlsServer(port=httpd.server_address[1], cafile=str(cert))
    httpd.shutdown()
    httpd.server_close()


def test_https_with_trusted_certificate_loads(tls_server: TlsServer) -> None:
    policy = urlguard.FetchPolicy(timeout=3, allowed_endpoints=tls_server.endpoint, cafile=tls_server.cafile)
    result = fetch.fetch(f"https://news.example:{tls_server.port}/article", policy=policy)
    assert result.status == 200 and b"Lina Sorvik" in result.body


@pytest.mark.parametrize(
    ("url", "use_ca"),
    [
        pytest.param("https://news.example:{port}/article", False, id="untrusted-certificate"),
        pytest.param("https://127.0.0.1:{port}/article", True, id="name-mismatch-ip"),
    ],
)
def test_https_certificate_problems_refused(tls_server: TlsServer, url: str, use_ca: bool) -> None:
    policy = urlguard.FetchPolicy(
        timeout=3, allowed_endpoints=tls_server.endpoint, cafile=tls_server.cafile if use_ca else None
    )
    with pytest.raises(urlguard.FetchFailedError, match=r"certificate could not be verified"):
        fetch.fetch(url.format(port=tls_server.port), policy=policy)
