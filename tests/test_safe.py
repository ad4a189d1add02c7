"""Untrusted text is escaped before it reaches Markdown or a plotly label."""

from pricewar.safe import md, plot_text


def test_markdown_links_images_and_directives_are_neutralised():
    assert md("[click](javascript:alert(1))") == r"\[click\]\(javascript\:alert\(1\)\)"
    assert md("![x](https://e.example/x.png)").startswith(r"\!\[x\]")
    assert md(":red[alarm] $x$") == r"\:red\[alarm\] \$x\$"


def test_plain_chinese_text_is_unchanged():
    assert md("每百万Token价格：输入1元，输出2元") == "每百万Token价格：输入1元，输出2元"


def test_plot_text_escapes_html():
    assert plot_text('<a href="javascript:x">y</a>') == "&lt;a href=&quot;javascript:x&quot;&gt;y&lt;/a&gt;"
