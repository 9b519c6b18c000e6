#!/usr/bin/python3
"""Bulk scoring speed (issue #6, docs/evaluation.md#speed): 1,000,000 evaluation responses in 20
courses, scored by paarorende.score_arrays and by the plain pandas code an analyst would write for
the same figures, in one run; checks that both give the same figures and prints the ratio.

Run with Debian's Python and the built package:
    PYTHONPATH=build/python /usr/bin/python3 tests/benchmark/bench_evaluation.py [ROWS]
"""

from __future__ import annotations

import importlib.util
import math
import pathlib
import sys
import time

import numpy as np
import pandas as pd

import paarorende

LIKERT = ["q1", "q2", "q3", "q4"]
Z = 1.959963984540054


def make_frame(rows: int, courses: int = 20, seed: int = 2019) -> pd.DataFrame:
    """The random answers the tests score against pandas (tests/python/test_evaluation.py), at scale."""
    spec = importlib.util.spec_from_file_location(
        "test_evaluation", pathlib.Path(__file__).resolve().parents[1] / "python" / "test_evaluation.py")
    tests = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tests)
    return tests.random_frame(np.random.default_rng(seed), rows, courses)


def with_pandas(frame: pd.DataFrame) -> dict:
    """What an analyst writes: per course and item n, missing, mean, sd, median, the distribution
    and the top-two share; the yes share with its Wilson interval."""
    grouped = frame.groupby("course")
    out = {}
    for item in LIKERT:
        stats = grouped[item].agg(["count", "mean", "std", "median"])
        stats["missing"] = frame[item].isna().groupby(frame["course"]).sum()
        stats["top_two"] = frame[item].ge(4).where(frame[item].notna()).groupby(frame["course"]).mean()
        distribution = frame.groupby(["course", item]).size().unstack(fill_value=0)
        out[item] = (stats, distribution)
    yes = grouped["q5"].agg(["count", "mean"])
    yes["missing"] = frame["q5"].isna().groupby(frame["course"]).sum()
    n, p = yes["count"], yes["mean"]
    denominator = 1 + Z**2 / n
    centre = (p + Z**2 / (2 * n)) / denominator
    half = Z / denominator * np.sqrt(p * (1 - p) / n + Z**2 / (4 * n**2))
    yes["low"], yes["high"] = centre - half, centre + half
    out["q5"] = yes
    return out


def with_paarorende(frame: pd.DataFrame, form) -> paarorende.EvaluationScores:
    columns = {item: frame[item].to_numpy() for item in LIKERT + ["q5"]}
    return paarorende.score_arrays(form, columns, courses=frame["course"].to_numpy())


def best_of(repeats: int, call):
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return min(times), result


def check_same(pandas_result: dict, scores) -> None:
    for course in scores.courses:
        code = int(course.course)
        for index, item in enumerate(LIKERT):
            stats, distribution = pandas_result[item]
            row, mine = stats.loc[code], course.items[index]
            assert mine.n == row["count"] and mine.missing == row["missing"]
            assert math.isclose(mine.mean, row["mean"], abs_tol=1e-9)
            assert math.isclose(mine.sd, row["std"], abs_tol=1e-9)
            assert mine.median == row["median"]
            assert math.isclose(mine.top_two, row["top_two"], abs_tol=1e-9)
            assert [c.count for c in mine.distribution] == [int(distribution.loc[code, float(v)]) for v in range(1, 6)]
        yes, mine = pandas_result["q5"].loc[code], course.items[4]
        assert mine.n == yes["count"] and math.isclose(mine.share, yes["mean"], abs_tol=1e-12)
        assert math.isclose(mine.share_low, yes["low"], abs_tol=1e-9)


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    form = paarorende.EvaluationForm.pilot()
    frame = make_frame(rows)
    pandas_time, pandas_result = best_of(3, lambda: with_pandas(frame))
    ours_time, scores = best_of(5, lambda: with_paarorende(frame, form))
    check_same(pandas_result, scores)
    print(f"{rows:,} responses, {frame['course'].nunique()} courses, items q1-q5 (same figures, checked)")
    print(f"pandas:              {pandas_time * 1000:9.1f} ms")
    print(f"paarorende (bulk):   {ours_time * 1000:9.1f} ms")
    print(f"ratio:               {pandas_time / ours_time:9.1f}x  (target >= 20x)")


if __name__ == "__main__":
    main()
