"""The typer application; each command module registers itself on it.

Two things every command shares are settled here:

- a mistake on the command line (an unknown option, a value that is not one of the
  choices, a missing argument) is one line, ``error: --format: 'pdf' is not one of
  'text', 'json'.``, and exit code 2, like every other input error;
- help reads as text: options show their ``METAVAR`` or, failing one, the kind of value
  (``TEXT``, ``INTEGER``, ``[text|json]``), flags show nothing, and arguments are named
  as in the usage line.
"""

from __future__ import annotations

import re
import sys
from typing import Annotated

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption


def _one_line(e: typer.TyperException) -> str:
    """A command-line mistake as one line, named by its option."""
    param = getattr(e, "param", None)
    bad_value = (param is not None and hasattr(e, "param_hint")
                 and type(e).__name__ != "MissingParameter")
    message = re.sub(r"^Value error, ", "", e.message if bad_value else e.format_message())
    if bad_value and param is not None:
        names = [*getattr(param, "opts", [])]
        where = max(names, key=len) if names and names[0].startswith("-") else (
            param.metavar or param.name)
        message = f"{where}: {message}"
    return " ".join(message.split())


class AssayGroup(TyperGroup):
    """The command group: command-line mistakes as one line and exit code 2."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except typer.TyperException as e:  # the command line's mistakes (click's kinds)
            from .common import err_console

            if type(e).__name__ == "NoArgsIsHelpError":  # a command given nothing: its help
                print(e.format_message())
                sys.exit(getattr(e, "exit_code", 2))
            ctx = getattr(e, "ctx", None)
            hint = f" (see {ctx.command_path} -h)" if ctx is not None else ""
            err_console.print("[red]error[/red]: ", end="", highlight=False)
            err_console.print(_one_line(e) + hint, markup=False, highlight=False,
                              soft_wrap=True)
            sys.exit(getattr(e, "exit_code", 2))
        except typer.Abort:
            print("Aborted!", file=sys.stderr)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _kind(param, ctx) -> str | None:
    """What an option takes, as help shows it: its metavar, else the kind of value."""
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return None
    if param.metavar is not None:
        return param.metavar
    shown = TyperOption.display_type(param, ctx).strip("<>")
    if "|" in shown:
        return f"[{shown.removeprefix('list[').removesuffix(']')}]"
    plain = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "int range": "INTEGER",
             "float range": "NUMBER", "bool": None, "list[str]": "TEXT", "path": "PATH"}
    return plain.get(shown, shown.upper())


TyperOption.display_type_rich = _kind
TyperArgument.display_type_rich = lambda self, ctx: None
def _usage_name(self) -> str:
    """An argument as the usage line names it: ``FILE``, ``[FILE]``, ``FILE...``."""
    name = self.display_name_raw + ("..." if self.metavar is None and self.nargs != 1 else "")
    return name if self.required else f"[{name}]"


TyperArgument._usage_display_name = _usage_name


app = typer.Typer(
    name="assay",
    cls=AssayGroup,
    rich_markup_mode=None,
    help="Read, audit, recompute and write the quarterly reports of metal miners.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _print_version(value: bool) -> None:
    if value:
        from assay import __version__

        typer.echo(f"assay {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_print_version,
                                          is_eager=True, help="Print the version.")] = False,
) -> None:
    """Read, audit, recompute and write the quarterly reports of metal miners."""
