"""The one list of number words the rules' texts and the listings' ages share."""

from __future__ import annotations

from secondchance.directory.eligibility_ages import digits
from secondchance.numbers import NUMBER_WORDS


def test_number_words_run_from_zero_to_twenty_in_order() -> None:
    assert len(NUMBER_WORDS) == 21
    assert (NUMBER_WORDS[0], NUMBER_WORDS[7], NUMBER_WORDS[20]) == ("zero", "seven", "twenty")


def test_the_listings_ages_read_the_shared_words() -> None:
    assert digits("eighteen and up") == "18 and up"
    assert digits("twenty-one or older") == "21 or older"
