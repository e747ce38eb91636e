"""`render.words.shell_quote` and `shell_join` (migflags does not import shlex) write what
`shlex.quote` and `shlex.join` write."""

import shlex

import pytest
from hypothesis import given
from hypothesis import strategies as st

from migflags.render.words import shell_join, shell_quote


@given(st.text())
def test_same_as_shlex_quote(word: str) -> None:
    assert shell_quote(word) == shlex.quote(word)


@pytest.mark.parametrize("word", [
    "", "plain", "a b", "it's", "'", "$HOME", "--migrateuri=tcp://h:49152", "a,b", "é", "*", "~",
    "x\ny", "@%+=:,./-_", "!", "^", "a\tb",
])
def test_edge_words(word: str) -> None:
    assert shell_quote(word) == shlex.quote(word)
    assert shlex.split(shell_quote(word)) == [word]


@given(st.lists(st.text(), max_size=5))
def test_same_as_shlex_join(words: list[str]) -> None:
    assert shell_join(words) == shlex.join(words)
