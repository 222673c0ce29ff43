"""``tel:`` links from a parsed phone number, never from every digit in the text.

A listing's phone text may carry an extension, a note or a footnote ("(215) 555-0100 (8)");
joining its digits dials a wrong number. A number libphonenumber cannot parse as valid gets no link.
"""

from __future__ import annotations

import phonenumbers

#: Listings are US services; a number without a country code is read as a US number.
REGION = "US"


def tel_href(text: str) -> str:
    """The RFC 3966 target for ``text`` (``+12155550100`` or ``+12155550100;ext=12``), or "" for no link."""
    if not text or len(text) > 64:
        return ""
    for match in phonenumbers.PhoneNumberMatcher(text, REGION, leniency=phonenumbers.Leniency.POSSIBLE):
        number = match.number
        if phonenumbers.is_possible_number_with_reason(number) != phonenumbers.ValidationResult.IS_POSSIBLE:
            continue  # a local-only number (no area code) cannot be dialled from a link
        target = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return f"{target};ext={number.extension}" if number.extension else target
    return ""
