"""A real WebDAV server for the tests: WsgiDAV on cheroot, on 127.0.0.1 only.

Run as
``python davserver.py ROOT PORTFILE [--quota BYTES] [--stall MARKER] [--tls CERT KEY]``.
It writes the port it listens on into PORTFILE, accepts two logins (``vrijwilliger``/``geheim-1``
and ``coordinator``/``geheim-2``), answers 507 to a PUT that would take the folder over
``--quota`` bytes, and with ``--stall`` reads half of a PUT body whose path contains MARKER,
touches ``PORTFILE.stalled`` and waits (so a test can kill the server mid-upload). With
``--tls`` it speaks HTTPS with that certificate.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

USERS = {"vrijwilliger": {"password": "geheim-1"}, "coordinator": {"password": "geheim-2"}}


def _folder_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def main() -> None:
    from cheroot import wsgi
    from wsgidav.wsgidav_app import WsgiDAVApp

    root, port_file = Path(sys.argv[1]), Path(sys.argv[2])
    args = sys.argv[3:]
    quota = int(args[args.index("--quota") + 1]) if "--quota" in args else None
    stall = args[args.index("--stall") + 1] if "--stall" in args else None
    tls = args[args.index("--tls") + 1 : args.index("--tls") + 3] if "--tls" in args else None
    root.mkdir(parents=True, exist_ok=True)
    config = {
        "provider_mapping": {"/": str(root)},
        "simple_dc": {"user_mapping": {"*": USERS}},
        "http_authenticator": {
            "domain_controller": None,
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
        },
        "verbose": 0,
        "logging": {"enable": False},
        "property_manager": True,
        "lock_storage": True,
    }
    dav = WsgiDAVApp(config)

    def app(environ, start_response):  # type: ignore[no-untyped-def]
        if environ["REQUEST_METHOD"] == "PUT":
            length = int(environ.get("CONTENT_LENGTH") or 0)
            if quota is not None and _folder_size(root) + length > quota:
                start_response("507 Insufficient Storage", [("Content-Length", "0")])
                return [b""]
            if stall and stall in environ.get("PATH_INFO", ""):
                environ["wsgi.input"].read(max(length // 2, 1))
                Path(str(port_file) + ".stalled").touch()
                time.sleep(600)
        return dav(environ, start_response)

    server = wsgi.Server(("127.0.0.1", 0), app, numthreads=16, request_queue_size=64)
    if tls:
        from cheroot.ssl.builtin import BuiltinSSLAdapter

        server.ssl_adapter = BuiltinSSLAdapter(tls[0], tls[1])
    server.prepare()
    port_file.write_text(str(server.bind_addr[1]))
    try:
        server.serve()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
