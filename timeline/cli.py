"""Commands over stories: validate, export, examples, extract. A thin layer over
timeline.formats; export formats other packages write come through timeline.registry."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import registry
from .errors import StoryFormatError, StoryNotFoundError
from .formats import FORMATS, LoadResult, bundled_stories, dump, load



class _FormatsOption(click.Option):
    """``--to``: its help lists the formats of this installation's composition (the
    story formats, then every registered exporter), read when the help is shown."""

    def get_help_record(self, ctx):
        self.help = (f"{', '.join(FORMATS)}, and where installed: "
                     f"{', '.join(registry.exporter_names())}.")
        return super().get_help_record(ctx)


def load_or_exit(source: str, *, skip_invalid: bool) -> LoadResult:
    """Load a story for a command; on problems print every one and exit 1."""
    try:
        result = load(source, skip_invalid=skip_invalid)
    except StoryNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    except StoryFormatError as exc:
        click.echo(str(exc), err=True)
        if not skip_invalid:
            click.echo("Fix these, or use --skip-invalid to load the valid events.", err=True)
        sys.exit(1)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    for problem in result.skipped:
        click.echo(f"skipped: {problem}", err=True)
    if result.skipped:
        click.echo(f"{len(result.skipped)} problem(s); the entries they concern were skipped.",
                   err=True)
    return result


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("files", nargs=-1, required=True)
def validate(files: tuple[str, ...]) -> None:
    """Check story files (YAML, JSON, TimelineJS JSON, StoryMapJS JSON, CSV) and list every problem.

    Exits 0 when every file is valid, 1 otherwise.
    """
    failed = False
    for name in files:
        try:
            result = load(name)
        except (StoryFormatError, StoryNotFoundError) as exc:
            failed = True
            click.echo(str(exc), err=True)
            continue
        story = result.story
        for note in result.notes:
            click.echo(f"{name}: note: {note}", err=True)
        click.echo(f"{name}: valid: {len(story.events)} events "
                   f"({len(story.undated_events)} undated), {len(story.eras)} eras")
    sys.exit(1 if failed else 0)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("story")
@click.option("--to", "fmt", cls=_FormatsOption, required=True, metavar="FORMAT")
@click.option("-o", "--output", type=click.Path(dir_okay=True, path_type=Path),
              help="File (or folder, for 'site') to write; stdout when omitted.")
@click.option("--skip-invalid", is_flag=True, help="Load the valid events and list what was skipped.")
def export(story: str, fmt: str, output: Path | None, skip_invalid: bool) -> None:
    """Write STORY (a file or a bundled story's name) in another format."""
    loaded = load_or_exit(story, skip_invalid=skip_invalid).story
    write_story(loaded, fmt, output)


def export_formats() -> list[str]:
    """Every format ``write_story`` can write on this installation."""
    return list(FORMATS) + registry.available()


def write_story(story, fmt: str, output: Path | None) -> None:
    """Write ``story`` as ``fmt`` to ``output`` (stdout when None); any command that ends
    in a story (export, archive query) writes it through here."""
    if fmt in FORMATS:
        text = dump(story, fmt)
        if output is None:
            click.echo(text, nl=False)
        else:
            output.write_text(text, encoding="utf-8")
        return
    writer = registry.exporter(fmt)
    if writer is None:
        raise click.BadParameter(
            f"{fmt!r} is not available; choose one of {', '.join(export_formats())}",
            param_hint="--to")
    writer(story, output)


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
def examples() -> None:
    """List the stories bundled with chronoatlas (use a name wherever a STORY is asked)."""
    for name, title in bundled_stories().items():
        click.echo(f"{name}\t{title}")


@click.command(context_settings={"help_option_names": ["-h", "--help"]})
@click.argument("article")
@click.option("--published", metavar="YYYY-MM-DD",
              help="The article's date: 'next week' and 'last year' resolve against it.")
@click.option("--title", help="The story's title (default: the article's headline line).")
@click.option("--byline", help="The story's byline (default: a byline line, if any).")
@click.option("--to", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write; stdout when omitted.")
def extract(article: str, published: str | None, title: str | None, byline: str | None,
            fmt: str, output: Path | None) -> None:
    """Draft a story from ARTICLE (a text or HTML file, or - for stdin).

    Every clause with a date becomes a candidate event with its places, a confidence
    and the character offsets of its source; statements without a date are listed as
    undated events. Review the draft, then `chronoatlas serve` or `export` it.
    """
    from .dates import DateError, parse_date
    from .extract import ArticleError, extract as run_extract

    date = None
    if published:
        try:
            date = parse_date(published)
        except DateError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from None
    if article == "-":
        raw = sys.stdin.buffer.read(50 * 1024 * 1024 + 1)
    else:
        path = Path(article)
        if not path.is_file():
            raise click.ClickException(f"{article}: no such file")
        raw = path.read_bytes()
    try:
        result = run_extract(raw, published=date, title=title, byline=byline)
    except ArticleError as exc:
        raise click.ClickException(f"{article}: {exc}") from None
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    story = result.story
    if not story.slug:
        from dataclasses import replace
        from .model import slugify
        story = replace(story, slug=slugify(Path(article).stem if article != "-" else story.title))
    text = dump(story, fmt)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"{output}: {len(story.dated_events)} dated and "
                   f"{len(story.undated_events)} undated events", err=True)
