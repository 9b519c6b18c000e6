"""The examples run as demos: each must run and show the pilot's plan."""

import os
import subprocess
import sys


def test_python_example_plans_the_pilot(repo, build_dir, tmp_path):
    env = dict(os.environ, PYTHONPATH=str(build_dir / "python"))
    result = subprocess.run([sys.executable, str(repo / "examples/sandefjord_pilot/plan_course.py")],
                            capture_output=True, text=True, env=env, cwd=tmp_path, check=False)
    assert result.returncode == 0, result.stderr
    assert "latest start 15:00" in result.stdout
    assert "moved from 31.12.2019 (Juleferie)" in result.stdout
    assert "validate(): 0 errors" in result.stdout


def test_cpp_example_plans_the_pilot_and_writes_icalendar(repo, build_dir, tmp_path):
    ics = tmp_path / "pilot.ics"
    result = subprocess.run([str(build_dir / "examples/plan_sandefjord_pilot"),
                             str(repo / "examples/sandefjord_pilot/course.json"), str(ics)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "seneste start 15:00" in result.stdout
    assert " 3  tirsdag  07.01.2020   15:00-16:30  flyttet fra 31.12.2019 (Juleferie)" in result.stdout
    assert "    tema: Egenomsorg\n    innleder: Psykolog, familietjenesten" in result.stdout
    assert ics.read_text(encoding="utf-8").count("BEGIN:VEVENT") == 5


def test_group_example_sets_the_model_beside_the_pilot(repo, build_dir):
    result = subprocess.run([str(build_dir / "examples/group_attendance"),
                             str(repo / "examples/sandefjord_pilot/group.json"),
                             str(repo / "examples/sandefjord_pilot/attendance.json")],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "husstander til stede:  modell 3.25   piloten 3.25  (13 av 20)" in result.stdout
    assert "warning [G4]: P(at least 5 present at a session) = 58%, below 80%" in result.stdout
    assert "trengs 8 par" in result.stdout
