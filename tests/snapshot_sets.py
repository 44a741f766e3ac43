"""The article sets whose extraction is kept as a snapshot (tests/snapshots/<name>.jsonl).

    python tests/snapshot_sets.py            # rewrite every snapshot: accept the extractor's output

A change of the extractor that changes any record shows in tests/test_snapshots.py and in the
diff of tests/snapshots/ under review; it lands only when accepted by rewriting the snapshot.
The real-article set is not here: its texts are not in the repository.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SNAPSHOTS = TESTS / "snapshots"
SETS = {
    "examples": ROOT / "examples",
    "fixtures": TESTS / "fixtures",
    "heldout": TESTS / "heldout",
    "heldout-b": TESTS / "heldout-b",
    "heldout-c": TESTS / "heldout-c",
    "heldout-d": TESTS / "heldout-d",
    "corpus": ROOT.parent / "shared" / "corpus",
}


def records(folder: Path) -> list[str]:
    """One JSON line per article of the folder's .txt files, in file order."""
    sys.path.insert(0, str(ROOT))
    from archive.extract.pipeline import extract_article
    from archive.read.text import read_text_file

    out = []
    for path in sorted(folder.glob("*.txt")):
        rec = extract_article(read_text_file(path)).to_dict()
        out.append(json.dumps(rec, ensure_ascii=False, sort_keys=True))
    return out


def main() -> None:
    SNAPSHOTS.mkdir(exist_ok=True)
    for name, folder in SETS.items():
        if not folder.is_dir():
            print(f"{name}: {folder} is missing, snapshot kept as it is")
            continue
        lines = records(folder)
        (SNAPSHOTS / f"{name}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        print(f"{name}: {len(lines)} articles")


if __name__ == "__main__":
    main()
