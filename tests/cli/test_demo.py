"""`tawasol demo --backend-port`: the demo back end's port is chosen; a port given and taken is one clear
line and exit code 2 (the server is not started)."""

from __future__ import annotations

import socket

from tests.cli.test_core_cli import env, run  # noqa: F401  (env is a fixture)


def test_a_taken_backend_port_is_refused_with_one_line(env) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out = run("demo", "--backend-port", str(port))
    assert code == 2, out
    assert f"cannot listen on port {port}" in out
    assert "Traceback" not in out


def test_backend_port_is_in_the_help() -> None:
    code, out = run("demo", "--help")
    assert code == 0 and "--backend-port" in out
