"""Untrusted text is escaped before it reaches Markdown or a plotly label."""

from pricewar.safe import md, plot_text


def test_markdown_links_images_and_directives_are_neutralised():
    assert md("[click](javascript:alert(1))") == r"\[click\]\(`javascript:alert(1))`"
    assert md("![x](https://e.example/x.png)") == r"\!\[x\]\(`https://e.example/x.png)`"
    assert md(":red[alarm] $x$") == r"\:red\[alarm\] \$x\$"


def test_bare_urls_and_emails_become_code_which_is_never_a_link():
    assert md("see https://evil.example and www.evil.example or me@evil.example") == (
        "see `https://evil.example` and `www.evil.example` or `me@evil.example`")
    assert md("x https://a`b") == "x `` https://a`b ``"


def test_plain_chinese_text_is_unchanged():
    assert md("每百万Token价格：输入1元，输出2元") == "每百万Token价格：输入1元，输出2元"


def test_plot_text_escapes_html():
    assert plot_text('<a href="javascript:x">y</a> & <br>') == (
        '&lt;a href="javascript:x"&gt;y&lt;/a&gt; &amp; &lt;br&gt;')
