"""Regression hygiene: the extractor's output on every gold set is kept in tests/snapshots/; any change
must be accepted explicitly with `python tests/snapshot_sets.py`, so that it shows in review."""
from __future__ import annotations

import json

import pytest
from snapshot_sets import SETS, SNAPSHOTS, records


@pytest.mark.parametrize("name", sorted(SETS))
def test_output_matches_the_accepted_snapshot(name: str) -> None:
    folder, snapshot = SETS[name], SNAPSHOTS / f"{name}.jsonl"
    if not folder.is_dir():
        pytest.skip(f"{folder} is not here")
    assert snapshot.exists(), f"no snapshot for {name}: run python tests/snapshot_sets.py"
    expected = snapshot.read_text(encoding="utf-8").splitlines()
    got = records(folder)
    if got == expected:
        return
    by_id = {json.loads(line)["id"]: json.loads(line) for line in expected}
    for line in got:
        rec = json.loads(line)
        old = by_id.get(rec["id"])
        if old != rec:
            changed = sorted(k for k in {*rec, *(old or {})} if (old or {}).get(k) != rec.get(k))
            pytest.fail(f"{name}/{rec['id']}: the extraction changed ({', '.join(changed)}); if the change is "
                        f"right, accept it with `python tests/snapshot_sets.py` and review tests/snapshots/")
    pytest.fail(f"{name}: articles were added or removed; run python tests/snapshot_sets.py")
