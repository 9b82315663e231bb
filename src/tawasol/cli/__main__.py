"""`python -m tawasol.cli` runs the same command as `tawasol`."""

from tawasol.cli import main

main()
