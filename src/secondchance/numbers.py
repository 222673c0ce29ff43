"""Number words, shared by the rules' texts (relief/params: "seven years") and the listings' ages
(directory/eligibility_ages: "eighteen and up"). A top-level module outside the layers, so both the
domain packages may import it without one importing the other."""

from __future__ import annotations

from typing import Final

#: "zero" ... "twenty": ``NUMBER_WORDS[n]`` is ``n`` in words.
NUMBER_WORDS: Final = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
)
