"""Safe YAML with line numbers: records know where they start; dates stay text; no code runs."""

from pricewar.yamlio import read_yaml


def write(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text)
    return path


def test_records_know_their_first_line_and_key_lines(tmp_path):
    data, problems = read_yaml(write(tmp_path, "events:\n  - id: a\n    date: 2024-05-06\n\n  - id: b\n"), "x.yaml")
    assert problems == []
    first, second = data["events"]
    assert (first.line, second.line) == (2, 5)
    assert first.line_of("date") == 3


def test_dates_stay_text_so_validation_can_judge_them(tmp_path):
    data, problems = read_yaml(write(tmp_path, "d: 2024-02-30\ne: 2024-05-06\n"), "x.yaml")
    assert problems == [] and data == {"d": "2024-02-30", "e": "2024-05-06"}


def test_repeated_keys_are_problems_not_silently_dropped(tmp_path):
    _, problems = read_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"), "x.yaml")
    assert [str(p) for p in problems] == ["x.yaml:3: field 'a' — expected each field once in a record (also on line 1)"]


def test_python_tags_are_refused(tmp_path, capfd):
    data, problems = read_yaml(write(tmp_path, "a: !!python/object/apply:os.system [echo PWNED]\n"), "x.yaml")
    assert data is None and "could not determine a constructor" in problems[0].expected
    assert "PWNED" not in capfd.readouterr().out


def test_syntax_error_names_the_line(tmp_path):
    _, problems = read_yaml(write(tmp_path, "a: 1\nb: [2\nc: 3\n"), "x.yaml")
    assert problems[0].line == 3 and problems[0].expected.startswith("well-formed YAML")


def test_missing_file(tmp_path):
    data, problems = read_yaml(tmp_path / "nope.yaml", "nope.yaml")
    assert data is None and str(problems[0]) == "nope.yaml — expected the file to exist"


def test_control_characters_name_their_line(tmp_path):
    data, problems = read_yaml(write(tmp_path, "a: 1\nb: x\x1fy\n"), "x.yaml")
    assert data is None
    assert [str(p) for p in problems] == [
        "x.yaml:2: value 'character U+001F' — expected printable text (no control characters)"]
