"""User imports: custom CSV and GeoNames dumps, with every broken line located."""
from __future__ import annotations

import pytest
from click.testing import CliRunner

from gazetteer import ImportFileError, default_gazetteer, reset_default_gazetteer
from gazetteer.imports import parse_csv, parse_geonames

GEONAMES_LINE = ("9990001\tZarnovicka Hollow\tZarnovicka Hollow\tZarnovitska,Zarnovicka Dol\t"
                 "48.48\t18.72\tP\tPPL\tSK\t\t06\t\t\t\t1200\t\t300\tEurope/Bratislava\t2024-01-01")


def _fresh():
    reset_default_gazetteer()
    return default_gazetteer()


def test_csv_import_adds_places(tmp_path):
    from gazetteer.cli import gazetteer_group

    f = tmp_path / "newsroom.csv"
    f.write_text("name,lat,lon,kind,aliases,country\n"
                 "Camp Qwillerby,47.71,118.52,battlefield,Qwillerby Ridge;Hill 752,MN\n"
                 "Blorvik Ferry,64.1,-21.9,landmark,,IS\n", encoding="utf-8")
    result = CliRunner().invoke(gazetteer_group, ["import", str(f)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "imported 2 places" in result.output
    gaz = _fresh()
    r = gaz.resolve("Qwillerby Ridge")
    assert r.status == "resolved"
    assert (r.best.name, r.best.kind, r.best.country) == ("Camp Qwillerby", "battlefield", "MN")
    assert r.best.id.startswith("user:newsroom:") and r.best.geonameid is None
    assert gaz.resolve("Moscow").best.country == "RU"  # the rest of the index is intact
    assert "newsroom.jsonl" in gaz.stats()["meta"]["imports"]


def test_broken_csv_reports_every_problem(tmp_path):
    f = tmp_path / "broken.csv"
    f.write_text("name,lat,lon,kind\n"
                 "Good Place,10,20,city\n"
                 ",10,20,city\n"
                 "Far North,95,20,city\n"
                 "Nowhere,abc,200,city\n"
                 "Loud,1,2,City Of Dreams\n", encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        parse_csv(f, import_name="broken")
    got = [(p.line, p.field, p.found) for p in info.value.problems]
    assert got == [(3, "name", ""), (4, "lat", "95"), (5, "lat", "abc"), (5, "lon", "200"),
                   (6, "kind", "City Of Dreams")]
    assert isinstance(info.value, ValueError)
    assert "broken.csv:4: field 'lat': found '95', expected a number from -90 to 90" in str(info.value)


def test_csv_without_required_columns(tmp_path):
    f = tmp_path / "nohead.csv"
    f.write_text("title,x,y\nA,1,2\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="expected columns name, lat, lon"):
        parse_csv(f, import_name="nohead")


def test_broken_import_via_cli_exits_nonzero_and_imports_nothing(tmp_path):
    from gazetteer.cli import gazetteer_group

    f = tmp_path / "bad.csv"
    f.write_text("name,lat,lon\nZyxwv Point,north,10\n", encoding="utf-8")
    result = CliRunner().invoke(gazetteer_group, ["import", str(f)])
    assert result.exit_code == 1
    assert "bad.csv:2: field 'lat'" in result.stderr
    assert _fresh().resolve("Zyxwv Point").status == "unresolved"


def test_geonames_dump_with_alternate_names(tmp_path):
    dump = tmp_path / "cities-extra.txt"
    dump.write_text(GEONAMES_LINE + "\n", encoding="utf-8")
    alt = tmp_path / "alternateNamesV2.txt"
    alt.write_text("1\t9990001\tde\tSarnowitzer Grund\t\t\t\t\t\t\n"
                   "2\t9990001\tlink\thttps://example.org/x\t\t\t\t\t\t\n", encoding="utf-8")
    records = parse_geonames(dump, alternate_names=alt)
    (rec,) = records
    assert rec["ref"] == "geonames:9990001" and rec["kind"] == "city" and rec["country"] == "SK"
    names = [n for n, _ in rec["names"]]
    assert "Sarnowitzer Grund" in names and "https://example.org/x" not in names

    from gazetteer.imports import import_file

    summary = import_file(dump, alternate_names=alt)
    assert summary["places"] == 1
    r = _fresh().resolve("Sarnowitzer Grund")
    assert r.status == "resolved" and r.best.geonameid == 9990001


def test_broken_geonames_lines_are_located(tmp_path):
    dump = tmp_path / "allCountries.txt"
    bad_lat = GEONAMES_LINE.replace("\t48.48\t", "\t148.48\t")
    bad_id = GEONAMES_LINE.replace("9990001", "x1", 1)
    dump.write_text("\n".join([GEONAMES_LINE, bad_lat, "too\tfew\tcolumns", bad_id]) + "\n",
                    encoding="utf-8")
    with pytest.raises(ImportFileError) as info:
        parse_geonames(dump)
    got = [(p.file, p.line, p.field) for p in info.value.problems]
    assert got == [("allCountries.txt", 2, "latitude"), ("allCountries.txt", 3, "(columns)"),
                   ("allCountries.txt", 4, "geonameid")]
