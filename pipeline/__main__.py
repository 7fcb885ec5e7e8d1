"""`python -m pipeline ...` is `karriere ...`."""

from .cli import app

app(prog_name="karriere")
