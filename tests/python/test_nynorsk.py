"""Nynorsk (issue #23): every output written for people that is in nynorsk so far, rendered in
nynorsk and read as a reader would, fails on a text in bokmål (the documented word list,
tests/common/bokmal_only_words.hpp), on an internal rule id in lay text, and on a page not
marked nynorsk. What the data itself holds (a table's dimension names, the respondents' own
comments) is the data's own language and is left out of the check."""

import html
import json
import pathlib
import re

import openpyxl
import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
PILOT = REPO / "examples" / "sandefjord_pilot"


def bokmal_only_words() -> set[str]:
    header = (REPO / "tests/common/bokmal_only_words.hpp").read_text(encoding="utf-8")
    return set(re.findall(r'"([^"]+)"', header.split("bokmal_only_words{", 1)[1].split("};", 1)[0]))


WORDS = bokmal_only_words()


def visible_text(page: str) -> str:
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def check(text: str, data: list[str] = ()) -> None:
    for own in sorted(data, key=len, reverse=True):  # the data's own words are not the library's
        text = re.sub(r"(?<!\w)" + re.escape(own) + r"(?!\w)", " ", text)
    found = [word for word in re.findall(r"[a-zæøåé]+", text.lower()) if word in WORDS]
    assert found == [], found
    assert "DOMAIN" not in text
    rule_id = re.search(r"(?<![-\w])[A-Z]\d{1,2}\b", text)  # "X4", not a half-year "2019-H2"
    assert rule_id is None, rule_id


def test_the_word_list_finds_bokmal():
    assert {"ikke", "hva", "hvordan", "fra", "være", "bare", "noen"} <= WORDS
    with pytest.raises(AssertionError):
        check("Vi vet ikke hva som skjer.")
    check("Vi veit ikkje kva som skjer.")


def test_the_evaluation_report_in_nynorsk(cli, tmp_path):
    report = tmp_path / "rapport.html"
    result = cli("evaluate", PILOT / "evaluation.csv", "--attendance", PILOT / "attendance.json", "--lang", "nn",
                 "--comments", "--html", report)
    assert result.returncode == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert '<html lang="nn">' in page
    comments = [c for course in json.loads(result.stdout)["courses"] for item in course["items"]
                for c in item.get("comments", [])]
    assert comments
    check(visible_text(page), comments)


def test_the_published_table_and_the_regions_report_in_nynorsk(cli, tmp_path):
    table = REPO / "examples/valdres_region/families_reached.json"
    result = cli("suppress", table, "--lang", "nn", "--html", tmp_path / "tabell.html")
    assert result.returncode == 0, result.stderr
    document = json.loads(table.read_text(encoding="utf-8"))
    names = [d["name"] for d in document["dimensions"]] + [v for d in document["dimensions"] for v in d["values"]]
    names += [label for d in document["dimensions"] for label in d.get("groups", {})]
    names += [d["total"] for d in document["dimensions"] if d.get("total")]
    page = (tmp_path / "tabell.html").read_text(encoding="utf-8")
    assert 'lang="nn"' in page
    check(visible_text(page), names)
    result = cli("region-report", REPO / "examples/valdres_region/courses", "--lang", "nn",
                 "--html", tmp_path / "region.html")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "region.html").read_text(encoding="utf-8")
    assert 'lang="nn"' in page
    check(visible_text(page), ["municipality", "period", "region", "valdres"])


@pytest.mark.parametrize("kind", ["waitlist", "attendance", "group"])
def test_the_templates_and_workbooks_in_nynorsk(cli, tmp_path, kind):
    path = tmp_path / f"{kind}.xlsx"
    assert cli("template", kind, path, "--lang", "nn").returncode == 0
    book = openpyxl.load_workbook(path)
    guide = book["Rettleiing"]
    texts = [str(v) for row in guide.iter_rows(values_only=True) for v in row[2:] if v is not None]
    texts += [str(guide["A1"].value)]
    for sheet in book.worksheets[:-1]:
        texts += [v.prompt for v in sheet.data_validations.dataValidation if v.prompt]
    # Column keys and the readers' values (mother, primary ...) are the layout's, not prose.
    check(" ".join(texts))
    result = cli("evaluate", PILOT / "evaluation.csv", "--lang", "nn", "--xlsx", tmp_path / "e.xlsx")
    assert result.returncode == 0, result.stderr
    about = openpyxl.load_workbook(tmp_path / "e.xlsx")["about"]
    check(" ".join(str(v) for row in about.iter_rows(values_only=True) for v in row if isinstance(v, str)),
          ["sandefjord-pilot"])


def test_a_region_writes_in_its_municipalities_written_standard(cli, tmp_path):
    import paarorende
    valdres = next(r for r in paarorende.builtin_regions() if r.id == "valdres")
    regions = json.loads(cli("regions").stdout)["regions"]
    municipalities = next(r for r in regions if r["id"] == "valdres")["municipalities"]
    assert {m["language"] for m in municipalities} == {"nn"}  # all six Valdres municipalities write nynorsk
    assert {m.language for m in valdres.municipalities} == {paarorende.Language.nn}
    courses = REPO / "examples/valdres_region/courses"
    for args, language in (((), "nn"), (("--lang", "nb"), "nb"), (("--lang", "en"), "en")):
        page = tmp_path / f"region-{language}.html"
        result = cli("region-report", courses, "--region", "valdres", "--html", page, *args)
        assert result.returncode == 0, result.stderr
        assert f'lang="{language}"' in page.read_text(encoding="utf-8")
    # Without a region, or with municipalities of both standards, bokmål unless asked.
    page = tmp_path / "plain.html"
    assert cli("region-report", courses, "--html", page).returncode == 0
    assert 'lang="nb"' in page.read_text(encoding="utf-8")
    mixed = json.loads(json.dumps(next(r for r in regions if r["id"] == "valdres")))
    mixed["municipalities"][0]["language"] = "nb"
    mixed_file = tmp_path / "mixed.json"
    mixed_file.write_text(json.dumps(mixed), encoding="utf-8")
    assert cli("region-report", courses, "--region", mixed_file, "--html", page).returncode == 0
    assert 'lang="nb"' in page.read_text(encoding="utf-8")


def calendar_texts(ics: str) -> str:
    """What a person reads in a calendar: SUMMARY, DESCRIPTION and the calendar's name, unfolded
    and unescaped (RFC 5545 3.1, 3.3.11)."""
    unfolded = ics.replace("\r\n ", "")
    texts = [line.split(":", 1)[1] for line in unfolded.split("\r\n")
             if line.startswith(("SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:"))]
    return "\n".join(texts).replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")


# Each plan's calendar in nynorsk: a course (--lang on the pilot's bokmål request, whose own
# presenters' names and venue are the data's), the Valdres course and Treffpunkt season (their
# documents say "language": "nn") and the family week.
@pytest.mark.parametrize("command,request_file,args,data", [
    ("plan", PILOT / "course.json", ("--lang", "nn"),
     ["Kursleder, Lærings- og mestringssenteret", "Sykepleier, barnepalliativt team", "Psykolog, familietjenesten",
      "Koordinator, tildelingskontoret", "Helsesykepleier, ungdomsskolen", "Vinterferie", "Juleferie"]),
    ("plan", REPO / "examples/valdres_groups/course.json", (), []),
    ("season", REPO / "examples/valdres_treffpunkt/season.json", (), []),
    ("family-week", REPO / "examples/family_week/request.json", ("--lang", "nn"), []),
])
def test_plans_calendars_in_nynorsk(cli, tmp_path, command, request_file, args, data):
    ics = tmp_path / "plan.ics"
    result = cli(command, request_file, "--ics", ics, *args)
    assert result.returncode in (0, 1), result.stderr  # a season's shortfall is a finding, not bad input
    assert json.loads(result.stdout)["request"]["language"] == "nn"
    text = ics.read_bytes().decode("utf-8")  # CRLF kept
    assert "//NN\r\n" in text
    request = json.loads(request_file.read_text(encoding="utf-8"))
    texts = calendar_texts(text)
    check(texts, data + [request["title"], request.get("venue", {}).get("name", ""),
                         request.get("venue", {}).get("address", "")])
    assert re.search(r": (samling|treff|dag) ", texts) or ", dag " in texts


def test_the_same_plan_in_bokmal_has_bokmal_words(cli, tmp_path):
    """The check above can fail: the pilot's calendar in bokmål is caught by it."""
    ics = tmp_path / "plan.ics"
    assert cli("plan", PILOT / "course.json", "--ics", ics).returncode == 0
    with pytest.raises(AssertionError):
        check(calendar_texts(ics.read_bytes().decode("utf-8")))


def test_an_unknown_language_is_a_usage_error(cli, tmp_path):
    result = cli("plan", PILOT / "course.json", "--lang", "se")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "--lang expects nb, nn or en" in result.stderr


TREFFPUNKT = REPO / "examples" / "valdres_treffpunkt"


def test_the_public_season_plan_in_nynorsk(cli, tmp_path):
    calendar = tmp_path / "treff.ics"
    result = cli("season", TREFFPUNKT / "season_from_enrolments.json", "--public", "--lang", "nn", "--ics", calendar)
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    assert plan["language"] == "nn"
    labels = [group["label"] for meeting in plan["meetings"] for group in meeting["groups"]]
    assert labels and all(label.endswith(" barn") for label in labels)
    lines = calendar.read_text(encoding="utf-8").splitlines()
    texts = [line.split(":", 1)[1] for line in lines if line.startswith(("SUMMARY", "DESCRIPTION"))]
    # The season's own title is the municipality's data, not the library's text.
    check(" ".join(labels + texts).replace("\\n", " "), [plan["title"]])


def test_the_childrens_evaluation_forms_in_nynorsk():
    import paarorende
    for band in paarorende.children_evaluation_forms():
        texts = [band.form.title.nn] + [item.text.nn for item in band.form.items]
        texts += [label.label.nn for item in band.form.items for label in item.labels]
        assert all(texts)
        check(" ".join(texts))

def test_the_season_programme_in_nynorsk(cli, tmp_path):
    example = REPO / "examples/sandefjord_autumn/programme.json"
    result = cli("programme", example, "--lang", "nn", "--html", tmp_path / "program.html",
                 "--xlsx", tmp_path / "program.xlsx")
    assert result.returncode == 0, result.stderr
    plan = json.loads(result.stdout)
    document = json.loads(example.read_text(encoding="utf-8"))
    # The data's own words: titles, ids, names and the school calendar's holidays.
    data = [o["title"] for o in plan["offers"]] + [o["id"] for o in plan["offers"]]
    data += [p["name"] for p in document["presenters"]] + [p["id"] for p in document["presenters"]]
    data += [v["name"] for v in document["venues"]] + [v["id"] for v in document["venues"]]
    data += [s["name"] for s in document["schools"]] + [s["id"] for s in document["schools"]]
    data += [r["message"] for u in plan["unused_dates"] for r in u["reasons"] if r["kind"] == "closed"]
    page = (tmp_path / "program.html").read_text(encoding="utf-8")
    assert '<html lang="nn">' in page
    check(visible_text(page), data)
    book = openpyxl.load_workbook(tmp_path / "program.xlsx")
    assert book.sheetnames == ["Samlingar", "Ubrukte datoar", "Belastning", "Kostnader"]
    texts = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for v in row
             if isinstance(v, str)]
    check(" ".join(texts), data)


def test_a_programme_writes_in_its_documents_language(cli, tmp_path):
    """The Valdres season says "language": "nn": the courses' default titles (the format's name and
    the group) and the overview are nynorsk without --lang."""
    result = cli("programme", REPO / "examples/valdres_season/programme.json", "--html", tmp_path / "p.html")
    assert result.returncode in (0, 1), result.stderr
    plan = json.loads(result.stdout)
    titles = [offer["title"] for offer in plan["offers"] if offer["kind"] == "parents_course"]
    assert titles and all(title.startswith("Meistringskurs for foreldre (") for title in titles)
    assert '<html lang="nn">' in (tmp_path / "p.html").read_text(encoding="utf-8")
