"""Size and type figures of the source tree, for the before/after note of a redesign (issue 14).

    .venv/bin/python benchmarks/code_metrics.py            # all figures (mypy takes a minute or two)
    .venv/bin/python benchmarks/code_metrics.py --no-mypy  # sizes and duplicates only
    .venv/bin/python benchmarks/code_metrics.py --json

Reports: modules over 300 lines, functions (and methods) over 60 lines, `mypy --strict` errors per package
(each package checked on its own, imports followed silently as in `make lint`), and the number of pairs the
`duplicates` tool finds in `src` (places sharing six or more lines).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "tawasol"


@dataclass
class Metrics:
    modules_over: list[tuple[str, int]] = field(default_factory=list)
    functions_over: list[tuple[str, int]] = field(default_factory=list)
    mypy_errors: dict[str, int] = field(default_factory=dict)
    duplicate_pairs: int | None = None


def python_files() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.py") if "__pycache__" not in p.parts)


def long_modules(files: list[Path], limit: int) -> list[tuple[str, int]]:
    out = []
    for p in files:
        n = len(p.read_text(encoding="utf-8").splitlines())
        if n > limit:
            out.append((str(p.relative_to(SRC.parent)), n))
    return sorted(out, key=lambda r: -r[1])


def long_functions(files: list[Path], limit: int) -> list[tuple[str, int]]:
    out = []
    for p in files:
        tree = ast.parse(p.read_text(encoding="utf-8"), filename=str(p))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno is not None:
                n = node.end_lineno - node.lineno + 1
                if n > limit:
                    out.append((f"{p.relative_to(SRC.parent)}:{node.lineno} {node.name}", n))
    return sorted(out, key=lambda r: -r[1])


def packages() -> list[str]:
    return sorted(p.name for p in SRC.iterdir() if p.is_dir() and (p / "__init__.py").exists())


def mypy_errors(pkgs: list[str]) -> dict[str, int]:
    mypy = shutil.which("mypy", path=str(Path(sys.executable).parent)) or "mypy"
    counts = {}
    for pkg in pkgs:
        proc = subprocess.run([mypy, f"src/tawasol/{pkg}"], cwd=ROOT, capture_output=True, text=True)
        found = re.search(r"Found (\d+) errors?", proc.stdout)
        counts[pkg] = int(found.group(1)) if found else 0
    return counts


def duplicate_pairs() -> int | None:
    tool = shutil.which("duplicates")
    if tool is None:
        return None
    proc = subprocess.run([tool, "--repo", str(SRC.parent), "--seconds", "120"], capture_output=True, text=True)
    found = re.search(r"(\d+) pairs?", proc.stdout)
    return int(found.group(1)) if found else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-mypy", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--module-lines", type=int, default=300)
    ap.add_argument("--function-lines", type=int, default=60)
    args = ap.parse_args(argv)
    files = python_files()
    m = Metrics(long_modules(files, args.module_lines), long_functions(files, args.function_lines))
    if not args.no_mypy:
        m.mypy_errors = mypy_errors(packages())
    m.duplicate_pairs = duplicate_pairs()
    if args.json:
        print(json.dumps(asdict(m), indent=1))
        return 0
    print(f"modules over {args.module_lines} lines: {len(m.modules_over)}")
    for name, n in m.modules_over:
        print(f"  {n:5d} {name}")
    print(f"functions over {args.function_lines} lines: {len(m.functions_over)}")
    for name, n in m.functions_over:
        print(f"  {n:5d} {name}")
    if m.mypy_errors:
        print(
            f"mypy --strict errors: {sum(m.mypy_errors.values())} "
            + " ".join(f"{k}={v}" for k, v in m.mypy_errors.items())
        )
    print(f"duplicates pairs (src): {m.duplicate_pairs}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
