"""Linked-table suppression (DOMAIN X4, V1; issue #21), checked from outside the library.

The audit here is written apart from the C++ one: the unknowns are the interior cells (not every
cell of the lattice), each published cell is the sum of its box of interior cells, each hidden cell
is at least 1 (true zeros are never hidden), and scipy's `milp` finds each small hidden cell's least
and greatest value. No small cell may come out narrower than the threshold.
"""

from __future__ import annotations

import itertools
import json
import random

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

import paarorende


def random_table(seed: int, shape: tuple[int, ...], *, groups: bool, sums: bool) -> dict:
    rng = random.Random(seed)
    dimensions = []
    for d, size in enumerate(shape):
        values = [f"v{d}{i}" for i in range(size)]
        dimension = {"name": f"d{d}", "values": values, "total": f"all{d}"}
        if groups and d == 0 and size >= 3:
            dimension["groups"] = {"g_first": values[:2], "g_rest": values[2:]}
        dimensions.append(dimension)
    cells = []
    for key in itertools.product(*(dimension["values"] for dimension in dimensions)):
        count = rng.choice([0, 0, 1, 2, 3, 4, 4, 6, 8, 11, 15, 20, 27])
        cell = {dimension["name"]: value for dimension, value in zip(dimensions, key)}
        cell["count"] = count
        if sums:
            cell["sum"] = float(sum(rng.randint(1, 5) for _ in range(count)))
        cells.append(cell)
    return {"threshold": 5, "dimensions": dimensions, "cells": cells}


def box(dimension: dict, label: str) -> list[str]:
    """The values a label covers: itself, a group's members or all."""
    if label == dimension["total"]:
        return dimension["values"]
    return dimension.get("groups", {}).get(label, [label])


def independent_audit(document: dict, published: list[dict]) -> list[tuple[dict, float, float]]:
    """(cell, least, greatest) of every hidden cell whose true count is 1 to threshold - 1."""
    dimensions = document["dimensions"]
    names = [d["name"] for d in dimensions]
    interior = list(itertools.product(*(d["values"] for d in dimensions)))
    column = {key: i for i, key in enumerate(interior)}
    truth = {tuple(c[n] for n in names): c["count"] for c in document["cells"]}
    rows, lower, upper, hidden_small = [], [], [], []
    for cell in published:
        members = [column[key] for key in itertools.product(
            *(box(d, cell[d["name"]]) for d in dimensions))]
        row = np.zeros(len(interior))
        row[members] = 1
        true_count = sum(truth.get(interior[i], 0) for i in members)
        if cell["count"] is None:
            rows.append(row), lower.append(1), upper.append(np.inf)
            if 1 <= true_count < document["threshold"]:
                hidden_small.append((cell, row))
        else:
            assert cell["count"] == true_count, cell
            rows.append(row), lower.append(true_count), upper.append(true_count)
    constraint = LinearConstraint(np.array(rows), lower, upper)
    integrality = np.ones(len(interior))
    found = []
    for cell, objective in hidden_small:
        least = milp(objective, constraints=constraint, integrality=integrality, bounds=Bounds(0, np.inf))
        greatest = milp(-objective, constraints=constraint, integrality=integrality,
                        bounds=Bounds(0, np.inf))
        assert least.status == 0, least.message
        if greatest.status != 0:
            # Unbounded (HiGHS may say "unbounded or infeasible"; feasible it is): with every cell
            # capped far above the table's total, the greatest value reaching the cap is unbounded.
            cap = 10 * sum(c["count"] for c in document["cells"]) + 100
            greatest = milp(-objective, constraints=constraint, integrality=integrality, bounds=Bounds(0, cap))
            assert greatest.status == 0, greatest.message
            high = np.inf if -greatest.fun >= cap else -greatest.fun
        else:
            high = -greatest.fun
        found.append((cell, least.fun, high))
    return found


CASES = [(seed, shape, groups) for seed, shape, groups in [
    (1, (3, 4), True), (2, (4, 3), False), (3, (3, 5), True), (4, (2, 2, 3), False),
    (5, (3, 2, 2), True), (6, (2, 3, 3), False)]]


@pytest.mark.parametrize("seed,shape,groups", CASES, ids=[f"{s}-{'x'.join(map(str, sh))}" for s, sh, _ in CASES])
def test_no_small_cell_can_be_narrowed_below_the_threshold(seed, shape, groups):
    document = random_table(seed, shape, groups=groups, sums=True)
    result = paarorende.suppress(document)
    cells = result.cells
    names = [d["name"] for d in document["dimensions"]]
    # every small count is hidden (primary), every zero is shown
    for cell in cells:
        assert cell["suppressed"] in (False, "primary", "secondary")
        if cell["count"] is not None:
            assert not (1 <= cell["count"] < 5), cell
            assert cell["suppressed"] is False
        else:
            assert cell["sum"] is None and cell["mean"] is None
    for low, high in ((least, greatest) for _, least, greatest in independent_audit(document, cells)):
        assert high - low >= 5, (seed, low, high)
    # the library's own audit agrees on which cells are sensitive
    assert sum(entry["sensitive"] for entry in result.audit) == sum(
        cell["suppressed"] == "primary" for cell in cells)
    assert all(entry["protected"] for entry in result.audit)
    assert len(cells) == np.prod([len(d["values"]) + len(d.get("groups", {})) + 1
                                  for d in document["dimensions"]])
    assert set(names) <= set(cells[0])


@pytest.mark.parametrize("seed,shape,groups", CASES, ids=[f"{s}-{'x'.join(map(str, sh))}" for s, sh, _ in CASES])
def test_the_hypercube_method_passes_the_independent_audit(seed, shape, groups):
    """The method of large tables, forced on the same tables: scipy's audit finds no small cell
    narrower than the threshold, and each move's interval (an inner one) lies inside scipy's."""
    document = random_table(seed, shape, groups=groups, sums=False)
    result = paarorende.suppress(document, hypercube_min_cells=0)
    assert result.method == "hypercube", result.method_reason
    found = independent_audit(document, result.cells)
    assert found
    for _, low, high in found:
        assert high - low >= 5, (seed, low, high)
    names = [d["name"] for d in document["dimensions"]]
    moves = {tuple(entry["cell"][n] for n in names): entry for entry in result.audit if entry["sensitive"]}
    assert len(moves) == len(found)
    for cell, low, high in found:
        move = moves[tuple(cell[n] for n in names)]
        assert not move["proven"]
        assert low <= move["min"] and (move["max"] is None or move["max"] <= high), (move, low, high)


def test_tables_suppressed_together_hide_the_same_cells():
    first = random_table(11, (3, 4), groups=False, sums=False)
    second = json.loads(json.dumps(first))
    for cell in second["cells"]:
        cell["count"] = cell["count"] * 2 + (1 if cell["count"] else 0)  # its small cells elsewhere
    together = paarorende.suppress_together([first, second])
    hidden = [[c["suppressed"] is not False for c in result.cells] for result in together]
    zeros = [c["count"] == 0 for c in together[0].cells]
    assert [h or z for h, z in zip(hidden[0], zeros)] == [h or z for h, z in zip(hidden[1], zeros)]
    assert sum(hidden[0]) >= paarorende.suppress(first).suppressed_count
    other = json.loads(json.dumps(first))
    other["dimensions"][1]["total"] = "elsewhere"
    with pytest.raises(paarorende.InputError) as error:
        paarorende.suppress_together([first, other])
    assert error.value.where == "/tables/1/dimensions"


def test_the_same_table_in_any_order_gives_the_same_bytes():
    document = random_table(9, (4, 4), groups=True, sums=False)
    first = paarorende.suppress(document).to_json()
    shuffled = dict(document, cells=random.Random(3).sample(document["cells"], len(document["cells"])))
    assert paarorende.suppress(shuffled).to_json() == first


def test_a_dataframe_goes_in_and_comes_out():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"municipality": ["3449", "3449", "3450", "3450"],
                              "offer": ["kurs", "treffpunkt", "kurs", "treffpunkt"],
                              "count": [3, 12, 9, 7]})
    result = paarorende.suppress(frame)
    out = result.to_dataframe()
    assert list(out.columns) == ["municipality", "offer", "count", "suppressed"]
    assert len(out) == 9
    row = out[(out.municipality == "3449") & (out.offer == "kurs")].iloc[0]
    assert row["suppressed"] == "primary" and pandas.isna(row["count"])
    table = paarorende.Table.from_dataframe(frame, totals={"municipality": "valdres"})
    assert repr(table) == "Table(threshold=5, dimensions=['municipality', 'offer'], cells=4)"
    assert "valdres" in {cell["municipality"] for cell in paarorende.suppress(table).cells}


def test_a_threshold_below_three_is_refused():
    document = random_table(1, (2, 2), groups=False, sums=False)
    document["threshold"] = 2
    with pytest.raises(paarorende.InputError) as raised:
        paarorende.suppress(document)
    assert (raised.value.where, raised.value.rule) == ("/threshold", "X4")


def test_the_published_forms_show_every_hidden_cell_alike(cli, repo, tmp_path):
    table = repo / "examples" / "valdres_region" / "families_reached.json"
    html, csv_dir = tmp_path / "table.html", tmp_path / "csv"
    result = cli("suppress", table, "--html", html, "--csv", csv_dir)
    assert result.returncode == 0, result.stderr
    analyst = json.loads(result.stdout)
    kinds = {cell["suppressed"] for cell in analyst["cells"]}
    assert {"primary", "secondary"} <= kinds
    assert analyst["audit"] and all(entry["protected"] for entry in analyst["audit"])
    for text in (html.read_text(encoding="utf-8"), (csv_dir / "table.csv").read_text(encoding="utf-8")):
        assert "primary" not in text and "secondary" not in text and "audit" not in text
    lines = (csv_dir / "table.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "municipality,offer,count"
    hidden = sum(cell["count"] is None for cell in analyst["cells"])
    assert sum(line.endswith(",:") for line in lines[1:]) == hidden
    assert html.read_text(encoding="utf-8").count("<td>:</td>") == hidden
    english = tmp_path / "en.html"
    assert cli("suppress", table, "--html", english, "--lang", "en").returncode == 0
    assert 'lang="en"' in english.read_text(encoding="utf-8")
