"""CSV reading: every row's editor line, all malformed rows at once, columns checked by name."""

from pathlib import Path

from pricewar.tables import read_table

COLS = ("a", "b", "c")


def read(tmp_path: Path, content: bytes | str, required=COLS, optional=()):
    path = tmp_path / "t.csv"
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return read_table(path, "t.csv", required, optional)


def test_rows_carry_their_editor_line_even_after_a_multi_line_cell(tmp_path):
    table, problems = read(tmp_path, 'a,b,c\n1,2,3\n"two\nlines",5,6\n7,8,9\n')
    assert problems == []
    assert table.lines.tolist() == [2, 3, 5]
    assert table.frame["a"].tolist() == ["1", "two\nlines", "7"]


def test_every_row_with_the_wrong_number_of_fields_is_reported(tmp_path):
    table, problems = read(tmp_path, "a,b,c\n1,2,3\n4,5\n7,8,9,10\n11,12,13\n14\n")
    assert [(p.line, p.value) for p in problems] == [(3, "2 fields"), (4, "4 fields"), (6, "1 field")]
    assert table.frame["a"].tolist() == ["1", "11"]  # the readable rows are still there


def test_malformed_row_line_counts_multi_line_cells(tmp_path):
    _, problems = read(tmp_path, 'a,b,c\n"x\ny",2,3\n4,5\n')
    assert [(p.line, p.value) for p in problems] == [(4, "2 fields")]


def test_blank_lines_are_ignored_but_counted(tmp_path):
    table, problems = read(tmp_path, "a,b,c\n\n1,2,3\n\n4,5,6")
    assert problems == []
    assert table.lines.tolist() == [3, 5]


def test_cells_are_text_exactly_as_written(tmp_path):
    table, _ = read(tmp_path, "a,b,c\n0.0005,NA,\n")
    assert table.frame.iloc[0].tolist() == ["0.0005", "NA", ""]


def test_excel_byte_order_mark_is_accepted(tmp_path):
    table, problems = read(tmp_path, b"\xef\xbb\xbfa,b,c\n1,2,3\n")
    assert problems == [] and table.frame["a"].tolist() == ["1"]


def test_header_problems_name_the_column(tmp_path):
    _, problems = read(tmp_path, "a,b,b,x\n1,2,3,4\n")
    assert [str(p) for p in problems] == ["t.csv:1: field 'b' — expected each column once",
                                          "t.csv:1: field 'c' — expected a column named 'c' in the header",
                                          "t.csv:1: field 'x' — expected only known columns (a, b, c)"]


def test_optional_columns_may_be_absent(tmp_path):
    table, problems = read(tmp_path, "a,b,c\n1,2,3\n", optional=("note",))
    assert problems == [] and table.frame["note"].tolist() == [""]


def test_non_utf8_names_the_line(tmp_path):
    table, problems = read(tmp_path, "a,b,c\n1,2,3\n价,2,3\n".encode("gb18030"))
    assert table is None
    assert str(problems[0]).startswith("t.csv:3 — expected UTF-8 text")


def test_header_with_a_line_break_is_refused_not_misread(tmp_path):
    table, problems = read(tmp_path, '"a\n",b,c\n1,2,3\n')
    assert table is None
    assert [str(p) for p in problems] == [
        "t.csv:1 — expected the header on one line (a column name holds a line break)"]
