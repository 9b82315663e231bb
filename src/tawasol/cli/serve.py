"""`tawasol serve` and `tawasol demo`."""

from __future__ import annotations

import typer

from tawasol.config import get_settings


def serve(
    host: str = typer.Option(None, help="Address to bind (default TAWASOL_HOST or 127.0.0.1)."),
    port: int = typer.Option(None, help="Port (default TAWASOL_PORT or 8000)."),
) -> None:
    """Serve the API, WebSockets and web pages (migrates the database first)."""
    import uvicorn

    from tawasol.api import create_app

    s = get_settings()
    uvicorn.run(create_app(), host=host or s.host, port=port or s.port, log_level=s.log_level)


def demo(
    seed_only: bool = typer.Option(False, "--seed-only", help="Seed the demo data and exit without serving."),
    host: str = typer.Option(None, help="Address to bind."),
    port: int = typer.Option(None, help="Port."),
    backend_port: int = typer.Option(None, "--backend-port", min=0, max=65535,
                                     help="Port of the demo back end the flows call (default 8765, or a free one "
                                          "if taken; 0: any free port). A port given and taken is an error."),
) -> None:
    """Create the demo tenant `atlas-telecom` (once) and serve it."""
    from tawasol.demo.seed import DEMO_PASSWORD, TENANT, seed_demo
    from tawasol.service.bootstrap import bootstrap

    s = get_settings()
    platform = bootstrap(s)
    logins = seed_demo(platform.uow, platform.contacts)
    h, p = host or s.host, port or s.port
    base = f"http://{h}:{p}"
    typer.echo(f"Demo tenant {TENANT} is ready in {s.effective_database_url}")
    typer.echo(f"  API docs:        {base}/docs   (OpenAPI: {base}/openapi.json)")
    typer.echo(f"  Chat widget:     {base}/static/widget.html?tenant={TENANT}")
    typer.echo(f"  Agent console:   {base}/static/console.html")
    typer.echo(f"  Supervisor view: {base}/static/supervisor.html")
    typer.echo(f"  Logins (password {DEMO_PASSWORD}):")
    for login in logins:
        typer.echo(f"    {login.role:<10} {login.email:<34} {', '.join(login.languages)}")
    if seed_only:
        platform.engine.dispose()
        return
    import uvicorn

    from tawasol.api import create_app
    from tawasol.demo.backend import DemoBackend
    from tawasol.demo.seed import DEMO_BACKEND_PORT, use_backend

    if backend_port is not None:
        try:
            backend = DemoBackend(port=backend_port).start()
        except OSError as exc:
            typer.echo(f"error: the demo back end cannot listen on port {backend_port}: {exc.strerror}", err=True)
            platform.engine.dispose()
            raise typer.Exit(2) from None
    else:
        try:
            backend = DemoBackend(port=DEMO_BACKEND_PORT).start()
        except OSError:  # the port is taken: any free one will do
            backend = DemoBackend(port=0).start()
    use_backend(platform.uow, backend.url)
    typer.echo(f"  Demo back end of the tenant's systems (flows call it): {backend.url}")
    try:
        uvicorn.run(create_app(platform), host=h, port=p, log_level=s.log_level)
    finally:
        backend.stop()
