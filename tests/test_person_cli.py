"""`archive person merge|rename|alias add|remove`: applied at once and recorded as corrections."""
from __future__ import annotations

from pathlib import Path

from test_import_cli import query as rows

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def person_of(url: str, alias: str) -> int | None:
    found = rows(url, "SELECT person_id FROM person_aliases WHERE alias = :a", a=alias)
    return found[0][0] if found else None


def test_merge_moves_everything_and_is_recorded(run_cli, database_url: str) -> None:
    assert run_cli("import", "-q", str(EXAMPLES)).exit_code == 0
    target = person_of(database_url, "Abdulla Aripov")
    source = person_of(database_url, "Роман Головченко")
    assert source and target and source != target
    result = run_cli("person", "merge", str(source), "Абдулла Арипов")
    assert result.exit_code == 0, result.stderr
    assert f"merged {source} " in result.stdout
    assert person_of(database_url, "Роман Головченко") == target
    assert rows(database_url, "SELECT count(*) FROM persons WHERE id = :s", s=source) == [(0,)]
    assert rows(database_url, "SELECT count(*) FROM meeting_participants WHERE person_id = :s", s=source) == [(0,)]
    assert rows(database_url, "SELECT count(*) FROM person_positions WHERE person_id = :s", s=source) == [(0,)]
    assert rows(database_url, "SELECT kind FROM corrections") == [("merge",)]


def test_rename_and_aliases(run_cli, database_url: str) -> None:
    assert run_cli("import", "-q", str(EXAMPLES / "en-tokayev-scholz.txt")).exit_code == 0
    pid = person_of(database_url, "Olaf Scholz")
    assert run_cli("person", "rename", "Scholz", "Olaf Scholz (Chancellor)").exit_code == 0
    assert rows(database_url, "SELECT name FROM persons WHERE id = :p", p=pid) == [("Olaf Scholz (Chancellor)",)]
    assert run_cli("person", "alias", "add", str(pid), "Олаф Шольц", "--language", "ru").exit_code == 0
    assert person_of(database_url, "Олаф Шольц") == pid
    assert run_cli("person", "alias", "remove", "Olaf Scholz", "Олаф Шольц").exit_code == 0
    assert person_of(database_url, "Олаф Шольц") is None
    kinds = [k for (k,) in rows(database_url, "SELECT kind FROM corrections ORDER BY id")]
    assert kinds == ["rename", "alias_add", "alias_remove"]


def test_errors_name_the_problem(run_cli, database_url: str) -> None:
    assert run_cli("import", "-q", str(EXAMPLES)).exit_code == 0
    cases = [
        (("person", "merge", "Nobody Atall", "Smailov"), "no person matches 'Nobody Atall'"),
        (("person", "merge", "Smailov", "Alikhan Smailov"), "same person"),
        (("person", "rename", "99999", "X"), "no person with id 99999"),
        (("person", "alias", "remove", "Smailov", "Not A Spelling"), "has no spelling"),
    ]
    for args, message in cases:
        result = run_cli(*args)
        assert result.exit_code == 1 and message in result.stderr, (args, result.stderr)
    assert rows(database_url, "SELECT count(*) FROM corrections") == [(0,)]


def test_every_command_finds_a_person_the_same_way(run_cli, database_url: str) -> None:
    """A misspelt, inflected or other-script name finds the same person in `official` and `person`."""
    assert run_cli("import", "-q", str(EXAMPLES)).exit_code == 0
    smailov = person_of(database_url, "Әлихан Смайылов")
    for ref in ("Alikhan Smajlov", "смайыловтың", "Смаилов"):
        assert run_cli("official", ref, "-f", "json").exit_code == 0, ref
        result = run_cli("person", "alias", "add", ref, f"{ref} (test)")
        assert result.exit_code == 0, (ref, result.stderr)
        assert person_of(database_url, f"{ref} (test)") == smailov
