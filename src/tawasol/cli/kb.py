"""`tawasol kb` commands: import, search and evaluate a tenant's knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from tawasol.domain.errors import DomainError, InvalidInput

app = typer.Typer(help="Knowledge base: import articles, search, evaluate retrieval.", no_args_is_help=True)


def _uow():  # type: ignore[no-untyped-def]
    from tawasol.config import get_settings
    from tawasol.store import UnitOfWork, make_engine, make_session_factory, start_mappers, upgrade

    url = get_settings().effective_database_url
    upgrade(url)
    start_mappers()
    return UnitOfWork(make_session_factory(make_engine(url)))


def _fail(exc: DomainError) -> None:
    typer.echo(f"error: {exc}", err=True)
    raise typer.Exit(1)


@app.command("import")
def import_(path: Path = typer.Argument(..., help="Folder of Markdown files, or a .md/.csv/.json file."),
            tenant: str = typer.Option(..., "--tenant", help="Tenant slug."),
            create_tenant: bool = typer.Option(False, "--create-tenant", help="Create the tenant if missing.")) -> None:
    """Insert or update the tenant's articles from PATH."""
    from tawasol.service.knowledge import import_articles

    try:
        r = import_articles(_uow(), tenant, path, create_tenant=create_tenant)
    except DomainError as exc:
        _fail(exc)
        return
    typer.echo(f"{tenant}: {len(r.keys)} articles, {r.created} variants created, {r.updated} updated, "
               f"{r.unchanged} unchanged")


@app.command("search")
def search(query: str = typer.Argument(...), tenant: str = typer.Option(..., "--tenant"),
           k: int = typer.Option(5, "-k", help="How many results."),
           language: str = typer.Option(None, "--language", help="Answer language (default: guessed)."),
           as_json: bool = typer.Option(False, "--json")) -> None:
    """Rank the tenant's articles for QUERY."""
    from tawasol.service.knowledge import search as run

    try:
        hits = run(_uow(), tenant, query, k=k, language=language)
    except DomainError as exc:
        _fail(exc)
        return
    if as_json:
        typer.echo(json.dumps(hits, ensure_ascii=False, indent=2))
        return
    if not hits:
        typer.echo("no match")
    for h in hits:
        typer.echo(f"{h['rank']}. {h['article_key']}  score={h['score']:.2f}  confidence={h['confidence']:.2f}  "
                   f"[{h['language']}] {h['title']}")


@app.command("eval")
def eval_(tenant: str = typer.Option(..., "--tenant"),
          questions: list[Path] = typer.Option(..., "--questions",
                                               help="CSV: question,article_id[,language]; empty article_id: "
                                                    "unanswerable. Repeat to pool several files."),
          as_json: bool = typer.Option(False, "--json"),
          show_misses: bool = typer.Option(False, "--misses", help="List the questions not ranked first."),
          retrieval_only: bool = typer.Option(False, "--retrieval-only",
                                              help="Rank without the NLU intent the bot also uses."),
          dense: bool = typer.Option(None, "--dense/--no-dense",
                                     help="Force dense retrieval on or off (default: the tenant's settings)."),
          fit: bool = typer.Option(False, "--fit", help="Also fit the answer decision's weights on these questions "
                                                        "(print them for the tenant's bot.answer_weights)."),
          e2e: bool = typer.Option(False, "--e2e", help="Beside each row: the questions after the privacy step as "
                                                        "served, and the redacted questions.")) -> None:
    """recall@1, recall@5 and MRR, overall and per language (ranked as the bot ranks), with the bot's answer
    rate; rows with an empty article_id are unanswerable questions: their false-answer rate is the share the
    bot would answer anyway."""
    from tawasol.config import get_settings
    from tawasol.service.knowledge import evaluate_questions

    model_dir = None if retrieval_only else get_settings().effective_model_dir
    try:
        evaluation = evaluate_questions(_uow(), tenant, list(questions), model_dir, dense=dense)
    except DomainError as exc:
        _fail(exc)
        return
    report = evaluation.as_dict()
    if e2e:
        from tawasol.bench.e2e import kb_view_reports, served_privacy

        def run(paths: list[Path]) -> dict:  # type: ignore[type-arg]
            return evaluate_questions(_uow(), tenant, paths, model_dir, dense=dense).as_dict()

        try:
            report["e2e"] = kb_view_reports(list(questions), served_privacy(), run)
        except DomainError as exc:
            _fail(exc)
            return
    if fit:
        from tawasol.bot.decision import fit_answer_weights

        features, labels = zip(*evaluation.decisions, strict=True) if evaluation.decisions else ((), ())
        if len(set(labels)) < 2:
            _fail(InvalidInput("questions", "fitting needs questions the first article answers and others"))
        report["answer_weights"] = fit_answer_weights(features, labels)
    if as_json:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
        return
    width = 27 if e2e else 10
    typer.echo(f"{'language':<{width}} {'n':>4} {'recall@1':>9} {'recall@5':>9} {'MRR':>7} {'answered':>9} "
               f"{'n_unans':>8} {'false_ans':>10}")
    views = [("", report)] + [(f" {v}", r) for v, r in (report.get("e2e") or {}).get("views", {}).items()]
    for lang in list(report["by_language"]) + ["overall"]:  # type: ignore[arg-type]
        for suffix, rep in views:
            s = rep["overall"] if lang == "overall" else rep["by_language"].get(lang)
            if s is None:
                continue
            name = f"{lang}{suffix}"
            typer.echo(f"{name:<{width}} {s['n']:>4} {_cell(s, 'recall@1', 9)} {_cell(s, 'recall@5', 9)} "
                       f"{_cell(s, 'mrr', 7)} {_cell(s, 'answer_rate', 9)} {s.get('n_unanswerable', 0):>8} "
                       f"{_cell(s, 'false_answer_rate', 10)}")
    if "e2e" in report:
        e = report["e2e"]
        typer.echo(f"changed by redaction: {e['n_changed']} of {e['n']} questions "
                   f"({100 * e['changed_by_redaction']:.1f} %)")
        for ex in e["changed_examples"]:
            typer.echo(f"  {ex['raw']} -> {ex['redacted']}")
    if fit:
        typer.echo("answer_weights: " + json.dumps(report["answer_weights"]))
    if show_misses:
        for m in report["misses"]:  # type: ignore[union-attr]
            if m["expected"]:
                typer.echo(f"  [{m['language']}] {m['question']} -> expected {m['expected']}, got {m['got']} "
                           f"(rank {m['rank']})")
            else:
                typer.echo(f"  [{m['language']}] {m['question']} -> unanswerable, answered with {m['got']}")


def _cell(scores: dict[str, float], key: str, width: int) -> str:
    return f"{scores[key]:>{width}.3f}" if key in scores else f"{'-':>{width}}"
